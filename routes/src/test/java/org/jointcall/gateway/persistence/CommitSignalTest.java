package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CommitSignalTest {

    private final CommitSignal signal = new CommitSignal();

    @Test
    void aCommitWakesAWaitingWorker() throws Exception {
        long seen = signal.seen();
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitAfter(seen, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(woken).isNotDone();

        signal.committed();

        assertThat(woken.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCommitBetweenTheLookAndTheWaitIsNotMissed() throws Exception {
        long seen = signal.seen();
        signal.committed();

        assertThat(signal.awaitAfter(seen, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void withoutACommitTheWaitEndsWithItsPatience() throws Exception {
        assertThat(signal.awaitAfter(signal.seen(), Duration.ofMillis(20))).isFalse();
    }

    @Test
    void pollsAgainWhenACommitIsSignalledDuringAPollAndStopsAfterTheLimit() throws Exception {
        int[] polls = {0};
        int done = signal.pollAsCommitted(() -> {
            polls[0]++;
            if (polls[0] < 3) {
                signal.committed();
            }
            return 2;
        }, Duration.ofMillis(200));

        assertThat(polls[0]).isEqualTo(3);
        assertThat(done).isEqualTo(6);
    }
}
