package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery when things go wrong, over real HTTP against the running gateway: a partner that is down
 * for a while, a gateway killed with SIGKILL in the middle of a load, and an operator's resend of a
 * message that died.
 */
class DeliveryFaultIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path root;
    private static JointCallGateway setup;

    @BeforeAll
    static void gatewayWithFourPushPartners() {
        setup = JointCallGateway.start("delivery-fault", root, Map.of("gateway.alerts.check-period", "500"));
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    @Test
    void aPartnerAnswering503ForAWhileGetsEveryMessageExactlyOnceAfterItRecovers() throws Exception {
        String reference = "QUAD-503-" + System.nanoTime();
        setup.partners.partner("UKRI").failWith(503);
        try {
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
            AGENCIES.forEach(agency -> setup.send(agency, "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED)));
            await("UKRI's circuit open", PATIENCE, () -> column("SELECT state FROM partner_circuit WHERE agency = 'UKRI'").contains("OPEN"));
            await("coordinators alerted that UKRI is down", PATIENCE, () -> column("SELECT subject FROM alert"
                    + " WHERE kind = 'PARTNER_DOWN' AND resolved_at IS NULL").equals(List.of("UKRI")));
            await("the other partners served", PATIENCE, () -> count(reference, "o.recipient <> 'UKRI' AND o.state <> 'DELIVERED'") == 0);
        } finally {
            setup.partners.partner("UKRI").recover();
        }
        await("UKRI served after it recovered", PATIENCE, () -> count(reference, "o.state <> 'DELIVERED'") == 0);
        await("the alert closed by itself", PATIENCE, () -> column("SELECT count(*) FROM alert WHERE kind = 'PARTNER_DOWN'"
                + " AND resolved_at IS NULL").equals(List.of("0")));

        List<String> acceptedIds = new ArrayList<>();
        for (MessageKind kind : List.of(MessageKind.JOINT_PROPOSAL_RECORD, MessageKind.JOINT_OUTCOME_NOTICE)) {
            setup.accepted("UKRI", kind, reference).forEach(message -> acceptedIds.add(message.getMessageId()));
        }
        assertThat(acceptedIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(column(
                "SELECT o.message_id FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                        + " WHERE o.recipient = 'UKRI' AND p.joint_reference = '" + reference + "'"));
        assertThat(column("SELECT DISTINCT a.http_status FROM delivery_attempt a JOIN outbox_message o USING (outbox_id)"
                + " WHERE o.recipient = 'UKRI' ORDER BY 1")).contains("503", "202");
    }

    @Test
    void aGatewayKilledMidLoadLosesNoAcceptedMessageAndDeliversEverythingAfterRestart() throws Exception {
        String prefix = "QUAD-KILL-" + System.nanoTime() + "-";
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean gatewayGone = new AtomicBoolean();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; !gatewayGone.get() && i < 200; i++) {
                String reference = prefix + i;
                for (String agency : AGENCIES) {
                    Optional<String> id = setup.trySend(agency, "proposal", reference, 1, m -> { });
                    id.ifPresentOrElse(accepted::add, () -> gatewayGone.set(true));
                }
                for (String agency : AGENCIES) {
                    setup.trySend(agency, "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED))
                            .ifPresentOrElse(accepted::add, () -> gatewayGone.set(true));
                }
            }
        });
        await("some of the load accepted", PATIENCE, () -> accepted.size() >= 40);
        setup.gateway().kill();
        load.get();
        setup.replacedBy(setup.gateway().restart());

        assertThat(column("SELECT message_id FROM exchange_ledger WHERE joint_reference LIKE '" + prefix + "%'"))
                .as("every message answered 202 is in the ledger").containsAll(accepted);
        await("every ledger message of the load processed", PATIENCE, () -> column(
                "SELECT ledger_id FROM exchange_ledger WHERE processing_state = 'RECEIVED'").isEmpty());
        await("every outbox message of the load delivered", PATIENCE, () -> column(
                "SELECT o.outbox_id FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                        + " WHERE p.joint_reference LIKE '" + prefix + "%' AND o.state <> 'DELIVERED'").isEmpty());
        for (String agency : AGENCIES) {
            String received = String.join("\n", setup.partners.partner(agency).accepted());
            List<String> owed = column("SELECT o.message_id FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                    + " WHERE o.recipient = '" + agency + "' AND p.joint_reference LIKE '" + prefix + "%'");
            assertThat(owed).as("messages owed to " + agency).isNotEmpty()
                    .allMatch(received::contains, "received by " + agency);
        }
    }

    @Test
    void aDeadMessageIsResentByACoordinatorThroughTheConsole() throws Exception {
        String reference = "QUAD-DEAD-" + System.nanoTime();
        setup.partners.partner("NWO").failWith(400);
        try {
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
            await("NWO's four records dead after the last attempt", PATIENCE,
                    () -> count(reference, "o.recipient = 'NWO' AND o.state = 'DEAD'") == 4);
        } finally {
            setup.partners.partner("NWO").recover();
        }
        String dead = column("SELECT o.outbox_id FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                + " WHERE o.recipient = 'NWO' AND o.state = 'DEAD' AND p.joint_reference = '" + reference + "' LIMIT 1").get(0);

        ConsoleClient admin = ConsoleClient.basic(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);
        assertThat(ConsoleClient.basic(setup.gateway(), "admin", "not-the-password").post(resend(dead), "").statusCode()).isEqualTo(401);
        assertThat(admin.post(resend("987654321"), "").statusCode()).isEqualTo(404);
        assertThat(admin.post(resend(dead), "").statusCode()).isEqualTo(202);

        await("the resent message delivered", PATIENCE, () -> column("SELECT state FROM outbox_message WHERE outbox_id = " + dead)
                .contains("DELIVERED"));
        String messageId = column("SELECT message_id FROM outbox_message WHERE outbox_id = " + dead).get(0);
        assertThat(setup.accepted("NWO", MessageKind.JOINT_PROPOSAL_RECORD, reference))
                .anyMatch(record -> record.getMessageId().equals(messageId));
    }

    private static String resend(String outboxId) {
        return "/dead-letters/" + outboxId + "/resend";
    }

    /** Outbox messages about {@code reference} that meet {@code condition} (on {@code o}, the outbox row). */
    private static long count(String reference, String condition) {
        return Long.parseLong(column("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND " + condition).get(0));
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
