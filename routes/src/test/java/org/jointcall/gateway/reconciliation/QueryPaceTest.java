package org.jointcall.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueryPaceTest {

    private long now = 1_000_000_000L;
    private final List<Long> slept = new ArrayList<>();
    private final QueryPace fourPerSecond = new QueryPace(4, () -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    });

    @Test
    void theFirstQueryGoesAtOnceAndEachNextOneAQuarterSecondAfterTheOneBefore() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            fourPerSecond.awaitTurn();
        }

        assertThat(slept).containsExactly(250_000_000L, 250_000_000L, 250_000_000L);
        assertThat(now).isEqualTo(1_750_000_000L);
    }

    @Test
    void timeSpentOnAQueryCountsTowardsTheWait() throws InterruptedException {
        fourPerSecond.awaitTurn();
        now += 100_000_000L; // the partner took 100 ms to answer

        fourPerSecond.awaitTurn();
        now += 400_000_000L; // and then 400 ms

        fourPerSecond.awaitTurn();

        assertThat(slept).as("only what is left of the quarter second, and nothing once it has passed").containsExactly(150_000_000L);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new QueryPace(0, () -> 0, nanos -> { })).hasMessageContaining("positive");
        assertThatThrownBy(() -> new QueryPace(Double.NaN, () -> 0, nanos -> { })).hasMessageContaining("positive");
    }
}
