package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.delivery.Outbox;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deadline sweep on a real PostgreSQL, in a call whose parallel-submission window and decision deadline have passed. */
class DeadlineSweepTest {

    private static final String PAST = "ASPIRE-2025-PAST";

    private TestDatabase.Database database;
    private Transactions transactions;
    private LedgerFixture ledger;

    @BeforeEach
    void callWhoseDeadlinesHavePassed() throws Exception {
        database = TestDatabase.fresh("sweep");
        transactions = LedgerFixture.migrateWithTheTestCall(database);
        byte[] definition = Files.readAllBytes(Path.of(getClass().getResource("/delivery/calls/aspire-2025-past.xml").toURI()));
        transactions.inTransaction(connection -> new CallRepository().save(connection, LedgerFixture.CODEC.callFromXml(definition)));
        ledger = new LedgerFixture(database);
    }

    private DeadlineSweep sweep() {
        return new DeadlineSweep(transactions, new CallRepository(), new ProposalRepository(), new Outbox(), new DecisionLedger());
    }

    private void threePartsOf(String reference) throws Exception {
        for (String agency : List.of("DFG", "NSF", "NWO")) {
            ledger.receive(sample(agency, "proposal", reference, 1, m -> m.setCallId(PAST)));
        }
        LedgerFixture.decisionWorker(transactions).poll();
    }

    @Test
    void aMissingPartAndUndecidedTracksAfterTheDeadlinesRejectTheProposalAndEveryAgencyIsToldOnce() throws Exception {
        threePartsOf("PAST-0001");
        int outboxBefore = count("SELECT count(*) FROM outbox_message");

        assertThat(sweep().sweep(100)).isEqualTo(1);

        assertThat(database.column("SELECT t.agency || ' ' || t.state FROM agency_track t ORDER BY t.agency"))
                .containsExactly("DFG LAPSED", "NSF LAPSED", "NWO LAPSED", "UKRI INELIGIBLE");
        assertThat(database.column("SELECT joint_status FROM joint_proposal")).containsExactly("REJECTED");
        assertThat(database.column("""
                SELECT recipient || ' ' || substring(convert_from(canonical_xml, 'UTF8') from '<outcome>([A-Z]+)</outcome>')
                  FROM outbox_message WHERE kind = 'JOINT_OUTCOME_NOTICE' AND caused_by IS NULL""")
        ).containsExactlyInAnyOrder("DFG REJECTED", "NSF REJECTED", "UKRI REJECTED", "NWO REJECTED");
        assertThat(count("SELECT count(*) FROM outbox_message WHERE kind = 'JOINT_PROPOSAL_RECORD' AND caused_by IS NULL")).isEqualTo(4);

        int outboxAfter = count("SELECT count(*) FROM outbox_message");
        assertThat(sweep().sweep(100)).as("a second sweep").isZero();
        assertThat(count("SELECT count(*) FROM outbox_message")).isEqualTo(outboxAfter).isEqualTo(outboxBefore + 8);
    }

    @Test
    void proposalsWithNothingDueDoNotCrowdOutOneThatIsDue() throws Exception {
        for (int i = 0; i < 3; i++) {
            String reference = "PAST-EXTENDED-" + i;
            for (String agency : List.of("DFG", "NSF", "NWO", "UKRI")) {
                ledger.receive(sample(agency, "proposal", reference, 1, m -> m.setCallId(PAST)));
            }
            LedgerFixture.decisionWorker(transactions).poll();
        }
        // Every track of those three has its deadline extended: nothing about them is due, and they are the oldest.
        try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE agency_track SET extended_decision_deadline = now() + interval '30 days',"
                    + " extended_decision_deadline_offset = 0");
        }
        threePartsOf("PAST-DUE");

        assertThat(sweep().sweep(2)).as("a batch of two, behind three proposals with nothing due").isEqualTo(1);

        assertThat(database.column("SELECT joint_reference || ' ' || joint_status FROM joint_proposal ORDER BY joint_reference"))
                .containsExactly("PAST-DUE REJECTED", "PAST-EXTENDED-0 PENDING", "PAST-EXTENDED-1 PENDING", "PAST-EXTENDED-2 PENDING");
    }

    @Test
    void twoInstancesSweepingAtOnceChangeEachProposalOnce() throws Exception {
        for (int i = 0; i < 6; i++) {
            threePartsOf("PAST-1" + i);
        }
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> sweepQuietly(sweep()));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> sweepQuietly(sweep()));

        assertThat(one.get() + other.get()).isEqualTo(6);
        assertThat(database.column("SELECT DISTINCT joint_status FROM joint_proposal")).containsExactly("REJECTED");
        assertThat(count("SELECT count(*) FROM outbox_message WHERE kind = 'JOINT_OUTCOME_NOTICE'")).isEqualTo(6 * 4);
    }

    private static int sweepQuietly(DeadlineSweep sweep) {
        try {
            return sweep.sweep(100);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int count(String sql) throws Exception {
        return Integer.parseInt(database.column(sql).get(0));
    }
}
