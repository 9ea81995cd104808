package org.jointcall.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated partner takes only what the gateway signed, as a real agency would: every refusal here is one
 * the delivery tests would otherwise never notice, since the gateway's pushes always pass.
 */
class PartnerSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] BODY = "{\"proposal\":\"NSF-2026-0001\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path root;
    private static TestAgencies agencies;
    private static PartnerSimulator nsf;

    @BeforeAll
    static void start() {
        agencies = TestAgencies.writeTo(root);
        KeyRegistry gatewayKeys = agencies.gatewayKeyRegistry();
        nsf = PartnerSimulator.start("NSF", agencies.key("NSF"), () -> gatewayKeys, new AgencyAdapters().registry());
    }

    @AfterAll
    static void stop() {
        nsf.close();
    }

    @Test
    void aRequestTheGatewaySignedIsAcceptedWithAReceiptOverItsSignature() throws Exception {
        RequestMessage request = signedByTheGateway(nsf.endpoint(), BODY);

        HttpResponse<byte[]> response = send(request);

        assertThat(response.statusCode()).isEqualTo(202);
        ResponseMessage receipt = ResponseMessage.of(202, HttpFields.of(response.headers().map().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> new HttpFields.FieldLine(e.getKey(), v))).toList()), response.body())
                .answering(request);
        Clock clock = Clock.systemUTC();
        assertThat(SignatureProfile.receiptVerifier(agencies.keyRegistry("NSF"), new InMemoryNonceStore(clock), clock)
                .verify(receipt, "nsf").keyId()).isEqualTo(agencies.key("NSF").keyId());
    }

    @Test
    void theSameSignedRequestAgainIsARefusedReplay() throws Exception {
        RequestMessage request = signedByTheGateway(nsf.endpoint(), BODY);
        assertThat(send(request).statusCode()).isEqualTo(202);

        HttpResponse<byte[]> again = send(request);

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(problem(again).path("title").asText()).isEqualTo("The signature's nonce was already used");
    }

    @Test
    void aBodyOtherThanTheSignedOneIsRefused() throws Exception {
        RequestMessage request = signedByTheGateway(nsf.endpoint(), BODY);

        HttpResponse<byte[]> response = send(request.withBody("{\"proposal\":\"NSF-2026-0002\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("title").asText()).isEqualTo("The body does not match its Content-Digest");
        assertThat(nsf.accepted()).noneMatch(body -> body.contains("NSF-2026-0002"));
    }

    @Test
    void aRequestSignedWithAnotherKeyUnderTheGatewaysKeyIdIsRefused() throws Exception {
        SigningIdentity impostor = SigningIdentity.of(TestAgencies.GATEWAY_KEY_ID, TestAgencies.newKey("impostor").key());
        RequestMessage request = PartnerRequests.signer(impostor, Clock.systemUTC())
                .signRequest(RequestMessage.of("POST", nsf.endpoint(), HttpFields.of("Content-Type", "application/json"), BODY)).message();

        HttpResponse<byte[]> response = send(request);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problem(response).path("title").asText()).isEqualTo("The signature does not verify");
    }

    @Test
    void anUnsignedRequestIsRefusedAndNotCountedAsAccepted() throws Exception {
        byte[] body = "{\"proposal\":\"NSF-2026-UNSIGNED\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = send(RequestMessage.of("POST", nsf.endpoint(), HttpFields.of("Content-Type", "application/json"), body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem(response).path("detail").asText().toLowerCase(Locale.ROOT)).contains("signature");
        assertThat(nsf.received()).anyMatch(logged -> logged.getBodyAsString().contains("NSF-2026-UNSIGNED"));
        assertThat(nsf.accepted()).noneMatch(accepted -> accepted.contains("NSF-2026-UNSIGNED"));
    }

    @Test
    void aPartnerThatCannotLearnTheGatewaysKeyAsksForTheRequestLater() throws Exception {
        try (PartnerSimulator dfg = PartnerSimulator.start("DFG", agencies.key("DFG"), () -> {
            throw new IllegalStateException("GET http://localhost:1/api/v1/exchange/keys failed: connection refused");
        }, new AgencyAdapters().registry())) {
            HttpResponse<byte[]> response = send(signedByTheGateway(dfg.endpoint(), BODY));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(problem(response).path("detail").asText()).contains("connection refused");
        }
    }

    private static RequestMessage signedByTheGateway(URI endpoint, byte[] body) {
        return PartnerRequests.signer(agencies.gatewayKey(), Clock.systemUTC())
                .signRequest(RequestMessage.of("POST", endpoint, HttpFields.of("Content-Type", "application/json"), body)).message();
    }

    private static HttpResponse<byte[]> send(RequestMessage request) throws IOException, InterruptedException {
        return HTTP.send(PartnerRequests.http(request, HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode problem(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
