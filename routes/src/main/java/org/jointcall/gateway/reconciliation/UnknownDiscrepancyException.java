package org.jointcall.gateway.reconciliation;

/** There is no discrepancy with the id asked for (an API answers 404). */
public class UnknownDiscrepancyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownDiscrepancyException(long id) {
        super("there is no discrepancy " + id);
    }
}
