package org.jointcall.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.agency.PartnerKeys;
import org.jointcall.gateway.decision.DecisionWorker;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.it.PartnerSimulators;
import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.metrics.RecordingMetrics;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.signature.GatewaySigner;
import org.jointcall.gateway.signature.ReceiptVerifier;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision worker and delivery worker against a real PostgreSQL and the four partners simulated by
 * WireMock, each answering with a receipt signed by its own key: what reaches each partner, in which
 * format, how often, and what the outbox keeps as evidence.
 */
class PartnerDeliveryTest {

    private static final List<String> AGENCIES = List.of("DFG", "NSF", "NWO", "UKRI");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path root;
    private static PartnerSimulators partners;
    private static AgencyDirectory directory;
    private static AdapterRegistry adapters;
    private static PartnerPush push;

    private TestDatabase.Database database;
    private Transactions transactions;
    private LedgerFixture ledger;
    private DecisionWorker decisions;
    private final OutboxQueue queue = new OutboxQueue();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @BeforeAll
    static void partnersAndTheirConfiguration() {
        TestAgencies agencies = TestAgencies.writeTo(root);
        partners = PartnerSimulators.start(agencies, AGENCIES);
        partners.configurePush(agencies.configDirectory());
        ConfigDirectory config = new ConfigDirectory(agencies.configDirectory());
        directory = new AgencyDirectory(config);
        adapters = new AgencyAdapters().registry();
        ReceiptVerifier receipts = new ReceiptVerifier(PartnerKeys.open(config, directory, Duration.ofSeconds(10), Clock.systemUTC()),
                new InMemoryNonceStore(Clock.systemUTC()), Clock.systemUTC());
        GatewaySigner signer = new GatewaySigner(new MessageSigner(agencies.gatewayKey(), Clock.systemUTC()), TestAgencies.GATEWAY_KEY_ID);
        push = new PartnerPush(adapters, signer, receipts, settings(8));
    }

    @AfterAll
    static void stopPartners() {
        partners.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        database = TestDatabase.fresh("delivery");
        transactions = LedgerFixture.migrateWithTheTestCall(database);
        ledger = new LedgerFixture(database);
        decisions = LedgerFixture.decisionWorker(transactions);
        AGENCIES.forEach(code -> partners.partner(code).recover());
    }

    /** Short backoff (50–400 ms), 4 pushes at a time, a circuit that opens after 2 failures for 300 ms. */
    private static DeliverySettings settings(int maxAttempts) {
        return new DeliverySettings(maxAttempts, 50, 400, 2000, 5000, 50, 4, 2, 300);
    }

    private DeliveryWorker deliveryWorker(int maxAttempts) {
        return new DeliveryWorker(transactions, queue, new PartnerCircuits(), push, directory, settings(maxAttempts),
                "delivery-test", Clock.systemUTC(), metrics, new OutboxArrivals());
    }

    @Test
    void anApprovalByAllFourReachesEveryAgencyInItsOwnFormatWithAVerifiedReceipt() throws Exception {
        String reference = "QUAD-D-" + System.nanoTime();
        receivePartsAndDecisions(reference, FundingOutcome.APPROVED);
        DeliveryWorker worker = deliveryWorker(8);

        deliverUntil(worker, () -> count("state <> 'DELIVERED'") == 0);

        for (String code : AGENCIES) {
            List<CanonicalMessage> notices = acceptedBy(code, MessageKind.JOINT_OUTCOME_NOTICE, reference);
            assertThat(notices).as("notices accepted by " + code).hasSize(1);
            assertThat(notices.get(0).getJointOutcomeNotice().getOutcome()).isEqualTo(JointStatus.APPROVED);
            List<CanonicalMessage> records = acceptedBy(code, MessageKind.JOINT_PROPOSAL_RECORD, reference);
            assertThat(records).as("records: one per part, one per other agency's decision").hasSize(4 + 3);
            Set<String> decided = records.stream().flatMap(record -> record.getJointProposalRecord().getTracks().stream())
                    .filter(track -> track.getDecision() != null).map(TrackRecord::getAgency).collect(Collectors.toSet());
            assertThat(decided).as("partners whose decision " + code + " was told").containsAll(
                    AGENCIES.stream().filter(other -> !other.equals(code)).toList());
        }
        assertThat(database.column("SELECT DISTINCT receipt_verdict ->> 'agency' = lower(recipient) FROM outbox_message"))
                .containsExactly("t");
        assertThat(database.column("SELECT DISTINCT receipt_status FROM outbox_message")).containsExactly("202");
        for (String code : AGENCIES) {
            assertThat(metrics.count("delivered", code)).as("deliveries to " + code + " counted")
                    .isEqualTo(count("recipient = '" + code + "'"));
        }
    }

