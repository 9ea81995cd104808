package org.jointcall.signature.structured;

/**
 * A field value that does not follow its structured syntax. Carries the field name so that the
 * problem report can say which header was wrong, not just that something was.
 */
public final class MalformedFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fieldName;

    public MalformedFieldException(String fieldName, String detail) {
        super(fieldName + ": " + detail);
        this.fieldName = fieldName;
    }

    public MalformedFieldException(String fieldName, String detail, Throwable cause) {
        super(fieldName + ": " + detail, cause);
        this.fieldName = fieldName;
    }

    /** The name of the offending field as the caller gave it. */
    public String fieldName() {
        return fieldName;
    }
}
