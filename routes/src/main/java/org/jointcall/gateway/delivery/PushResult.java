package org.jointcall.gateway.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * What one push attempt came to. Only a partner that is down or overloaded (5xx, 429, no answer)
 * counts against its circuit; a partner that answers but refuses, or a receipt that does not verify,
 * is retried without blaming the partner's availability; a message its adapter cannot write is dead
 * at once, since trying again would write it no better.
 */
public record PushResult(Outcome outcome, Integer httpStatus, String error, Optional<Receipt> receipt) {

    public enum Outcome { DELIVERED, PARTNER_UNAVAILABLE, REFUSED, UNDELIVERABLE }

    public PushResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receipt, "receipt");
        if (outcome != Outcome.DELIVERED && error == null) {
            throw new IllegalArgumentException("a failed push says why");
        }
    }

    public static PushResult delivered(Receipt receipt) {
        return new PushResult(Outcome.DELIVERED, receipt.status(), null, Optional.of(receipt));
    }

    public static PushResult failed(Outcome outcome, Integer httpStatus, String error, Optional<Receipt> receipt) {
        return new PushResult(outcome, httpStatus, error, receipt);
    }
}
