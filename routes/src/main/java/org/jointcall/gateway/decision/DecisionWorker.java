package org.jointcall.gateway.decision;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.persistence.Transactions;

/**
 * One poll of the decision worker: up to {@code gateway.decision.batch-size} ledger messages, each
 * claimed and applied in a transaction of its own, so one message's failure rolls back nothing else
 * and a killed instance loses nothing (its claimed messages simply stay RECEIVED).
 */
@ApplicationScoped
public class DecisionWorker {

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

    /** Applies received messages until none is left or the batch is full; returns how many were settled. */
    public int poll() throws SQLException {
        int settled = 0;
        while (settled < batchSize && applyNext()) {
            settled++;
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
