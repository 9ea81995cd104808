package org.jointcall.gateway.decision;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.persistence.Transactions;

/**
 * One poll of the decision worker: the waiting ledger messages, in batches of {@code gateway.decision.batch-size},
 * each claimed and applied in a transaction of its own, so one message's failure rolls back nothing else
 * and a killed instance loses nothing (its claimed messages simply stay RECEIVED).
 */
@ApplicationScoped
public class DecisionWorker {

    /** How long one poll goes on while messages keep arriving (bench/ showed the timer's pause capping throughput). */
    static final long POLL_LIMIT_NANOS = 2_000_000_000L;

    private Transactions transactions;
    private DecisionLedger ledger;
    private DecisionApplier applier;
    private int batchSize;

    /** For the CDI proxy only. */
    protected DecisionWorker() {
    }

    @Inject
    public DecisionWorker(Transactions transactions, DecisionLedger ledger, DecisionApplier applier,
            @ConfigProperty(name = "gateway.decision.batch-size", defaultValue = "20") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("gateway.decision.batch-size is " + batchSize + "; it must be at least 1");
        }
        this.transactions = transactions;
        this.ledger = ledger;
        this.applier = applier;
        this.batchSize = batchSize;
    }

    /**
     * Applies received messages until none is left; returns how many were settled. Under a steady load that
     * could go on for ever, so after each batch of {@code batchSize} the poll returns if it has run for
     * {@link #POLL_LIMIT_NANOS}, letting the route see a shutdown; otherwise it carries on at once instead of
     * leaving the backlog to wait for the next tick of the timer.
     */
    public int poll() throws SQLException {
        long started = System.nanoTime();
        int settled = 0;
        while (applyNext()) {
            settled++;
            if (settled % batchSize == 0 && System.nanoTime() - started > POLL_LIMIT_NANOS) {
                break;
            }
        }
        return settled;
    }

    private boolean applyNext() throws SQLException {
        return transactions.inTransaction(connection -> {
            var entry = ledger.claimNext(connection);
            if (entry.isEmpty()) {
                return false;
            }
            try (Correlation ignored = Correlation.of(Correlation.LEDGER_ID, entry.get().ledgerId())
                    .and(Correlation.AGENCY, entry.get().agency())) {
                applier.apply(connection, entry.get());
            }
            return true;
        });
    }
}
