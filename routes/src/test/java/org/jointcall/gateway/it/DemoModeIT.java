package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle started as the README tells a newcomer, with {@code -Dgateway.demo=true} and nothing
 * configured: within a minute the demo calls exist, the played proposals reach APPROVED and REJECTED
 * over signed HTTP, the in-process partner simulators received the gateway's messages (each verified with the key
 * the gateway publishes, or it would not be DELIVERED) and signed
 * their receipts, and the start printed what it set up.
 */
class DemoModeIT {

    private static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);

    @TempDir
    static Path demo;
    private static TestDatabase.Database database;
    private static GatewayProcess gateway;

    @BeforeAll
    static void startInDemoMode() {
        database = TestDatabase.fresh("demo");
        gateway = GatewayProcess.named("demo").database(database)
                .property("gateway.demo", "true")
                .property("gateway.demo.dir", demo.toString())
                .start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theStartPrintsTheConsoleThePartnerSimulatorsAndWhatIsPlayed() throws IOException {
        String log = Files.readString(gateway.log(), StandardCharsets.UTF_8);

        assertThat(log).contains("jointcall-gateway DEMO MODE", "Console           http://localhost:" + gateway.port() + "/console/",
                "Playing now", "ASPIRE-2027-AI-002 declined by NSF");
        for (String partner : List.of("NSF", "UKRI", "DFG", "NWO")) {
            assertThat(log).containsPattern("    " + partner + " +http://localhost:\\d+/jointcall/inbound");
        }
    }

    @Test
    void withinAMinuteTheDemoCallHasAnApprovedAndARejectedProposalAndThePartnersReceivedSignedDeliveries() throws Exception {
        await("the demo calls loaded", WITHIN_A_MINUTE,
                () -> column("SELECT call_id FROM joint_call ORDER BY 1").equals(List.of("ASPIRE-2027-AI", "ASPIRE-2027-RISING-DE")));
        await("ASPIRE-2027-AI-001 APPROVED and ASPIRE-2027-AI-002 REJECTED", WITHIN_A_MINUTE,
                () -> status("ASPIRE-2027-AI-001").equals("APPROVED") && status("ASPIRE-2027-AI-002").equals("REJECTED"));
        await("deliveries to all four partner simulators", WITHIN_A_MINUTE, () -> column(
                "SELECT DISTINCT recipient FROM outbox_message WHERE state = 'DELIVERED' ORDER BY 1").equals(List.of("DFG", "NSF", "NWO", "UKRI")));

        assertThat(column("SELECT DISTINCT receipt_status FROM outbox_message WHERE state = 'DELIVERED'")).containsExactly("202");
        assertThat(column("SELECT DISTINCT receipt_verdict ->> 'agency' = lower(recipient) FROM outbox_message WHERE state = 'DELIVERED'"))
                .as("each receipt verified with the partner's own key").containsExactly("t");
        assertThat(column("SELECT DISTINCT key_id FROM exchange_ledger ORDER BY 1")).as("every agency signs with its own key")
                .contains("jst-demo", "nsf-demo", "ukri-demo", "dfg-demo", "nwo-demo");
        assertThat(Files.exists(demo.resolve("keys/nsf-demo.key"))).as("partners' private keys kept in the demo directory").isTrue();
        assertThat(Files.exists(demo.resolve("config/agencies/NSF/keys/nsf-demo.pem"))).isTrue();
    }

    @Test
    void theDemoUsersSignInToTheConsoleWithThePrintedPassword() throws Exception {
        for (String user : List.of("coordinator", "admin", "auditor")) {
            HttpResponse<String> session = ConsoleClient.signIn(gateway, user, "aspire-demo-2027").signInAnswer();
            assertThat(session.body()).contains("\"username\":\"" + user + "\"");
        }
        assertThat(Files.readString(gateway.log(), StandardCharsets.UTF_8)).contains("password aspire-demo-2027");
    }

    private static String status(String reference) {
        List<String> status = column("SELECT joint_status FROM joint_proposal WHERE joint_reference = '" + reference + "'");
        return status.isEmpty() ? "none" : status.get(0);
    }

    private static List<String> column(String sql) {
        try {
            return database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
