package org.jointcall.gateway.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One push of a claimed message and what came of it, as the outbox records it.
 *
 * @param retryAt when to try again after a failed push; empty when it was delivered or when the failure is final
 */
public record PushAttempt(ClaimedMessage message, PushResult result, Instant startedAt, long millis, Optional<Instant> retryAt) {

    public PushAttempt {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(retryAt, "retryAt");
    }

    public boolean delivered() {
        return result.outcome() == PushResult.Outcome.DELIVERED;
    }

    /** The attempt's outcome in the message's history: DELIVERED, FAILED (to be retried) or DEAD. */
    public String outcome() {
        return delivered() ? "DELIVERED" : retryAt.isPresent() ? "FAILED" : "DEAD";
    }
}
