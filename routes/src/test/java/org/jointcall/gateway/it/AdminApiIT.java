package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.demo.PartnerSimulator;
import org.jointcall.signature.keys.SigningIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API for joint calls and agencies over real HTTP: only administrators may use it, a valid
 * document is written to the configuration directory and in service without a restart, an invalid one
 * is refused with what is wrong and changes nothing, and every change is audited.
 */
class AdminApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PASSWORD = "coordinator-password-2026";
    private static final String QUAD = "ASPIRE-2026-QUAD";

    @TempDir
    static Path root;
    private static JointCallGateway setup;
    private static ConsoleClient admin;

    @BeforeAll
    static void gatewayWithAnAdministratorAndACoordinator() {
        setup = JointCallGateway.start("admin-api", root);
        admin = ConsoleClient.basic(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);
        admin.createUser("coord-admin-api", PASSWORD, "coordinator");
        admin.createUser("audit-admin-api", PASSWORD, "auditor");
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    /** Jakarta REST refuses the media type before the access filter runs; an anonymous caller still hears "sign in" first. */
    @Test
    void anAnonymousCallerIsToldToSignInBeforeWhatTheEndpointAccepts() {
        HttpResponse<String> anonymous = ConsoleClient.anonymous(setup.gateway()).put("/admin/calls/" + QUAD, "call", "text/plain");
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        assertThat(Json.body(anonymous).path("type").asText()).endsWith("/authentication-required");

        HttpResponse<String> signedIn = admin.put("/admin/calls/" + QUAD, "call", "text/plain");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(415);
        assertThat(Json.body(signedIn).path("detail").asText()).isEqualTo("PUT /api/v1/console/admin/calls/" + QUAD
                + " was answered 415 Unsupported Media Type");

        HttpResponse<String> wrongMethod = ConsoleClient.anonymous(setup.gateway()).delete("/admin/calls/" + QUAD);
        assertThat(wrongMethod.statusCode()).as(wrongMethod.body()).isEqualTo(401);
        HttpResponse<String> session = ConsoleClient.anonymous(setup.gateway()).put("/session", "{}", "application/json");
        assertThat(session.statusCode()).as("the session endpoint is open to anyone: " + session.body()).isEqualTo(405);
        assertThat(Json.body(session).path("type").asText()).endsWith("/method-not-allowed");
        assertThat(Json.body(session).path("detail").asText()).startsWith("PUT /api/v1/console/session is not served; ")
                .as("Jakarta REST's Allow header").contains("POST");
        assertThat(session.headers().firstValue("Allow")).as("and the header itself").hasValueSatisfying(allow -> assertThat(allow)
                .contains("POST").contains("DELETE"));
        HttpResponse<String> nowhere = ConsoleClient.anonymous(setup.gateway()).get("/no-such-endpoint");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Json.body(nowhere).path("detail").asText()).startsWith("nothing answers GET /api/v1/console/no-such-endpoint");
    }

    @Test
    void onlyAdministratorsMayUseTheAdminApiNotCoordinatorsNorAuditors() {
        ConsoleClient anonymous = ConsoleClient.anonymous(setup.gateway());
        List<ConsoleClient> others = List.of(ConsoleClient.basic(setup.gateway(), "coord-admin-api", PASSWORD),
                ConsoleClient.basic(setup.gateway(), "audit-admin-api", PASSWORD));
        // method, path, content type of the document a PUT sends
        List<String[]> endpoints = List.of(new String[] {"GET", "/admin/calls", null}, new String[] {"GET", "/admin/calls/" + QUAD, null},
                new String[] {"PUT", "/admin/calls/" + QUAD, "application/xml"}, new String[] {"GET", "/admin/agencies", null},
                new String[] {"GET", "/admin/agencies/NSF", null}, new String[] {"PUT", "/admin/agencies/NSF", "application/json"},
                new String[] {"PUT", "/admin/agencies/NSF/keys/nsf-next.jwks", "application/jwk-set+json"});
        for (String[] endpoint : endpoints) {
            HttpResponse<String> unauthenticated = call(anonymous, endpoint);
            assertThat(unauthenticated.statusCode()).as("anonymous %s %s", endpoint[0], endpoint[1]).isEqualTo(401);
            assertThat(Json.body(unauthenticated).path("type").asText()).endsWith("/authentication-required");
            for (ConsoleClient other : others) {
                HttpResponse<String> forbidden = call(other, endpoint);
                assertThat(forbidden.statusCode()).as("coordinator/auditor %s %s: %s", endpoint[0], endpoint[1], forbidden.body()).isEqualTo(403);
                assertThat(Json.body(forbidden).path("type").asText()).endsWith("/role-forbidden");
            }
        }
        assertThat(admin.getJson("/admin/agencies")).extracting(agency -> agency.path("agency").asText())
                .contains("DFG", "JST", "NSF", "NWO", "UKRI");
        assertThat(admin.getJson("/admin/agencies/NSF").path("statusEndpoint").asText()).endsWith(PartnerSimulator.STATUS_PATH);
    }

    @Test
    void aCallDefinedByAnAdministratorIsUsedForTheNextPartnerMessageWithoutARestart() throws Exception {
        String callId = "ASPIRE-2027-ADMIN-" + System.nanoTime();
        String reference = "ADMIN-CALL-" + System.nanoTime();
        String definition = quadDefinition().replace(QUAD, callId);
        setup.send("NSF", "proposal", reference, 1, m -> m.setCallId(callId));
        await("NSF's part held: its call is unknown", PATIENCE, () -> column("SELECT processing_state FROM exchange_ledger"
                + " WHERE joint_reference = '" + reference + "'").equals(List.of("HELD")));

        HttpResponse<String> created = admin.put("/admin/calls/" + callId, definition, "application/xml");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Json.body(created).path("agencies")).extracting(JsonNode::asText).containsExactlyInAnyOrder("DFG", "NSF", "NWO", "UKRI");
        Path file = setup.agencies.configDirectory().resolve("calls").resolve(Json.body(created).path("file").asText());
        assertThat(Files.readString(file)).isEqualTo(definition);
        assertThat(admin.get("/admin/calls/" + callId).body()).isEqualTo(definition);
        await("the held part applied to the new call", PATIENCE, () -> column("SELECT call_id FROM joint_proposal"
                + " WHERE joint_reference = '" + reference + "'").equals(List.of(callId)));
        setup.send("DFG", "proposal", reference, 1, m -> m.setCallId(callId));
        await("the next partner message applied", PATIENCE, () -> column("SELECT t.state FROM agency_track t JOIN joint_proposal p"
                + " USING (joint_id) WHERE p.joint_reference = '" + reference + "' AND t.agency = 'DFG'").equals(List.of("SUBMITTED")));
        assertThat(audit()).anySatisfy(row -> assertThat(row).isEqualTo("admin CREATE_CALL call " + callId));
    }

    @Test
    void anInvalidCallIsRefusedWithWhatIsWrongAndChangesNeitherTheFileNorTheDatabase() throws Exception {
        Path file = setup.agencies.configDirectory().resolve("calls/aspire-2026-quad.xml");
        byte[] before = Files.readAllBytes(file);
        List<String> stored = column("SELECT definition FROM joint_call WHERE call_id = '" + QUAD + "'");
        String broken = quadDefinition().replaceFirst("<field>[A-Z_]+</field>", "<field>ALCHEMY</field>");

        HttpResponse<String> refused = admin.put("/admin/calls/" + QUAD, broken, "application/xml");
        HttpResponse<String> otherCall = admin.put("/admin/calls/ASPIRE-2099-OTHER", quadDefinition(), "application/xml");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.body(refused).path("type").asText()).endsWith("/request-invalid");
        assertThat(Json.body(refused).path("detail").asText()).contains("ALCHEMY").contains("nothing was written");
        assertThat(Json.body(refused).path("problems").asText()).contains("ALCHEMY");
        assertThat(otherCall.statusCode()).isEqualTo(400);
        assertThat(Json.body(otherCall).path("detail").asText()).contains("the definition is of call " + QUAD);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(column("SELECT definition FROM joint_call WHERE call_id = '" + QUAD + "'")).isEqualTo(stored);
        assertThat(setup.agencies.configDirectory().resolve("calls/ASPIRE-2099-OTHER.xml")).doesNotExist();
    }

    @Test
    void aKeyAndAnAgencyPutByAnAdministratorAreInServiceWithoutARestart() throws Exception {
        SigningIdentity rotated = TestAgencies.newKey("nwo-rotated-" + System.nanoTime());
        assertThat(sendProposalSignedWith("NWO", rotated).status()).as("a key nobody registered yet").isEqualTo(401);

        HttpResponse<String> key = admin.put("/admin/agencies/NWO/keys/nwo-rotated.jwks", TestAgencies.jwks(rotated),
                "application/jwk-set+json");

        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        assertThat(Json.body(key).path("keyIds")).extracting(JsonNode::asText).containsExactly(rotated.keyId());
        PartnerClient.Answer accepted = sendProposalSignedWith("NWO", rotated);
        assertThat(accepted.status()).as("signed with the key put a moment ago: %s", accepted.body()).isEqualTo(202);
        HttpResponse<String> badKey = admin.put("/admin/agencies/NWO/keys/nwo-bad.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n", "application/x-pem-file");
        assertThat(badKey.statusCode()).as(badKey.body()).isEqualTo(400);
        assertThat(setup.agencies.configDirectory().resolve("agencies/NWO/keys/nwo-bad.pem")).doesNotExist();

        HttpResponse<String> agency = admin.put("/admin/agencies/ANR", "{\"agency\":\"ANR\",\"mode\":\"pull\"}");
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);
        assertThat(admin.getJson("/admin/agencies/ANR").path("mode").asText()).isEqualTo("pull");
        HttpResponse<String> badAgency = admin.put("/admin/agencies/NRF", "{\"agency\":\"NRF\",\"mode\":\"push\",\"endpiont\":\"https://x\"}");
        assertThat(badAgency.statusCode()).isEqualTo(400);
        assertThat(Json.body(badAgency).path("problems").asText().split("\n")).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("unknown member \"endpiont\""))
                .anySatisfy(problem -> assertThat(problem).contains("push mode, so \"endpoint\" must be an absolute http(s) URI"));
        assertThat(setup.agencies.configDirectory().resolve("agencies/NRF")).doesNotExist();
        assertThat(audit()).contains("admin CREATE_AGENCY_KEY agency NWO key file nwo-rotated.jwks", "admin CREATE_AGENCY agency ANR");
    }

    private static HttpResponse<String> call(ConsoleClient client, String[] endpoint) {
        return endpoint[2] == null ? client.get(endpoint[1]) : client.put(endpoint[1], "{}", endpoint[2]);
    }

    private static PartnerClient.Answer sendProposalSignedWith(String agency, SigningIdentity key) {
        CanonicalMessage message = LedgerFixture.sample(agency, "proposal", "ADMIN-KEY-" + System.nanoTime(), 1);
        message.setMessageId(agency.toLowerCase() + "-admin-it-" + System.nanoTime());
        OutboundTranslation nativeMessage = setup.adapters.require(agency).fromCanonical(message);
        PartnerClient client = new PartnerClient(setup.gateway());
        return client.send(client.signed(agency, key, nativeMessage.mediaType(), nativeMessage.body()).message());
    }

    private static String quadDefinition() {
        HttpResponse<String> definition = admin.get("/admin/calls/" + QUAD);
        assertThat(definition.statusCode()).as(definition.body()).isEqualTo(200);
        assertThat(definition.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        return definition.body();
    }

    /** "actor action subject" of the audit trail's latest rows. */
    private static List<String> audit() {
        List<String> rows = new ArrayList<>();
        admin.getJson("/audit?limit=100").path("rows").forEach(row -> rows.add(row.path("actor").asText() + " "
                + row.path("action").asText() + " " + row.path("subject").asText()));
        return rows;
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
