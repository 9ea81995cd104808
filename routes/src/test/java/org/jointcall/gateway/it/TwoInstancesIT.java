package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances on one database, as behind a load balancer: the agencies' decisions on the
 * same proposals arrive at both at once, and still each proposal gets one joint outcome, every track
 * keeps its agency's decision, and every partner receives each message once; and a console session, which is in the
 * database too, holds on both instances.
 */
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PROPOSALS = 6;

    @TempDir
    static Path root;
    private static JointCallGateway setup;
    private static GatewayProcess second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        setup = JointCallGateway.start("two-instances", root);
        second = setup.startAnotherInstance();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        setup.close();
    }

    @Test
    void concurrentDecisionsOnBothInstancesGiveOneOutcomePerProposalAndNoDoubleDelivery() throws Exception {
        String prefix = "QUAD-TWO-" + System.nanoTime() + "-";
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            String reference = prefix + i;
            for (String agency : AGENCIES) {
                GatewayProcess target = (i + agency.length()) % 2 == 0 ? setup.gateway() : second;
                FundingOutcome outcome = i % 3 == 0 && agency.equals("DFG") ? FundingOutcome.DECLINED : FundingOutcome.APPROVED;
                senders.add(CompletableFuture.runAsync(() -> {
                    setup.send(target, agency, "proposal", reference, 1, m -> { });
                    setup.send(target == second ? setup.gateway() : second, agency, "decision", reference, 5,
                            m -> m.getFundingDecision().setOutcome(outcome));
                }));
            }
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get();

        await("every message applied and delivered", PATIENCE, () -> column("SELECT ledger_id FROM exchange_ledger"
                + " WHERE processing_state IN ('RECEIVED', 'HELD')").isEmpty() && column("SELECT outbox_id FROM outbox_message"
                + " WHERE state <> 'DELIVERED'").isEmpty());

        for (int i = 0; i < PROPOSALS; i++) {
            String reference = prefix + i;
            String expected = i % 3 == 0 ? "REJECTED" : "APPROVED";
            assertThat(column("SELECT joint_status FROM joint_proposal WHERE joint_reference = '" + reference + "'"))
                    .as("one proposal, one outcome for " + reference).containsExactly(expected);
            assertThat(column("SELECT t.state FROM agency_track t JOIN joint_proposal p USING (joint_id)"
                    + " WHERE p.joint_reference = '" + reference + "' ORDER BY t.agency"))
                    .as("no lost update in " + reference)
                    .containsExactly(i % 3 == 0 ? "DECLINED" : "APPROVED", "APPROVED", "APPROVED", "APPROVED");
            for (String agency : AGENCIES) {
                assertThat(setup.accepted(agency, MessageKind.JOINT_OUTCOME_NOTICE, reference))
                        .as("outcome notices to " + agency + " for " + reference).hasSize(1);
            }
        }
        for (String agency : AGENCIES) {
            List<String> ids = new ArrayList<>();
            for (MessageKind kind : List.of(MessageKind.JOINT_PROPOSAL_RECORD, MessageKind.JOINT_OUTCOME_NOTICE)) {
                for (int i = 0; i < PROPOSALS; i++) {
                    setup.accepted(agency, kind, prefix + i).forEach(message -> ids.add(message.getMessageId()));
                }
            }
            assertThat(ids).as("messages " + agency + " accepted").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    column("SELECT message_id FROM outbox_message WHERE recipient = '" + agency + "'"));
        }
        assertThat(column("SELECT DISTINCT instance_id FROM delivery_attempt")).as("both instances delivered").hasSize(2);
    }

    @Test
    void aConsoleSessionHoldsOnBothInstancesAndSigningOutOnOneEndsItAndItsStreamsOnTheOther() throws Exception {
        ConsoleClient onFirst = ConsoleClient.signIn(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);
        ConsoleClient onSecond = onFirst.on(second);
        assertThat(onSecond.getJson("/session").path("username").asText()).isEqualTo("admin");
        assertThat(onSecond.post("/dead-letters/987654321/resend", "").statusCode())
                .as("signed in with its CSRF token on the other instance: to the unknown id").isEqualTo(404);

        CompletableFuture<Void> ended = onFirst.eventsUntilClosed();

        assertThat(onSecond.delete("/session").statusCode()).isEqualTo(204);

        ended.get(10, TimeUnit.SECONDS);
        assertThat(onFirst.get("/calls").statusCode()).isEqualTo(401);
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
