package org.jointcall.contracts.validation;

/**
 * A value or message that breaks the canonical contract. It always says which field was wrong and
 * why, in words a partner agency's developer can act on without reading our code; the message is
 * {@code field: reason}.
 */
public class ContractViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public ContractViolation(String field, String reason) {
        this(field, reason, field + ": " + reason);
    }

    /** For subclasses that report more than one field and build their own message. */
    protected ContractViolation(String field, String reason, String message) {
        super(message);
        this.field = field;
        this.reason = reason;
    }

    /** The field that is wrong, as a path such as {@code proposalPart.person[1].orcid}. */
    public String field() {
        return field;
    }

    /** What is wrong with it and, where possible, what would be right. */
    public String reason() {
        return reason;
    }

    /** The same violation, reported at a more precise path (a value type only knows its own name). */
    public ContractViolation at(String path) {
        return new ContractViolation(path, reason);
    }
}
