package org.jointcall.gateway.decision;

import java.util.Objects;

/**
 * What applying one ledger message came to, as the ledger records it: APPLIED (including reports
 * that were stale or repeated and changed nothing), HELD until something it waits for arrives, or
 * REFUSED because it breaks a business rule; the detail says which and why.
 */
public record Settlement(State state, String detail) {

    /** The ledger's processing states a worker may set. */
    public enum State { APPLIED, HELD, REFUSED }

    public Settlement {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    public static Settlement applied(String detail) {
        return new Settlement(State.APPLIED, detail);
    }

    public static Settlement held(String detail) {
        return new Settlement(State.HELD, detail);
    }

    public static Settlement refused(String detail) {
        return new Settlement(State.REFUSED, detail);
    }
}
