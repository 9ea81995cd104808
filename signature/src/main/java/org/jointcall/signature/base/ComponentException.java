package org.jointcall.signature.base;

/**
 * A covered component that cannot be turned into a line of the signature base, either because the
 * message lacks it or because its identifier or value is not acceptable. Signer and verifier must
 * both fail in that case (RFC 9421 §2.5), so this is an exception rather than an empty value.
 */
public final class ComponentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the component could not be used. */
    public enum Reason {
        /** The message does not contain the component (a field, a dictionary key, a query parameter). */
        ABSENT,
        /** The identifier or the component's value breaks a rule of RFC 9421 or RFC 8941. */
        INVALID
    }

    private final Reason reason;
    private final String component;

    public ComponentException(Reason reason, String component, String detail) {
        super("component " + component + ": " + detail);
        this.reason = reason;
        this.component = component;
    }

    public ComponentException(Reason reason, String component, String detail, Throwable cause) {
        super("component " + component + ": " + detail, cause);
        this.reason = reason;
        this.component = component;
    }

    public Reason reason() {
        return reason;
    }

    /** The serialised component identifier, e.g. {@code "content-digest"} or {@code "@query-param";name="id"}. */
    public String component() {
        return component;
    }
}
