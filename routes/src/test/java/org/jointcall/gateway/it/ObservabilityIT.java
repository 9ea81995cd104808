package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.signature.message.RequestMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running gateway, over real HTTP: readiness with the database, the outbox
 * backlog and each partner's circuit; Prometheus metrics that count real signed messages, refusals and
 * deliveries; the OpenAPI document; JSON log lines that carry the ids of the message they are about.
 */
class ObservabilityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    private static JointCallGateway setup;

    @BeforeAll
    static void gatewayWithJsonLogs() {
        setup = JointCallGateway.start("observability", root, Map.of("gateway.log.format", "json"));
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    @Test
    void readyReportsTheDatabaseTheOutboxBacklogAndEachPartnersCircuit() throws Exception {
        JsonNode ready = Json.body(setup.gateway().get("/health/ready"));
        assertThat(Json.check(ready, "database").path("status").asText()).isEqualTo("UP");
        JsonNode outbox = Json.check(ready, "outbox");
        assertThat(outbox.path("status").asText()).isEqualTo("UP");
        assertThat(outbox.path("data").path("pending").asText()).matches("\\d+");
        assertThat(outbox.path("data").path("dead").asText()).isEqualTo(column("SELECT count(*) FROM outbox_message WHERE state = 'DEAD'").get(0));
        assertThat(outbox.path("data").path("oldestPendingSeconds").asText()).matches("\\d+");
        JsonNode circuits = Json.check(ready, "partner-circuits");
        AGENCIES.forEach(agency -> assertThat(circuits.path("data").path(agency).asText()).as(agency).isNotEmpty());

        String reference = "OBS-DOWN-" + System.nanoTime();
        setup.partners.partner("NWO").failWith(503);
        try {
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
            await("NWO's circuit OPEN in /health/ready", PATIENCE, () -> circuitState("NWO").startsWith("OPEN until"));
            JsonNode down = Json.body(setup.gateway().get("/health/ready"));
            assertThat(down.path("status").asText()).as("a partner down does not make the gateway unready").isEqualTo("UP");
            assertThat(Json.check(down, "partner-circuits").path("data").path("open").asText()).isEqualTo("1");
            assertThat(Json.check(down, "partner-circuits").path("data").path("NSF").asText()).isEqualTo("CLOSED");
            assertThat(metric("jointcall_delivery_retries_total", "agency=\"NWO\"")).isPositive();
        } finally {
            setup.partners.partner("NWO").recover();
        }
        await("NWO's circuit closed again", PATIENCE, () -> circuitState("NWO").equals("CLOSED"));
    }

    @Test
    void metricsCountASignedMessageARefusedSignatureAndDeliveries() throws Exception {
        String kind = LedgerFixture.sample("UKRI", "proposal", "X", 1).getKind().value();
        double receivedBefore = metric("jointcall_messages_received_total", "agency=\"UKRI\"", "kind=\"" + kind + "\"");
        double refusedBefore = metric("jointcall_messages_refused_total", "problem=\"signature-invalid\"");

        String reference = "OBS-METRICS-" + System.nanoTime();
        setup.send("UKRI", "proposal", reference, 1, m -> { });
        PartnerClient nsf = new PartnerClient(setup.gateway());
        RequestMessage signed = nsf.signed("nsf", setup.agencies.key("NSF"), "application/json",
                PartnerClient.message("nsf-proposal.json", "nsf-obs-" + System.nanoTime())).message();
        RequestMessage tampered = signed.withFields(signed.fields().without("Content-Type").with("Content-Type", "application/json; charset=utf-8"));
        assertThat(nsf.send(tampered).status()).isEqualTo(401);

        assertThat(metric("jointcall_messages_received_total", "agency=\"UKRI\"", "kind=\"" + kind + "\"")).isEqualTo(receivedBefore + 1);
        assertThat(metric("jointcall_messages_refused_total", "problem=\"signature-invalid\"")).isEqualTo(refusedBefore + 1);
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference + "-all", 1, m -> { }));
        AGENCIES.forEach(agency -> setup.send(agency, "decision", reference + "-all", 5,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED)));
        await("deliveries to DFG counted with their latency", PATIENCE,
                () -> metric("jointcall_delivery_latency_seconds_count", "agency=\"DFG\"") > 0
                        && metric("jointcall_messages_sent_total", "agency=\"DFG\"", "channel=\"push\"") > 0);
        String text = setup.gateway().get("/metrics?scope=application").body();
        assertThat(text).contains("jointcall_delivery_latency_seconds_bucket{agency=\"DFG\"")
                .contains("jointcall_outbox_messages{mp_scope=\"application\",state=\"PENDING\"}")
                .contains("jointcall_outbox_oldest_pending_age_seconds");
    }

    @Test
    void openApiDescribesThePartnerApiWithItsSignatureHeadersAndProblemsAndTheConsoleApi() {
        // Payara builds the document on the first request; on a loaded machine that takes longer than other answers.
        String document = setup.gateway().get("/openapi", Duration.ofSeconds(90)).body();

        assertThat(document).contains("/api/v1/exchange/{agency}/messages:", "/api/v1/exchange/{agency}/messages/{messageId}:", "/api/v1/exchange/{agency}/inbox:", "/api/v1/exchange/keys:",
                "name: Signature-Input", "name: Content-Digest", "application/problem+json", "Receipt:");
        assertThat(document).as("the console API's JAX-RS resources, merged in by Payara").contains("/api/v1/console/calls",
                "/api/v1/console/session");
    }

    @Test
    void aMessagesLogLinesAreJsonCarryingItsMessageIdLedgerIdAndOutboxId() throws Exception {
        String reference = "OBS-LOG-" + System.nanoTime();
        String messageId = setup.send("DFG", "proposal", reference, 1, m -> { });
        String ledgerId = column("SELECT ledger_id FROM exchange_ledger WHERE message_id = '" + messageId + "'").get(0);

        await("the acceptance logged as JSON", PATIENCE, () -> !jsonLines("messageId", messageId).isEmpty());
        JsonNode accepted = jsonLines("messageId", messageId).get(0);
        assertThat(accepted.path("ledgerId").asText()).isEqualTo(ledgerId);
        assertThat(accepted.path("agency").asText()).isEqualTo("DFG");
        assertThat(accepted.path("message").asText()).contains("Accepted", messageId);
        assertThat(accepted.path("level").asText()).isEqualTo("INFO");
        assertThat(accepted.path("timestamp").asText()).isNotEmpty();

        AGENCIES.stream().filter(agency -> !agency.equals("DFG")).forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        await("a delivery about the proposal", PATIENCE, () -> !column("SELECT o.outbox_id FROM outbox_message o JOIN joint_proposal p"
                + " USING (joint_id) WHERE p.joint_reference = '" + reference + "' AND o.state = 'DELIVERED'").isEmpty());
        String outboxId = column("SELECT o.outbox_id FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND o.state = 'DELIVERED' ORDER BY 1 LIMIT 1").get(0);
        String outboxMessageId = column("SELECT message_id FROM outbox_message WHERE outbox_id = " + outboxId).get(0);
        await("the delivery logged as JSON", PATIENCE, () -> !jsonLines("outboxId", outboxId).isEmpty());
        assertThat(jsonLines("outboxId", outboxId)).anySatisfy(line -> {
            assertThat(line.path("messageId").asText()).isEqualTo(outboxMessageId);
            assertThat(line.path("message").asText()).contains("delivered to");
        });
    }

    private static String circuitState(String agency) {
        return Json.check(Json.body(setup.gateway().get("/health/ready")), "partner-circuits").path("data").path(agency).asText();
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code labels}, from /metrics in Prometheus text. */
    private static double metric(String name, String... labels) {
        String text = setup.gateway().get("/metrics?scope=application").body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The gateway's JSON log lines whose field {@code key} is {@code value}. */
    private static List<JsonNode> jsonLines(String key, String value) {
        List<JsonNode> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(setup.gateway().log(), StandardCharsets.UTF_8)) {
                if (line.startsWith("{\"timestamp\"")) {
                    JsonNode json = JSON.readTree(line);
                    if (value.equals(json.path(key).asText())) {
                        found.add(json);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + setup.gateway().log(), e);
        }
        return found;
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
