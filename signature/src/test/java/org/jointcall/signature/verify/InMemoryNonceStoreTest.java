package org.jointcall.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jointcall.signature.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryNonceStoreTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryNonceStore store = new InMemoryNonceStore(clock);

    @Test
    void aNonceIsSpentOncePerKey() {
        Instant expires = START.plus(Duration.ofMinutes(5));
        assertThat(store.firstUse("nsf-2026", "n-1", expires)).isTrue();
        assertThat(store.firstUse("nsf-2026", "n-1", expires)).as("replay").isFalse();
        assertThat(store.firstUse("dfg-2026", "n-1", expires)).as("another key's nonce of the same value").isTrue();
    }

    @Test
    void aReplayIsRefusedUntilTheSignatureExpiresEvenAcrossPurges() {
        assertThat(store.firstUse("nsf-2026", "n-1", START.plus(Duration.ofMinutes(5)))).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.firstUse("nsf-2026", "n-2", START.plus(Duration.ofMinutes(9)))).as("purges, keeps n-1").isTrue();
        assertThat(store.firstUse("nsf-2026", "n-1", START.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void expiredNoncesArePurgedAtMostOnceASecond() {
        store.firstUse("nsf-2026", "n-1", START.plus(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(11));
        store.firstUse("nsf-2026", "n-2", START.plus(Duration.ofMinutes(5)));
        assertThat(store.size()).as("n-1 expired and was purged").isEqualTo(1);

        store.firstUse("nsf-2026", "n-3", clock.instant().plusMillis(100));
        clock.advance(Duration.ofMillis(500));
        store.firstUse("nsf-2026", "n-4", START.plus(Duration.ofMinutes(5)));
        assertThat(store.size()).as("n-3 expired, but the last purge was half a second ago").isEqualTo(3);
        clock.advance(Duration.ofMillis(600));
        store.firstUse("nsf-2026", "n-5", START.plus(Duration.ofMinutes(5)));
        assertThat(store.size()).isEqualTo(3);
    }
}
