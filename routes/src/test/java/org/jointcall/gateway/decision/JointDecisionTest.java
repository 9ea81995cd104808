package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.Recommendation;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision worker on a real PostgreSQL: ledger messages in, tracks, joint outcome and outbox rows out. */
class JointDecisionTest {

    private static final List<String> AGENCIES = List.of("DFG", "NSF", "NWO", "UKRI");

    private TestDatabase.Database database;
    private LedgerFixture ledger;
    private DecisionWorker worker;

    @BeforeEach
    void migratedDatabaseWithTheFourAgencyCall() throws Exception {
        database = TestDatabase.fresh("decision");
        ledger = new LedgerFixture(database);
        worker = LedgerFixture.decisionWorker(LedgerFixture.migrateWithTheTestCall(database));
    }

    @Test
    void allFourApprovingMakesTheJointProposalApprovedAndTellsEveryAgency() throws Exception {
        receiveAllParts("QUAD-0001");
        for (String agency : AGENCIES) {
            ledger.receive(sample(agency, "decision", "QUAD-0001", 5,
                    m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED)));
        }
        worker.poll();

        assertThat(jointStatus("QUAD-0001")).isEqualTo("APPROVED");
        assertThat(outbox("JOINT_PROPOSAL_RECORD")).as("a record to all four per part, to the three others per decision").hasSize(16 + 12);
        assertThat(database.column("""
                SELECT o.message_id FROM outbox_message o JOIN exchange_ledger l ON l.ledger_id = o.caused_by
                 WHERE o.kind = 'JOINT_PROPOSAL_RECORD' AND l.kind = 'FUNDING_DECISION' AND o.recipient = l.agency""")).as("decisions told back to their sender").isEmpty();
        assertThat(outbox("JOINT_OUTCOME_NOTICE")).containsExactlyInAnyOrderElementsOf(
                AGENCIES.stream().map(agency -> agency + " APPROVED").toList());
    }

    @Test
    void fourApplyingThreadsSettleEveryMessageInOnePollWithTheSameOutcomes() throws Exception {
        DecisionWorker parallel = LedgerFixture.decisionWorker(new Transactions(database.dataSource()), 4);
        for (int p = 0; p < 10; p++) {
            receiveAllPartsUnprocessed("PAR-" + p);
            for (String agency : AGENCIES) {
                FundingOutcome outcome = p % 2 == 1 && agency.equals("NSF") ? FundingOutcome.DECLINED : FundingOutcome.APPROVED;
                ledger.receive(sample(agency, "decision", "PAR-" + p, 5, m -> m.getFundingDecision().setOutcome(outcome)));
            }
        }

        // A message held because its proposal's part was not applied yet and re-queued counts twice; the states below are what matters.
        assertThat(parallel.poll()).isGreaterThanOrEqualTo(80);

        assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE processing_state <> 'APPLIED'")).containsExactly("0");
        for (int p = 0; p < 10; p++) {
            assertThat(jointStatus("PAR-" + p)).as("PAR-" + p).isEqualTo(p % 2 == 1 ? "REJECTED" : "APPROVED");
        }
        assertThat(outbox("JOINT_OUTCOME_NOTICE")).as("one outcome notice per agency and proposal").hasSize(40);
    }

    @Test
    void oneDeclineWhileTheOthersStillReviewRejectsAtOnceAndTellsEveryAgency() throws Exception {
        receiveAllParts("QUAD-0002");
        ledger.receive(sample("DFG", "review", "QUAD-0002", 2));
        worker.poll();
        assertThat(outbox("JOINT_OUTCOME_NOTICE")).isEmpty();

        long decline = ledger.receive(sample("UKRI", "decision", "QUAD-0002", 3,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        worker.poll();

        assertThat(jointStatus("QUAD-0002")).isEqualTo("REJECTED");
        assertThat(outbox("JOINT_OUTCOME_NOTICE")).containsExactlyInAnyOrder("DFG REJECTED", "NSF REJECTED", "NWO REJECTED", "UKRI REJECTED");
        assertThat(database.column("SELECT convert_from(canonical_xml, 'UTF8') FROM outbox_message WHERE kind = 'JOINT_OUTCOME_NOTICE'"))
                .allMatch(xml -> xml.contains("<decidingAgency>UKRI</decidingAgency>"));
        assertThat(database.column("SELECT recipient FROM outbox_message WHERE kind = 'JOINT_PROPOSAL_RECORD' AND caused_by = " + decline))
                .containsExactlyInAnyOrder("DFG", "NSF", "NWO");
        assertThat(database.column("SELECT convert_from(canonical_xml, 'UTF8') FROM outbox_message WHERE kind = 'JOINT_PROPOSAL_RECORD'"
                + " AND caused_by = " + decline)).allMatch(xml -> xml.contains("<outcome>DECLINED</outcome>"));
    }

    @Test
    void repeatedAndStaleReportsChangeNothingAndSendNothing() throws Exception {
        receiveAllParts("QUAD-0003");
        ledger.receive(sample("NSF", "decision", "QUAD-0003", 7));
        worker.poll();
        List<String> before = database.column("SELECT message_id FROM outbox_message ORDER BY outbox_id");

        long repeat = ledger.receive(sample("NSF", "decision", "QUAD-0003", 7));
        long stale = ledger.receive(sample("NSF", "review", "QUAD-0003", 4));
        long staleDecline = ledger.receive(sample("NSF", "decision", "QUAD-0003", 6,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        worker.poll();

        assertThat(ledger.processing(repeat)).first().isEqualTo("APPLIED");
        assertThat(ledger.processing(repeat).get(1)).startsWith("DUPLICATE");
        assertThat(ledger.processing(stale).get(1)).startsWith("STALE");
        assertThat(ledger.processing(staleDecline).get(1)).startsWith("STALE");
        assertThat(jointStatus("QUAD-0003")).isEqualTo("PENDING");
        assertThat(database.column("SELECT message_id FROM outbox_message ORDER BY outbox_id")).isEqualTo(before);
    }

    @Test
    void aDecisionBeforeItsOwnPartIsHeldAndAppliedOnceThePartArrives() throws Exception {
        long early = ledger.receive(sample("NWO", "decision", "QUAD-0004", 9,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        worker.poll();
        assertThat(ledger.processing(early)).containsExactly("HELD",
                "no proposal part with joint reference QUAD-0004 in call ASPIRE-2026-QUAD has arrived yet; held until one does");

        ledger.receive(sample("NSF", "proposal", "QUAD-0004", 1));
        worker.poll();
        assertThat(ledger.processing(early).get(0)).isEqualTo("HELD");
        assertThat(ledger.processing(early).get(1)).startsWith("NWO's own proposal part");

        ledger.receive(sample("NWO", "proposal", "QUAD-0004", 1));
        worker.poll();

        assertThat(ledger.processing(early).get(0)).isEqualTo("APPLIED");
        assertThat(jointStatus("QUAD-0004")).isEqualTo("REJECTED");
    }

    @Test
    void aReportTheTrackCannotTakeIsRefusedWithTheReason() throws Exception {
        receiveAllParts("QUAD-0005");
        ledger.receive(sample("UKRI", "decision", "QUAD-0005", 3,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        long afterDecline = ledger.receive(sample("UKRI", "review", "QUAD-0005", 4,
                m -> m.getReviewResult().setRecommendation(Recommendation.RECOMMENDED)));
        worker.poll();

        assertThat(ledger.processing(afterDecline).get(0)).isEqualTo("REFUSED");
        assertThat(ledger.processing(afterDecline).get(1)).contains("DECLINED").contains("RECOMMENDED");
        assertThat(jointStatus("QUAD-0005")).isEqualTo("REJECTED");
    }

    @Test
    void onlyShareableReviewsReachTheOtherAgencies() throws Exception {
        receiveAllParts("QUAD-0006");
        long shared = ledger.receive(sample("DFG", "review", "QUAD-0006", 2));
        long kept = ledger.receive(sample("NSF", "review", "QUAD-0006", 2, m -> m.getReviewResult().setShareable(false)));
        worker.poll();

        assertThat(database.column("SELECT recipient FROM outbox_message WHERE caused_by = " + shared))
                .containsExactlyInAnyOrder("NSF", "NWO", "UKRI");
        assertThat(database.column("SELECT recipient FROM outbox_message WHERE caused_by = " + kept)).isEmpty();
        assertThat(ledger.processing(kept).get(0)).isEqualTo("APPLIED");
    }

    /** What the console's matrix searches besides the reference: each distinct title the proposal's parts carried. */
    @Test
    void theProposalKeepsEachDistinctTitleItsPartsCarried() throws Exception {
        ledger.receive(sample("NSF", "proposal", "QUAD-T1", 1, m -> m.getProposalPart().setTitle("Kelp forests and carbon")));
        ledger.receive(sample("UKRI", "proposal", "QUAD-T1", 1, m -> m.getProposalPart().setTitle("Kelp forests and carbon")));
        ledger.receive(sample("DFG", "proposal", "QUAD-T1", 1, m -> m.getProposalPart().setTitle("Kelpwälder und Kohlenstoff")));
        // A repeat of DFG's part changes nothing, its title included; a review carries no title.
        ledger.receive(sample("DFG", "proposal", "QUAD-T1", 1, m -> m.getProposalPart().setTitle("Kelpwälder und Kohlenstoff")));
        ledger.receive(sample("NSF", "review", "QUAD-T1", 2));
        ledger.receive(sample("NWO", "proposal", "QUAD-T2", 1, m -> m.getProposalPart().setTitle("Another proposal")));
        worker.poll();

        assertThat(database.column("SELECT part_titles FROM joint_proposal WHERE joint_reference = 'QUAD-T1'"))
                .containsExactly("Kelp forests and carbon\nKelpwälder und Kohlenstoff");
        assertThat(database.column("SELECT part_titles FROM joint_proposal WHERE joint_reference = 'QUAD-T2'"))
                .containsExactly("Another proposal");
    }

    @Test
    void twoWorkersOnOneDatabaseAgreeOnOneOutcomeAndWriteEachMessageOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            String reference = "QUAD-1" + i;
            receiveAllPartsUnprocessed(reference);
            for (String agency : AGENCIES) {
                ledger.receive(sample(agency, "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED)));
            }
        }
        Transactions transactions = new Transactions(database.dataSource());
        DecisionWorker other = LedgerFixture.decisionWorker(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> first = () -> drain(worker);
            Callable<Integer> second = () -> drain(other);
            List<Future<Integer>> done = pool.invokeAll(List.of(first, second));
            assertThat(done.get(0).get() + done.get(1).get()).isEqualTo(80);
        } finally {
            pool.shutdown();
        }

        assertThat(database.column("SELECT DISTINCT joint_status FROM joint_proposal")).containsExactly("APPROVED");
        assertThat(database.column("SELECT count(*) FROM joint_proposal")).containsExactly("10");
        assertThat(outbox("JOINT_OUTCOME_NOTICE")).hasSize(40);
        assertThat(database.column("SELECT count(*) FROM outbox_message")).containsExactly(Integer.toString(10 * (16 + 12 + 4)));
    }

    private static int drain(DecisionWorker worker) throws SQLException {
        int total = 0;
        for (int settled = worker.poll(); settled > 0; settled = worker.poll()) {
            total += settled;
        }
        return total;
    }

    private void receiveAllParts(String reference) throws Exception {
        receiveAllPartsUnprocessed(reference);
        worker.poll();
    }

    private void receiveAllPartsUnprocessed(String reference) throws Exception {
        for (String agency : AGENCIES) {
            CanonicalMessage part = sample(agency, "proposal", reference, 1);
            ledger.receive(part);
        }
    }

    private String jointStatus(String reference) throws SQLException {
        return database.column("SELECT joint_status FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);
    }

    /** "RECIPIENT STATUS" of notices, message ids otherwise. */
    private List<String> outbox(String kind) throws SQLException {
        if (kind.equals(MessageKind.JOINT_OUTCOME_NOTICE.name())) {
            return database.column("""
                    SELECT recipient || ' ' || substring(convert_from(canonical_xml, 'UTF8') from '<outcome>([A-Z]+)</outcome>')
                      FROM outbox_message WHERE kind = 'JOINT_OUTCOME_NOTICE'""");
        }
        return database.column("SELECT message_id FROM outbox_message WHERE kind = '" + kind + "'");
    }
}
