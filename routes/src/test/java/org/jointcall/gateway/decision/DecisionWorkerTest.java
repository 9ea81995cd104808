package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointcall.gateway.it.CountingTransactions;
import org.jointcall.gateway.it.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many threads and transactions a poll of the decision worker (four applying threads at most) spends on a real
 * PostgreSQL: helpers start only for other proposals that are waiting.
 */
class DecisionWorkerTest {

    private TestDatabase.Database database;
    private CountingTransactions transactions;
    private LedgerFixture fixture;

    @BeforeEach
    void migrated() throws Exception {
        database = TestDatabase.fresh("decision_worker");
        LedgerFixture.migrateWithTheTestCall(database);
        fixture = new LedgerFixture(database);
        transactions = CountingTransactions.on(database.dataSource());
    }

    @Test
    void oneWaitingMessageIsAppliedWithoutWakingTheOtherThreads() throws Exception {
        fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-W-1", 1));

        int settled = LedgerFixture.decisionWorker(transactions, 4).poll();

        assertThat(settled).isEqualTo(1);
        assertThat(transactions.threads()).as("the message's transaction, then the look that found the queue empty")
                .hasSize(2).noneMatch(thread -> thread.startsWith("decision-apply-"));
    }

    @Test
    void messagesOfOtherProposalsWaitingBringInTheHelpers() throws Exception {
        for (int proposal = 1; proposal <= 4; proposal++) {
            fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-W-" + proposal, 1));
        }

        int settled = LedgerFixture.decisionWorker(transactions, 4).poll();

        assertThat(settled).isEqualTo(4);
        assertThat(database.column("SELECT count(*) FROM decision_queue")).containsExactly("0");
        assertThat(transactions.threads()).as("helpers, one for each of the 3 other proposals waiting at the first claim")
                .contains("decision-apply-1", "decision-apply-2", "decision-apply-3");
    }
}
