package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision worker's queue ({@code decision_queue}, migration V12) holds exactly the ledger rows in state
 * RECEIVED, whichever statement set the state, and settling a row leaves the ledger's indexes alone.
 */
class DecisionQueueTest {

    private final DecisionLedger decisions = new DecisionLedger();
    private TestDatabase.Database database;
    private Transactions transactions;
    private LedgerFixture fixture;

    @BeforeEach
    void migrated() throws Exception {
        database = TestDatabase.fresh("decision_queue");
        transactions = LedgerFixture.migrateWithTheTestCall(database);
        fixture = new LedgerFixture(database);
    }

    @Test
    void aReceivedMessageIsQueuedUntilItIsSettledAndQueuedAgainWhenItsHoldIsLifted() throws Exception {
        long part = fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-1", 1));
        long review = fixture.receive(LedgerFixture.sample("UKRI", "review", "JR-Q-1", 1));
        assertThat(queued()).containsExactly(String.valueOf(part), String.valueOf(review));

        transactions.inTransaction(connection -> {
            Optional<DecisionLedger.Claim> claimed = decisions.claimNext(connection);
            assertThat(claimed).map(claim -> claim.entry().ledgerId()).contains(part);
            decisions.settle(connection, part, Settlement.held("waits for the call"));
            return null;
        });
        assertThat(queued()).containsExactly(String.valueOf(review));

        transactions.inTransaction(connection -> {
            decisions.settle(connection, review, Settlement.applied("applied"));
            return decisions.requeueHeld(connection, LedgerFixture.CALL, "JR-Q-1");
        });
        assertThat(queued()).as("the held part is back, the applied review is not").containsExactly(String.valueOf(part));
        assertThat(fixture.processing(part)).containsExactly("RECEIVED", null);
    }

    @Test
    void aRowStoredAlreadySettledIsNotQueued() throws Exception {
        long part = fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-2", 1));
        execute("UPDATE exchange_ledger SET processing_state = 'REFUSED' WHERE ledger_id = " + part);
        execute("INSERT INTO exchange_ledger (agency, message_id, kind, media_type, body, body_digest, request_headers,"
                + " signature_input, signature, key_id, algorithm, verdict, canonical_xml, receipt_status, receipt_headers,"
                + " receipt_body, processing_state) SELECT agency, message_id || '-copy', kind, media_type, body, body_digest,"
                + " request_headers, signature_input, signature, key_id, algorithm, verdict, canonical_xml, receipt_status,"
                + " receipt_headers, receipt_body, 'APPLIED' FROM exchange_ledger WHERE ledger_id = " + part);

        assertThat(queued()).isEmpty();
        assertThat(transactions.inTransaction(decisions::claimNext)).isEmpty();
    }

    @Test
    void aClaimSaysHowManyOtherProposalsHaveMessagesWaiting() throws Exception {
        long part = fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-4", 1));
        fixture.receive(LedgerFixture.sample("UKRI", "proposal", "JR-Q-4", 1));
        fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-5", 1));
        fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-6", 1));

        Optional<DecisionLedger.Claim> claimed = transactions.inTransaction(decisions::claimNext);

        assertThat(claimed).map(claim -> claim.entry().ledgerId()).contains(part);
        assertThat(claimed).map(DecisionLedger.Claim::otherProposalsWaiting).contains(2);
    }

    /**
     * Settling changes no indexed column, so PostgreSQL updates the row in place (a HOT update) instead of adding an
     * entry to each of the ledger's indexes. An index on processing_state, or one with it in its predicate, breaks this.
     */
    @Test
    void settlingIsAHotUpdateOfTheLedgerRow() throws Exception {
        long part = fixture.receive(LedgerFixture.sample("NSF", "proposal", "JR-Q-3", 1));

        List<Long> updates = transactions.inTransaction(connection -> {
            decisions.settle(connection, part, Settlement.applied("applied"));
            return TestDatabase.updatesInThisTransaction(connection, "exchange_ledger");
        });

        assertThat(updates).as("updates, HOT updates of exchange_ledger").containsExactly(1L, 1L);
    }

    private List<String> queued() throws SQLException {
        return database.column("SELECT ledger_id FROM decision_queue ORDER BY ledger_id");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
