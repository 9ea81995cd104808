package org.jointcall.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.ProblemKind;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;
import org.junit.jupiter.api.Test;

/** The gateway signs an outbound request; the partner's signed receipt for it is checked. */
class ReceiptVerifierTest {

    private static final Agency NSF = new Agency(AgencyId.NSF, DeliveryMode.PUSH, URI.create("https://nsf.example/inbound"), true);
    private final SigningIdentity gatewayKey = TestAgencies.newKey("gw-test");
    private final SigningIdentity nsfKey = TestAgencies.newKey("nsf-2026");
    private final SigningIdentity ukriKey = TestAgencies.newKey("ukri-2026");
    private final GatewaySigner signer = new GatewaySigner(new MessageSigner(gatewayKey, Clock.systemUTC()), gatewayKey.keyId());
    private final KeyRegistry partners = KeyRegistry.of(List.of(
            RegisteredKey.builder("nsf", nsfKey.keyId(), nsfKey.key().verificationKey()).build(),
            RegisteredKey.builder("ukri", ukriKey.keyId(), ukriKey.key().verificationKey()).build()));
    private final ReceiptVerifier verifier = new ReceiptVerifier(partners, new InMemoryNonceStore(Clock.systemUTC()), Clock.systemUTC());

    @Test
    void aReceiptSignedByThePartnerOverTheGatewaysRequestSignatureVerifies() throws SignatureRejectedException {
        Signed<RequestMessage> sent = signedOutbound();

        Verdict verdict = verifier.verify(receipt(sent, nsfKey, "{\"accepted\":true}"), NSF);

        assertThat(verdict.agency()).isEqualTo("nsf");
        assertThat(verdict.keyId()).isEqualTo(nsfKey.keyId());
        assertThat(verdict.coveredComponents()).containsExactly("\"@status\"", "\"content-digest\"", "\"signature\";req");
        assertThat(signer.keyId()).isEqualTo("gw-test");
        assertThat(sent.message().fields().values("Signature-Input").get(0)).contains("keyid=\"gw-test\"").contains("tag=\"jointcall-v1\"");
    }

    @Test
    void aReceiptSignedByAnotherPartnerIsRefusedAsSpeakingForSomeoneElse() {
        Signed<RequestMessage> sent = signedOutbound();

        assertThatThrownBy(() -> verifier.verify(receipt(sent, ukriKey, "{}"), NSF))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.KEY_OTHER_AGENCY));
    }

    @Test
    void aReceiptForAnotherRequestDoesNotVerify() {
        Signed<RequestMessage> sent = signedOutbound();
        ResponseMessage forFirst = receipt(sent, nsfKey, "{}");
        ResponseMessage reattached = ResponseMessage.of(forFirst.status(), forFirst.fields(), forFirst.body())
                .answering(signedOutbound().message());

        assertThatThrownBy(() -> verifier.verify(reattached, NSF))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.SIGNATURE_INVALID));
    }

    private Signed<RequestMessage> signedOutbound() {
        return signer.signRequest(RequestMessage.of("POST", URI.create("https://nsf.example/inbound"),
                HttpFields.of("Content-Type", "application/json"), "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private static ResponseMessage receipt(Signed<RequestMessage> sent, SigningIdentity partner, String body) {
        ResponseMessage response = ResponseMessage.of(202, HttpFields.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8)).answering(sent.message());
        return new MessageSigner(partner, Clock.systemUTC()).signReceipt(response).message();
    }
}
