package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jointcall.gateway.persistence.Transactions;

/**
 * Writes what came of each push into the outbox: the attempt into the message's history, the message
 * DELIVERED, PENDING again or DEAD, and the partner's circuit. The pushers of an instance finish about
 * as often as PostgreSQL commits, so their records are written together (group commit): whoever finds
 * no write going on writes every attempt waiting at that moment in one transaction, while the next
 * attempts wait for the following one. One pusher alone writes its own at once; under load a
 * transaction carries many, which spares PostgreSQL most of the statements and commits a delivery
 * cost (bench/: about four of them per partner message).
 *
 * <p>{@link #record} returns once the attempt is committed. If a transaction of several fails, each
 * of its attempts is written again on its own, so one bad record does not take the others with it;
 * an attempt that still cannot be written stays claimed until its lease ends and is pushed again
 * under the same message id, which the partner's idempotency makes harmless.
 */
final class AttemptRecorder {

    private final Transactions transactions;
    private final OutboxQueue queue;
    private final PartnerCircuits circuits;
    private final DeliverySettings settings;
    private final String instanceId;

    /** Guards {@link #waiting} and {@link #writing}; attempts wait on it for their transaction. */
    private final Object turn = new Object();
    private List<Waiting> waiting = new ArrayList<>();
    private boolean writing;

    AttemptRecorder(Transactions transactions, OutboxQueue queue, PartnerCircuits circuits, DeliverySettings settings,
            String instanceId) {
        this.transactions = transactions;
        this.queue = queue;
        this.circuits = circuits;
        this.settings = settings;
        this.instanceId = instanceId;
    }

    /** Writes {@code attempt}, together with those of other pushers finishing meanwhile; returns when it is committed. */
    void record(PushAttempt attempt) throws SQLException, InterruptedException {
        Waiting mine = new Waiting(attempt);
        List<Waiting> batch;
        synchronized (turn) {
            waiting.add(mine);
            try {
                while (writing && !mine.written) {
                    turn.wait();
                }
            } catch (InterruptedException e) {
                waiting.remove(mine);
                throw e;
            }
            if (mine.written) {
                mine.rethrow();
                return;
            }
            writing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        try {
            write(batch);
        } finally {
            synchronized (turn) {
                batch.forEach(each -> each.written = true);
                writing = false;
                turn.notifyAll();
            }
        }
        mine.rethrow();
    }

    private void write(List<Waiting> batch) {
        try {
            writeTogether(batch.stream().map(Waiting::attempt).toList());
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1 || unreachable(e)) {
                batch.forEach(each -> each.failure = e);
                return;
            }
            for (Waiting each : batch) {
                try {
                    writeTogether(List.of(each.attempt));
                } catch (SQLException | RuntimeException alone) {
                    each.failure = alone;
                }
            }
        }
    }

    /** Whether the database could not be reached at all, when writing the attempts one by one would only wait longer. */
    private static boolean unreachable(Exception e) {
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    private void writeTogether(List<PushAttempt> attempts) throws SQLException {
        transactions.inTransaction(connection -> {
            queue.recordAttempts(connection, attempts, instanceId);
            queue.delivered(connection, attempts.stream().filter(PushAttempt::delivered).toList());
            for (PushAttempt attempt : attempts) {
                if (!attempt.delivered()) {
                    queue.failed(connection, attempt.message(), attempt.result().error(), attempt.retryAt(), attempt.result().request(),
                            attempt.result().receipt());
                }
            }
            updateCircuits(connection, attempts);
            return null;
        });
    }

    /**
     * Tells each partner's circuit what its pushes came to, in the order they finished. A success after a
     * success changes nothing, so a transaction closes a partner's circuit at most once per run of them.
     */
    private void updateCircuits(Connection connection, List<PushAttempt> attempts) throws SQLException {
        Map<String, PushResult.Outcome> last = new HashMap<>();
        for (PushAttempt attempt : attempts) {
            String partner = attempt.message().recipient();
            PushResult.Outcome outcome = attempt.result().outcome();
            if (outcome == PushResult.Outcome.DELIVERED && last.get(partner) != PushResult.Outcome.DELIVERED) {
                circuits.recordSuccess(connection, partner);
            } else if (outcome == PushResult.Outcome.PARTNER_UNAVAILABLE) {
                circuits.recordFailure(connection, partner, settings.circuitFailureThreshold(), settings.circuitOpenFor());
            }
            if (outcome == PushResult.Outcome.DELIVERED || outcome == PushResult.Outcome.PARTNER_UNAVAILABLE) {
                last.put(partner, outcome);
            }
        }
    }

    /**
     * An attempt waiting for its transaction. {@code written} is guarded by {@code turn}; the writer sets
     * {@code failure} before it sets {@code written}, and the attempt reads it after, both under {@code turn}.
     */
    private static final class Waiting {
        private final PushAttempt attempt;
        private boolean written;
        private Exception failure;

        Waiting(PushAttempt attempt) {
            this.attempt = attempt;
        }

        PushAttempt attempt() {
            return attempt;
        }

        void rethrow() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
        }
    }
}
