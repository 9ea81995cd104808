package org.jointcall.gateway.reconciliation;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces one run's status queries to an agency evenly, at most {@code perSecond} of them a second. Without it a
 * run asked about every open track back to back: about a thousand signed requests in one burst on the first run
 * of a busy call, which a partner's rate limit or its operators would rightly take for an attack.
 */
final class QueryPace {

    /** Waits for the given number of nanoseconds; interruptible so that stopping the gateway ends a run. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long next;
    private boolean started;

    QueryPace(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("queries per second must be positive, not " + perSecond);
        }
        this.intervalNanos = (long) (Duration.ofSeconds(1).toNanos() / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static QueryPace realTime(double perSecond) {
        return new QueryPace(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Returns when the next query may go: at once for the first, then one interval after the one before. */
    void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (started && now - next < 0) {
            sleeper.sleep(next - now);
            now = next;
        }
        started = true;
        next = now + intervalNanos;
    }
}
