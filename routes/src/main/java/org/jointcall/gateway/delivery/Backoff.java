package org.jointcall.gateway.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * {@code first * 2^(n-1)}, capped at {@code max}. The random half spreads the retries of many
 * messages (and of several instances) to a partner that has just come back, instead of sending
 * them all in the same second.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, not first " + first + ", max " + max);
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first).
     *
     * @param random a source of numbers in [0, 1)
     */
    public Duration after(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, not " + attempt);
        }
        long ceiling = max.toMillis();
        long full = first.toMillis() << Math.min(attempt - 1, 40);
        long capped = full <= 0 || full > ceiling ? ceiling : full;
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }
}
