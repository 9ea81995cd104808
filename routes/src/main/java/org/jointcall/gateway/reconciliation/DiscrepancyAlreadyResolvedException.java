package org.jointcall.gateway.reconciliation;

/** A discrepancy was resolved before, by someone else or by reconciliation (an API answers 409). */
public class DiscrepancyAlreadyResolvedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Discrepancy discrepancy;

    public DiscrepancyAlreadyResolvedException(Discrepancy discrepancy) {
        super("discrepancy " + discrepancy.id() + " was resolved already by " + discrepancy.resolution().orElseThrow().by()
                + " at " + discrepancy.resolution().orElseThrow().at());
        this.discrepancy = discrepancy;
    }

    /** The discrepancy as it is, with its earlier resolution. */
    public Discrepancy discrepancy() {
        return discrepancy;
    }
}
