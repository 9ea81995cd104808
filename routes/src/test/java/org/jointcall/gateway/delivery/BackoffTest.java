package org.jointcall.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfTheDoubledDelay() {
        assertThat(backoff.after(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(1, () -> 0.999_999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(backoff.after(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void theDelayNeverExceedsTheCapHoweverManyAttemptsFailed() {
        assertThat(backoff.after(9, () -> 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(500, () -> 0.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void attemptsAreCountedFromOne() {
        assertThatThrownBy(() -> backoff.after(0, () -> 0.0)).hasMessage("attempts are counted from 1, not 0");
    }

    @Test
    void aCapBelowTheFirstDelayIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("first PT5S, max PT1S");
    }
}
