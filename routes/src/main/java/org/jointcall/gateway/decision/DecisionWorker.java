package org.jointcall.gateway.decision;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.delivery.OutboxArrivals;
import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.persistence.Transactions;

/**
 * One poll of the decision worker: the waiting ledger messages, each claimed and applied in a transaction of
 * its own, so one message's failure rolls back nothing else and a killed instance loses nothing (its claimed
 * messages simply stay RECEIVED). {@code gateway.decision.concurrency} transactions run at once: most of an
 * application is waiting for PostgreSQL, and messages of one joint proposal are serialised by its advisory lock
 * anyway (see {@link DecisionApplier}), just as they are between instances.
 */
@ApplicationScoped
public class DecisionWorker {

    /** How long one poll goes on while messages keep arriving (bench/ showed the timer's pause capping throughput). */
    static final long POLL_LIMIT_NANOS = 2_000_000_000L;

    private Transactions transactions;
    private DecisionLedger ledger;
    private DecisionApplier applier;
    private int batchSize;
    private int concurrency;
    private LedgerArrivals arrivals;
    private OutboxArrivals outboxArrivals;
    private ExecutorService appliers;

    /** For the CDI proxy only. */
    protected DecisionWorker() {
    }

    @Inject
    public DecisionWorker(Transactions transactions, DecisionLedger ledger, DecisionApplier applier,
            @ConfigProperty(name = "gateway.decision.batch-size", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "gateway.decision.concurrency", defaultValue = "4") int concurrency,
            LedgerArrivals arrivals, OutboxArrivals outboxArrivals) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("gateway.decision.batch-size is " + batchSize + "; it must be at least 1");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("gateway.decision.concurrency is " + concurrency + "; it must be at least 1");
        }
        this.transactions = transactions;
        this.ledger = ledger;
        this.applier = applier;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.arrivals = arrivals;
        this.outboxArrivals = outboxArrivals;
    }

    /**
     * Applies received messages until none is left, up to {@code concurrency} at a time; returns how many were
     * settled. The calling thread starts helpers only while other proposals have messages waiting: most polls
     * start for one new message, and helpers that find the queue empty cost PostgreSQL a transaction each (in a
     * bench run at 100 msg/s, three of every four looks found nothing). Under a steady load a poll could go on
     * for ever, so after each {@code batchSize} messages an applying thread stops if the poll has run for
     * {@link #POLL_LIMIT_NANOS}, letting the route see a shutdown.
     */
    public int poll() throws SQLException {
        long started = System.nanoTime();
        List<Future<Integer>> helpers = new ArrayList<>();
        int settled = 0;
        int settledHere = 0;
        OptionalInt othersWaiting;
        while ((othersWaiting = applyNext()).isPresent()) {
            settled++;
            settledHere++;
            for (Iterator<Future<Integer>> helper = helpers.iterator(); helper.hasNext(); ) {
                Future<Integer> each = helper.next();
                if (each.isDone()) {
                    settled += settledBy(each);
                    helper.remove();
                }
            }
            while (helpers.size() < Math.min(concurrency - 1, othersWaiting.getAsInt())) {
                helpers.add(appliers().submit(() -> applyAll(started)));
            }
            // Counted on this thread alone: the helpers' totals, added as they finish, could step over every multiple.
            if (pollLimitReached(settledHere, started)) {
                break;
            }
        }
        for (Future<Integer> helper : helpers) {
            settled += settledBy(helper);
        }
        return settled;
    }

    /**
     * Polls, and while the poll limit lasts waits for this instance's next ledger commit whenever nothing is
     * waiting, so a message the inbound API has just accepted is applied at once rather than at the next tick.
     */
    public int work() throws Exception {
        return arrivals.pollAsCommitted(this::poll, Duration.ofNanos(POLL_LIMIT_NANOS));
    }

    private static int settledBy(Future<Integer> applying) throws SQLException {
        try {
            return applying.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the decision worker's other threads", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private int applyAll(long started) throws SQLException {
        int settled = 0;
        while (applyNext().isPresent()) {
            settled++;
            if (pollLimitReached(settled, started)) {
                break;
            }
        }
        return settled;
    }

    /** Whether a thread that has settled {@code settledHere} messages should stop: after each batch, once the poll ran long. */
    private boolean pollLimitReached(int settledHere, long started) {
        return settledHere % batchSize == 0 && System.nanoTime() - started > POLL_LIMIT_NANOS;
    }

    /** Claims and applies one message in a transaction of its own; empty if none was waiting, else how many other proposals were. */
    private OptionalInt applyNext() throws SQLException {
        OptionalInt othersWaiting = transactions.inTransaction(connection -> {
            var claim = ledger.claimNext(connection);
            if (claim.isEmpty()) {
                return OptionalInt.empty();
            }
            LedgerEntry entry = claim.get().entry();
            try (Correlation ignored = Correlation.of(Correlation.LEDGER_ID, entry.ledgerId()).and(Correlation.AGENCY, entry.agency())) {
                applier.apply(connection, entry);
            }
            return OptionalInt.of(claim.get().otherProposalsWaiting());
        });
        if (othersWaiting.isPresent()) {
            outboxArrivals.committed();
        }
        return othersWaiting;
    }

    private synchronized ExecutorService appliers() {
        if (appliers == null) {
            AtomicInteger threads = new AtomicInteger();
            appliers = Executors.newFixedThreadPool(concurrency - 1, task -> {
                Thread thread = new Thread(task, "decision-apply-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return appliers;
    }

    /** Stops the applying threads; a message cut short is rolled back and stays RECEIVED. */
    @PreDestroy
    public synchronized void stop() {
        if (appliers != null) {
            appliers.shutdownNow();
            appliers = null;
        }
    }
}
