package org.jointcall.gateway.persistence;

import java.time.Duration;

/**
 * Tells a worker of this instance that work it polls for has just been committed, so it starts at once
 * instead of at its next poll. The poll stays the source of truth (work committed by another instance,
 * or before a restart, is found by it); the signal only cuts the wait, which at moderate load was most of
 * a message's end-to-end latency.
 *
 * <p>A worker reads {@link #seen()} before it looks for work, and if it found none waits with
 * {@link #awaitAfter}: a commit signalled between the look and the wait is not missed.
 */
public class CommitSignal {

    // A lock of its own, not synchronized methods: CDI client proxies copy the synchronized modifier, so a
    // waiting worker would hold the proxy's monitor and every committed() would wait out its patience.
    private final Object lock = new Object();
    private long commits;

    /** Called after the transaction that made work available has committed. */
    public void committed() {
        synchronized (lock) {
            commits++;
            lock.notifyAll();
        }
    }

    /** How many commits were signalled so far; pass it to {@link #awaitAfter}. */
    public long seen() {
        synchronized (lock) {
            return commits;
        }
    }

    /** One poll of a worker: does what is waiting, returns how much. */
    @FunctionalInterface
    public interface Poll {
        int poll() throws Exception;
    }

    /**
     * Runs {@code poll}, and again whenever a commit is signalled during it or while waiting afterwards, until
     * {@code limit} has passed since the start; returns the sum of what the polls did.
     */
    public int pollAsCommitted(Poll poll, Duration limit) throws Exception {
        long started = System.nanoTime();
        int done = 0;
        while (true) {
            long seen = seen();
            done += poll.poll();
            long left = limit.toNanos() - (System.nanoTime() - started);
            if (left <= 0 || !awaitAfter(seen, Duration.ofNanos(left))) {
                return done;
            }
        }
    }

    /** Waits until a commit after {@code seen} is signalled or {@code patience} is over; returns whether one was. */
    public boolean awaitAfter(long seen, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lock) {
            while (commits == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
