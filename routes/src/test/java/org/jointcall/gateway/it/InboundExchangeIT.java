package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, inbound, over real HTTP: limits, media types and the adapters' verdicts become problem
 * responses with nothing in the ledger; an accepted message is stored byte for byte once, however
 * often (and however concurrently) it is repeated, and a reused id with other content is a conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundExchangeIT {

    private static final String JSON = "application/json";
    private static final int MAX_BYTES = 16_384;

    @TempDir
    static Path temp;

    private TestAgencies agencies;
    private TestDatabase.Database database;
    private GatewayProcess gateway;
    private PartnerClient partner;

    @BeforeAll
    void startGateway() {
        agencies = TestAgencies.writeTo(temp);
        database = TestDatabase.fresh("inbound_exchange");
        gateway = agencies.gateway("inbound-exchange", database)
                .property("gateway.inbound.max-bytes", Integer.toString(MAX_BYTES))
                .property("gateway.http.authorities", "gateway.jointcall.example, LOCALHOST")
                .start();
        partner = new PartnerClient(gateway);
    }

    @AfterAll
    void stopGateway() {
        gateway.close();
    }

    @Test
    void anAcceptedMessageIsInTheLedgerByteForByteWithItsCanonicalForm() throws SQLException {
        String id = newId();
        byte[] body = PartnerClient.message("nsf-proposal.json", id);

        PartnerClient.Answer answer = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, body).message());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(database.column("SELECT encode(body, 'escape') FROM exchange_ledger WHERE message_id = '" + id + "'"))
                .containsExactly(new String(body, StandardCharsets.UTF_8));
        assertThat(database.column("SELECT agency || ' ' || kind || ' ' || joint_reference || ' ' || call_id || ' ' || media_type"
                + " FROM exchange_ledger WHERE message_id = '" + id + "'"))
                .containsExactly("NSF PROPOSAL_PART ASPIRE-AI-0042 ASPIRE-2026-AI application/json");
        assertThat(database.column("SELECT convert_from(canonical_xml, 'UTF8') FROM exchange_ledger WHERE message_id = '" + id + "'"))
                .singleElement().asString().contains("<messageId>" + id + "</messageId>").contains("urn:jointcall:canonical:v1");
    }

    @Test
    void anExactRepeatSignedAgainGetsTheOriginalReceiptSignedForItAndIsStoredOnce() throws Exception {
        String id = newId();
        byte[] body = PartnerClient.message("nsf-proposal.json", id);
        PartnerClient.Answer first = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, body).message());

        PartnerClient.Answer repeat = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, body).message());

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(202);
        assertThat(repeat.body()).as("the original receipt's body: same ledger id and time of receipt").isEqualTo(first.body());
        assertThat(repeat.header("Content-Digest")).isEqualTo(first.header("Content-Digest"));
        assertThat(repeat.header("Signature")).as("signed again, for the repeat").isNotEqualTo(first.header("Signature"));
        for (PartnerClient.Answer answer : List.of(first, repeat)) {
            assertThat(SignatureProfile.receiptVerifier(agencies.gatewayKeyRegistry(), new InMemoryNonceStore(Clock.systemUTC()),
                    Clock.systemUTC()).verify(answer.asReceipt(), TestAgencies.GATEWAY_KEY_OWNER).keyId())
                    .as("each receipt verifies against the request it answers").isEqualTo(TestAgencies.GATEWAY_KEY_ID);
        }
        assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE message_id = '" + id + "'")).containsExactly("1");
    }

    @Test
    void theSameMessageIdWithOtherBytesIsAConflictAndTheFirstVersionStays() throws SQLException {
        String id = newId();
        byte[] original = PartnerClient.message("nsf-proposal.json", id);
        byte[] changed = new String(original, StandardCharsets.UTF_8).replace("clinical NLP", "clinical text mining")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, original).message()).status()).isEqualTo(202);

        PartnerClient.Answer conflict = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, changed).message());

        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/message-id-conflict");
        assertThat(conflict.problem().path("detail").asText()).contains(id).contains("sha-256=:");
        assertThat(database.column("SELECT encode(body, 'escape') FROM exchange_ledger WHERE message_id = '" + id + "'"))
                .containsExactly(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void concurrentCopiesOfOneMessageAreStoredOnceAndAllGetTheSameReceipt() throws Exception {
        String id = newId();
        byte[] body = PartnerClient.message("nsf-proposal.json", id);
        List<RequestMessage> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(partner.signed("nsf", agencies.key("NSF"), JSON, body).message());
        }
        ExecutorService pool = Executors.newFixedThreadPool(copies.size());
        List<Future<PartnerClient.Answer>> answers = new ArrayList<>();
        try {
            for (RequestMessage copy : copies) {
                answers.add(pool.submit(() -> partner.send(copy)));
            }
            List<String> receipts = new ArrayList<>();
            for (Future<PartnerClient.Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(202);
                receipts.add(answer.get().body());
            }
            assertThat(receipts).hasSize(copies.size()).allMatch(receipts.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE message_id = '" + id + "'")).containsExactly("1");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws SQLException {
        String id = newId();

        partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, oversized(id)).message())
                .assertRefused(413, "payload-too-large", database, id);
    }

    /** A valid proposal padded with trailing spaces to one byte over the limit. */
    private static byte[] oversized(String id) {
        byte[] body = new byte[MAX_BYTES + 1];
        Arrays.fill(body, (byte) ' ');
        byte[] message = PartnerClient.message("nsf-proposal.json", id);
        System.arraycopy(message, 0, body, 0, message.length);
        return body;
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws SQLException {
        String id = newId();

        partner.sendChunked(partner.signed("nsf", agencies.key("NSF"), JSON, oversized(id)).message())
                .assertRefused(413, "payload-too-large", database, id);
    }

    @Test
    void aMediaTypeTheAgencysAdapterDoesNotReadIsRefusedWith415() throws SQLException {
        String id = newId();

        PartnerClient.Answer answer = partner.send(partner.signed("nsf", agencies.key("NSF"), "text/plain",
                PartnerClient.message("nsf-proposal.json", id)).message()).assertRefused(415, "media-type-unsupported", database, id);

        assertThat(answer.problem().path("detail").asText()).contains("text/plain").contains("application/json");
    }

    @Test
    void malformedJsonIsRefusedWith400NamingLineAndColumn() throws SQLException {
        String id = newId();

        JsonNode problem = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON, PartnerClient.message("nsf-malformed.json", id))
                .message()).assertRefused(400, "message-malformed", database, id).problem();

        assertThat(problem.path("field").asText()).isEqualTo("document");
        assertThat(problem.path("position").asText()).isEqualTo("line 12, column 26");
    }

    @Test
    void aSchemaInvalidMessageIsRefusedWith422NamingTheField() throws SQLException {
        String id = newId();

        JsonNode problem = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON,
                PartnerClient.message("nsf-schema-invalid.json", id)).message()).assertRefused(422, "message-invalid", database, id).problem();

        assertThat(problem.path("field").asText()).isEqualTo("/proposal/proposalNumber");
        assertThat(problem.path("detail").asText()).contains("required property 'proposalNumber' not found");
    }

    @Test
    void anOrcidWithAWrongCheckDigitIsRefusedWith422SayingWhichDigitIsRight() throws SQLException {
        String id = newId();

        JsonNode problem = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON,
                PartnerClient.message("nsf-invalid-orcid.json", id)).message()).assertRefused(422, "message-invalid", database, id).problem();

        assertThat(problem.path("field").asText()).isEqualTo("/proposal/seniorPersonnel/0/orcidId");
        assertThat(problem.path("detail").asText()).contains("checksum digit should be 7");
    }

    @Test
    void anXmlExternalEntityIsRefusedBeforeAnythingIsResolved() throws SQLException {
        String id = "dfg-elan-2026-4711";

        JsonNode problem = partner.send(partner.signed("dfg", agencies.key("DFG"), "application/xml",
                PartnerClient.message("dfg-xxe.xml", id)).message()).assertRefused(400, "message-malformed", database, id).problem();

        assertThat(problem.path("field").asText()).isEqualTo("DOCTYPE");
        assertThat(problem.toString()).doesNotContain("root:");
    }

    @Test
    void anAgencyThatIsNotAPartnerIsRefusedWith404() throws SQLException {
        String id = newId();

        PartnerClient.Answer answer = partner.send(partner.signed("anr", agencies.key("NSF"), JSON, PartnerClient.message("nsf-proposal.json", id))
                .message()).assertRefused(404, "agency-unknown", database, id);

        assertThat(answer.problem().path("detail").asText()).contains("'anr'").contains("NSF");
    }

    @Test
    void aPathOrMethodTheApiDoesNotServeIsAProblemDocumentNotAnHtmlPage() {
        PartnerClient.Answer wrongMethod = partner.send(RequestMessage.of("GET", gateway.uri("/api/v1/exchange/NSF/messages"),
                HttpFields.of(), new byte[0]));
        PartnerClient.Answer nowhere = partner.send(RequestMessage.of("POST", gateway.uri("/api/v1/exchange/NSF/mesages"),
                HttpFields.of("Content-Type", JSON), "{}".getBytes(StandardCharsets.UTF_8)));
        PartnerClient.Answer outsideBoth = partner.send(RequestMessage.of("GET", gateway.uri("/api/v2/anything"), HttpFields.of(), new byte[0]));

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problem().path("type").asText()).endsWith("/method-not-allowed");
        assertThat(wrongMethod.problem().path("detail").asText()).contains("GET /api/v1/exchange/NSF/messages")
                .contains("takes POST, OPTIONS");
        assertThat(wrongMethod.header("Allow")).as("RFC 9110 15.5.6: a 405 names what the path takes").containsExactly("POST, OPTIONS");
        for (PartnerClient.Answer notFound : List.of(nowhere, outsideBoth)) {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.problem().path("type").asText()).endsWith("/not-found");
            assertThat(notFound.problem().path("instance").asText()).isEqualTo(notFound.request().targetUri().getPath());
        }
    }

    @Test
    void aRecordOrNoticeOnlyTheGatewaySendsIsRefusedAtIntakeNotAcceptedAndDroppedLater() throws SQLException {
        String id = newId();

        PartnerClient.Answer notice = partner.send(partner.signed("nsf", agencies.key("NSF"), JSON,
                PartnerClient.message("nsf-joint-outcome-notice.json", id)).message()).assertRefused(422, "message-invalid", database, id);

        assertThat(notice.problem().path("field").asText()).isEqualTo("kind");
        assertThat(notice.problem().path("detail").asText()).contains("JOINT_OUTCOME_NOTICE is sent by the gateway to agencies");
    }

    @Test
    void aFormEncodedBodyIsAnUnsupportedMediaTypeNotFormFields() throws Exception {
        String id = newId();
        byte[] body = ("agency=XYZ&messageId=" + id + "&" + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);

        PartnerClient.Answer form = partner.send(RequestMessage.of("POST", gateway.uri("/api/v1/exchange/NSF/messages"),
                HttpFields.of("Content-Type", "application/x-www-form-urlencoded"), body)).assertRefused(415, "media-type-unsupported",
                database, id);

        assertThat(form.problem().path("detail").asText()).as("the path's agency, not a form field's").contains("NSF")
                .doesNotContain("XYZ");
        assertThat(Files.readString(gateway.log(), StandardCharsets.UTF_8)).as("the body is not logged").doesNotContain("x".repeat(1_000));
    }

    @Test
    void aHostOrQueryNoUriCanHoldIsABadRequestNotAServerError() throws IOException {
        for (String request : List.of("POST /api/v1/exchange/NSF/messages HTTP/1.1\r\nHost: a b\r\n",
                "POST /api/v1/exchange/NSF/messages?a=|b HTTP/1.1\r\nHost: localhost\r\n")) {
            String answer = raw(request + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

            assertThat(answer).as(request).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("https://jointcall.org/problems/target-invalid");
        }
    }

    @Test
    void aRequestAddressedToAnotherHostIsMisdirectedBeforeItsSignatureIsLookedAt() throws IOException {
        String answer = raw("POST /api/v1/exchange/NSF/messages HTTP/1.1\r\nHost: staging.jointcall.example\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 421").contains("https://jointcall.org/problems/authority-misdirected")
                .contains("not as staging.jointcall.example");
    }

    /** Sends {@code request} as bytes, for what HttpClient refuses to send (a Host of its own, a query no URI can hold). */
    private String raw(String request) throws IOException {
        URI base = gateway.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String newId() {
        return "nsf-" + UUID.randomUUID();
    }
}
