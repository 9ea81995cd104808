package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.Signed;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.base.SignatureParameters;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 over real HTTP: the running gateway accepts a partner request only with a valid
 * {@code jointcall-v1} signature of a key registered for that partner, refuses every forgery with
 * the signature module's problem type, stores nothing for it, and signs its receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedApiIT {

    private static final String JSON = "application/json";
    /** The key the gateway announces for its next rotation (gateway.signing.published-keys). */
    private static final SigningIdentity NEXT_GATEWAY_KEY = TestAgencies.newKey("jointcall-gateway-next");

    @TempDir
    static Path temp;

    private TestAgencies agencies;
    private TestDatabase.Database database;
    private GatewayProcess gateway;
    private PartnerClient nsf;

    @BeforeAll
    void startGateway() throws IOException {
        agencies = TestAgencies.writeTo(temp);
        database = TestDatabase.fresh("signed_api");
        Path nextKey = temp.resolve("gateway-next.jwks");
        Files.writeString(nextKey, TestAgencies.jwks(NEXT_GATEWAY_KEY));
        gateway = agencies.gateway("signed-api", database)
                .property("gateway.signing.published-keys", nextKey.toString())
                .start();
        nsf = new PartnerClient(gateway);
    }

    @AfterAll
    void stopGateway() {
        gateway.close();
    }

    @Test
    void aCorrectlySignedRequestIsAcceptedWithAReceiptTheGatewaysPublicKeyVerifies() throws Exception {
        String id = newId();
        Signed<RequestMessage> request = nsf.signed("nsf", agencies.key("NSF"), JSON, proposal(id));

        PartnerClient.Answer answer = nsf.send(request.message());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        Verdict receipt = SignatureProfile.receiptVerifier(agencies.gatewayKeyRegistry(), new InMemoryNonceStore(Clock.systemUTC()),
                Clock.systemUTC()).verify(answer.asReceipt(), TestAgencies.GATEWAY_KEY_OWNER);
        assertThat(receipt.keyId()).isEqualTo(TestAgencies.GATEWAY_KEY_ID);
        assertThat(receipt.coveredComponents()).containsExactly("\"@status\"", "\"content-digest\"", "\"signature\";req");
        assertThat(answer.body()).contains("\"agency\":\"NSF\"").contains("\"messageId\":\"" + id + "\"")
                .contains("\"monitor\":\"/api/v1/exchange/NSF/messages/" + id + "\"");
        assertThat(database.column("SELECT key_id || ' ' || algorithm || ' ' || (verdict->>'tag') FROM exchange_ledger"
                + " WHERE message_id = '" + id + "'")).containsExactly(agencies.key("NSF").keyId() + " ecdsa-p256-sha256 jointcall-v1");
    }

    /** A partner registers the gateway's key from the gateway itself, and it verifies the gateway's receipts. */
    @Test
    void theGatewaysPublishedKeyVerifiesItsReceipts() throws Exception {
        HttpResponse<String> published = gateway.get("/api/v1/exchange/keys");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
        assertThat(published.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        List<RegisteredKey> keys = FileKeyRegistry.readKeyFile("gateway", "gateway.jwks", published.body().getBytes(StandardCharsets.UTF_8),
                "GET /api/v1/exchange/keys");
        assertThat(keys).extracting(RegisteredKey::keyId).as("the signing key first, then the next one announced for a rotation")
                .containsExactly(TestAgencies.GATEWAY_KEY_ID, NEXT_GATEWAY_KEY.keyId());
        assertThat(keys.get(1).key()).isEqualTo(NEXT_GATEWAY_KEY.key().verificationKey());

        PartnerClient.Answer answer = nsf.send(nsf.signed("nsf", agencies.key("NSF"), JSON, proposal(newId())).message());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        Verdict receipt = SignatureProfile.receiptVerifier(KeyRegistry.of(keys), new InMemoryNonceStore(Clock.systemUTC()),
                Clock.systemUTC()).verify(answer.asReceipt(), "gateway");
        assertThat(receipt.keyId()).isEqualTo(TestAgencies.GATEWAY_KEY_ID);
    }

    @Test
    void anUnsignedRequestIsRefusedAsSignatureMissing() throws SQLException {
        String id = newId();

        PartnerClient.Answer refused = nsf.send(nsf.unsigned("nsf", JSON, proposal(id))).assertRefused(401, "signature-missing", database, id);

        assertThat(refused.header("Accept-Signature")).as("what a signature must hold (RFC 9421 5.1)")
                .containsExactly(SignatureProfile.acceptSignature());
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedAsDigestMismatch() throws SQLException {
        String id = newId();
        Signed<RequestMessage> signed = nsf.signed("nsf", agencies.key("NSF"), JSON, proposal(id));
        byte[] tampered = new String(proposal(id), StandardCharsets.UTF_8).replace("600000.00", "900000.00").getBytes(StandardCharsets.UTF_8);

        nsf.send(signed.message().withBody(tampered)).assertRefused(400, "digest-mismatch", database, id);
    }

    @Test
    void aCoveredHeaderChangedAfterSigningIsRefusedAsSignatureInvalid() throws SQLException {
        String id = newId();
        RequestMessage signed = nsf.signed("nsf", agencies.key("NSF"), JSON, proposal(id)).message();
        RequestMessage tampered = signed.withFields(signed.fields().without("Content-Type").with("Content-Type", "application/json; charset=utf-8"));

        nsf.send(tampered).assertRefused(401, "signature-invalid", database, id);
    }

    @Test
    void aSignatureByAnotherPrivateKeyUnderTheRegisteredKeyIdIsRefusedAsSignatureInvalid() throws SQLException {
        String id = newId();

        nsf.send(nsf.signed("nsf", agencies.impostorOf("NSF"), JSON, proposal(id)).message())
                .assertRefused(401, "signature-invalid", database, id);
    }

    @Test
    void anotherAgencysKeyCannotSpeakForNsf() throws SQLException {
        String id = newId();

        nsf.send(nsf.signed("nsf", agencies.key("UKRI"), JSON, proposal(id)).message())
                .assertRefused(403, "key-other-agency", database, id);
    }

    @Test
    void aKeyPastItsValidityIsRefusedAsKeyExpired() throws SQLException {
        String id = newId();

        nsf.send(nsf.signed("nsf", agencies.expiredKey("NSF"), JSON, proposal(id)).message())
                .assertRefused(401, "key-expired", database, id);
    }

    @Test
    void aReplayedRequestIsRefusedAndTheMessageIsStoredOnce() throws SQLException {
        String id = newId();
        RequestMessage signed = nsf.signed("nsf", agencies.key("NSF"), JSON, proposal(id)).message();
        assertThat(nsf.send(signed).status()).isEqualTo(202);

        PartnerClient.Answer replay = nsf.send(signed);

        assertThat(replay.status()).as(replay.body()).isEqualTo(401);
        assertThat(replay.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/replay");
        assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE message_id = '" + id + "'")).containsExactly("1");
        assertThat(database.column("SELECT problem_type FROM security_event ORDER BY event_id DESC LIMIT 1")).containsExactly("replay");
    }

    @Test
    void aSignatureCreatedTenMinutesAgoIsRefusedAsClockSkew() throws SQLException {
        String id = newId();
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        MessageSigner stale = new MessageSigner(agencies.key("NSF"), tenMinutesAgo, Duration.ofMinutes(30), DigestAlgorithm.SHA_256);

        nsf.send(stale.signRequest(nsf.unsigned("nsf", JSON, proposal(id))).message())
                .assertRefused(401, "clock-skew", database, id);
    }

    @Test
    void aSignatureNotCoveringContentTypeIsRefusedAsComponentMissing() throws SQLException {
        String id = newId();
        SignatureParameters withoutContentType = profileParameters(agencies.key("NSF").keyId())
                .cover(ComponentIdentifier.of("@method")).cover(ComponentIdentifier.of("@authority"))
                .cover(ComponentIdentifier.of("@path")).cover(ComponentIdentifier.of("@query"))
                .cover(ComponentIdentifier.of("content-digest")).build();

        nsf.send(signWith(agencies.key("NSF"), id, withoutContentType)).assertRefused(401, "component-missing", database, id);
    }

    @Test
    void aKeyIdNobodyRegisteredIsRefusedAsKeyUnknown() throws SQLException {
        String id = newId();

        nsf.send(nsf.signed("nsf", TestAgencies.newKey("nsf-unregistered"), JSON, proposal(id)).message())
                .assertRefused(401, "key-unknown", database, id);
    }

    /** The classic confusion: an HMAC keyed with public material, declared as alg=hmac-sha256 against an ECDSA key id. */
    @Test
    void anAlgorithmOtherThanTheRegisteredKeysIsRefusedAsAlgorithmMismatch() throws SQLException {
        String id = newId();
        String keyId = agencies.key("NSF").keyId();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignatureParameters hmac = profileParameters(keyId).cover(SignatureProfile.REQUEST_COMPONENTS).algorithm("hmac-sha256").build();

        nsf.send(signWith(SigningIdentity.of(keyId, SigningKey.hmac(secret)), id, hmac))
                .assertRefused(401, "algorithm-mismatch", database, id);
    }

    private RequestMessage signWith(SigningIdentity key, String id, SignatureParameters parameters) {
        byte[] body = proposal(id);
        RequestMessage request = nsf.unsigned("nsf", JSON, body);
        request = request.withFields(request.fields().with(ContentDigest.FIELD, ContentDigest.of(body, DigestAlgorithm.SHA_256).serialize()));
        return new MessageSigner(key, Clock.systemUTC()).sign(request, SignatureProfile.LABEL, parameters).message();
    }

    private static SignatureParameters.Builder profileParameters(String keyId) {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        return SignatureParameters.builder().created(now).expires(now.plus(SignatureProfile.REQUEST_LIFETIME))
                .nonce(UUID.randomUUID().toString()).keyId(keyId).tag(SignatureProfile.TAG);
    }

    private static byte[] proposal(String id) {
        return PartnerClient.message("nsf-proposal.json", id);
    }

    private static String newId() {
        return "nsf-" + UUID.randomUUID();
    }
}
