package org.jointcall.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.base.MessageSignature;
import org.jointcall.signature.base.MessageSignatures;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.jointcall.signature.fixtures.MutableClock;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.junit.jupiter.api.Test;

class MessageSignerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.750Z");

    private final SigningKey key = GeneratedKeys.ed25519();
    private final MessageSigner signer = new MessageSigner(SigningIdentity.of("jc-gateway", key), new MutableClock(NOW));

    private static RequestMessage request(String... fields) {
        return RequestMessage.of("POST", URI.create("https://nsf.example/inbox"), HttpFields.of(fields),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestsGetDigestProfileComponentsAndAllParameters() {
        Signed<RequestMessage> signed = signer.signRequest(request("Content-Type", "application/json"));
        MessageSignature signature = signed.signature();

        assertThat(signed.addedFields().lines()).extracting(HttpFields.FieldLine::name)
                .containsExactly("Content-Digest", "Signature-Input", "Signature");
        assertThat(signature.parameters().components()).isEqualTo(SignatureProfile.REQUEST_COMPONENTS);
        assertThat(signature.parameters().created()).contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(signature.parameters().expires()).contains(Instant.parse("2026-03-01T10:05:00Z"));
        assertThat(signature.parameters().keyId()).contains("jc-gateway");
        assertThat(signature.parameters().tag()).contains("jointcall-v1");
        assertThat(signature.parameters().nonce()).get().asString().hasSize(22);
        assertThat(key.verificationKey().verify(signed.base().bytes(), signature.value())).isTrue();
        assertThat(MessageSignatures.read(signed.message())).containsExactly(signature);
    }

    @Test
    void everyRequestGetsAFreshNonce() {
        RequestMessage request = request("Content-Type", "application/json");

        assertThat(signer.signRequest(request).signature().parameters().nonce())
                .isNotEqualTo(signer.signRequest(request).signature().parameters().nonce());
    }

    @Test
    void aStaleContentDigestOnTheMessageIsReplacedByTheRealOne() {
        Signed<RequestMessage> signed = signer.signRequest(request("Content-Type", "application/json", "Content-Digest", "sha-256=:AAAA:"));

        assertThat(signed.message().fields().values("Content-Digest")).containsExactly(
                ContentDigest.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), DigestAlgorithm.SHA_512).serialize());
    }

    @Test
    void aRequestWithoutContentTypeCannotBeSignedUnderTheProfile() {
        assertThatThrownBy(() -> signer.signRequest(request())).hasMessageContaining("no content-type field");
    }

    @Test
    void aSecondSignatureUnderTheSameLabelIsRefused() {
        RequestMessage signed = signer.signRequest(request("Content-Type", "application/json")).message();

        assertThatThrownBy(() -> signer.signRequest(signed)).hasMessageContaining("already carries a signature labelled jointcall");
    }

    @Test
    void receiptsCoverStatusDigestAndTheRequestSignatureWithoutNonce() {
        RequestMessage inbound = signer.signRequest(request("Content-Type", "application/json")).message();
        ResponseMessage accepted = ResponseMessage.of(202, HttpFields.empty(), new byte[0]).answering(inbound);

        Signed<ResponseMessage> receipt = signer.signReceipt(accepted);

        assertThat(receipt.signature().parameters().components()).isEqualTo(SignatureProfile.RECEIPT_COMPONENTS);
        assertThat(receipt.signature().parameters().nonce()).isEmpty();
        assertThat(receipt.signature().parameters().expires()).isEmpty();
        assertThat(receipt.base().text()).contains("\"signature\";req: jointcall=:");
        assertThat(receipt.message().request()).contains(inbound);
    }

    @Test
    void receiptsNeedTheSignedRequest() {
        ResponseMessage unlinked = ResponseMessage.of(202, HttpFields.empty(), new byte[0]);
        ResponseMessage answeringUnsigned = unlinked.answering(request("Content-Type", "application/json"));

        assertThatThrownBy(() -> signer.signReceipt(unlinked)).hasMessageContaining("answering(request)");
        assertThatThrownBy(() -> signer.signReceipt(answeringUnsigned)).hasMessageContaining("carries no Signature");
    }

    @Test
    void nonPositiveRequestLifetimesAreRefused() {
        assertThatThrownBy(() -> new MessageSigner(SigningIdentity.of("k", key), new MutableClock(NOW), Duration.ZERO, DigestAlgorithm.SHA_256))
                .hasMessageContaining("must be positive");
    }
}