    @Test
    void aPartnerDownForAWhileGetsEveryMessageExactlyOnceAfterItRecovers() throws Exception {
        String reference = "QUAD-F-" + System.nanoTime();
        int acceptedBefore = partners.partner("UKRI").accepted().size();
        partners.partner("UKRI").failWith(503);
        receivePartsAndDecisions(reference, FundingOutcome.APPROVED);
        DeliveryWorker worker = deliveryWorker(8);

        deliverUntil(worker, () -> count("recipient <> 'UKRI' AND state <> 'DELIVERED'") == 0
                && column("SELECT state FROM partner_circuit WHERE agency = 'UKRI'").contains("OPEN"));
        assertThat(count("recipient = 'UKRI' AND state = 'DELIVERED'")).isZero();
        partners.partner("UKRI").recover();
        deliverUntil(worker, () -> count("state <> 'DELIVERED'") == 0);

        List<String> accepted = partners.partner("UKRI").accepted();
        List<String> ids = accepted.subList(0, accepted.size() - acceptedBefore).stream()
                .map(body -> adapters.require("UKRI").toCanonical(body.getBytes(StandardCharsets.UTF_8)).message().getMessageId())
                .toList();
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(database.column("SELECT message_id FROM outbox_message WHERE recipient = 'UKRI'"));
        assertThat(database.column("SELECT count(*) FROM delivery_attempt a JOIN outbox_message o USING (outbox_id)"
                + " WHERE o.recipient = 'UKRI' AND a.http_status = 503")).first().isNotEqualTo("0");
        assertThat(database.column("SELECT state FROM partner_circuit WHERE agency = 'UKRI'")).containsExactly("CLOSED");
        assertThat(metrics.count("retryScheduled", "UKRI")).as("retries counted").isEqualTo(Long.parseLong(database.column(
                "SELECT count(*) FROM delivery_attempt a JOIN outbox_message o USING (outbox_id)"
                        + " WHERE o.recipient = 'UKRI' AND a.outcome = 'FAILED'").get(0)));
        assertThat(metrics.count("deadLettered", "UKRI")).isZero();
    }

    @Test
    void aMessageRefusedUntilTheLastAttemptIsDeadAndAResendDeliversItUnderTheSameId() throws Exception {
        String reference = "QUAD-R-" + System.nanoTime();
        partners.partner("NWO").failWith(400);
        receivePartsAndDecisions(reference, FundingOutcome.DECLINED);
        DeliveryWorker worker = deliveryWorker(2);

        deliverUntil(worker, () -> count("recipient = 'NWO' AND state = 'DEAD'") == count("recipient = 'NWO'"));
        assertThat(database.column("SELECT DISTINCT last_error FROM outbox_message WHERE recipient = 'NWO'"))
                .singleElement().asString().startsWith("NWO answered 400");
        assertThat(database.column("SELECT DISTINCT state FROM partner_circuit WHERE agency = 'NWO'"))
                .as("a partner that answers is not down").doesNotContain("OPEN");
        assertThat(metrics.count("deadLettered", "NWO")).as("dead letters counted").isEqualTo(count("recipient = 'NWO'"));

        partners.partner("NWO").recover();
        String notice = database.column("SELECT outbox_id FROM outbox_message WHERE recipient = 'NWO' AND kind = 'JOINT_OUTCOME_NOTICE'").get(0);
        boolean resent = transactions.inTransaction(connection -> queue.resend(connection, Long.parseLong(notice)));
        assertThat(resent).isTrue();
        deliverUntil(worker, () -> count("outbox_id = " + notice + " AND state = 'DELIVERED'") == 1);

        List<CanonicalMessage> notices = acceptedBy("NWO", MessageKind.JOINT_OUTCOME_NOTICE, reference);
        assertThat(notices).singleElement().satisfies(message -> {
            assertThat(message.getJointOutcomeNotice().getOutcome()).isEqualTo(JointStatus.REJECTED);
            assertThat(message.getMessageId()).isEqualTo(column(
                    "SELECT message_id FROM outbox_message WHERE outbox_id = " + notice).get(0));
        });
        assertThat(database.column("SELECT outcome FROM delivery_attempt WHERE outbox_id = " + notice + " ORDER BY attempt"))
                .as("the refused attempts are kept and the resend's delivery follows them")
                .containsExactly("FAILED", "DEAD", "DELIVERED");
        boolean unknown = transactions.inTransaction(connection -> queue.resend(connection, 987_654_321L));
        assertThat(unknown).isFalse();
    }

    private void receivePartsAndDecisions(String reference, FundingOutcome ukriOutcome) throws SQLException {
        for (String agency : AGENCIES) {
            ledger.receive(sample(agency, "proposal", reference, 1));
        }
        for (String agency : AGENCIES) {
            FundingOutcome outcome = agency.equals("UKRI") ? ukriOutcome : FundingOutcome.APPROVED;
            ledger.receive(sample(agency, "decision", reference, 5, m -> m.getFundingDecision().setOutcome(outcome)));
        }
        while (decisions.poll() > 0) {
            // apply everything received
        }
    }

    private List<CanonicalMessage> acceptedBy(String code, MessageKind kind, String reference) {
        return partners.partner(code).accepted(kind, reference);
    }

    private long count(String condition) {
        return Long.parseLong(column("SELECT count(*) FROM outbox_message WHERE " + condition).get(0));
    }

    /** For conditions polled in lambdas: the first column of every row, failing the test on an SQL error. */
    private List<String> column(String sql) {
        try {
            return database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private void deliverUntil(DeliveryWorker worker, BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery did not get there within " + PATIENCE.toSeconds() + " s; outbox now: "
                        + column("SELECT recipient || ' ' || state || ' ' || count(*) || ' ' || coalesce(max(last_error), '')"
                                + " FROM outbox_message GROUP BY recipient, state"));
            }
            if (worker.poll() == 0) {
                Thread.sleep(20);
            }
        }
    }
}
