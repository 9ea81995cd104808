package org.jointcall.gateway.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * What one push attempt came to. Only a partner that is down or overloaded (5xx, 429, no answer)
 * counts against its circuit; a partner that answers but refuses, or a receipt that does not verify,
 * is retried without blaming the partner's availability; a message its adapter cannot write is dead
 * at once, since trying again would write it no better.
 */
public record PushResult(Outcome outcome, Integer httpStatus, String error, Optional<SentRequest> request, Optional<Receipt> receipt) {

    public enum Outcome { DELIVERED, PARTNER_UNAVAILABLE, REFUSED, UNDELIVERABLE }

    public PushResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(receipt, "receipt");
        if (receipt.isPresent() && request.isEmpty()) {
            throw new IllegalArgumentException("a receipt answers a request that was sent");
        }
        if (outcome != Outcome.DELIVERED && error == null) {
            throw new IllegalArgumentException("a failed push says why");
        }
    }

    public static PushResult delivered(SentRequest request, Receipt receipt) {
        return new PushResult(Outcome.DELIVERED, receipt.status(), null, Optional.of(request), Optional.of(receipt));
    }

    /** A push that failed before anything was sent: the adapter could not write the message. */
    public static PushResult notSent(Outcome outcome, String error) {
        return new PushResult(outcome, null, error, Optional.empty(), Optional.empty());
    }

    /** A push that was sent and failed; {@code receipt} is what the partner answered, if it answered at all. */
    public static PushResult failed(Outcome outcome, Integer httpStatus, String error, SentRequest request, Optional<Receipt> receipt) {
        return new PushResult(outcome, httpStatus, error, Optional.of(request), receipt);
    }
}
