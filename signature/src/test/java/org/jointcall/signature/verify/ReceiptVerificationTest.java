package org.jointcall.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.base.SignatureParameters;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.junit.jupiter.api.Test;

/** Receipts: the partner's 202 covers its status, its body digest and the exact signature of the request it acknowledges. */
class ReceiptVerificationTest {

    private final Partners partners = new Partners();

    private final RequestMessage outbound = partners.signer("jc-gateway", partners.gateway).signRequest(Partners.proposalRequest()).message();

    private ResponseMessage receiptFromNsf() {
        ResponseMessage accepted = ResponseMessage.of(202, HttpFields.of("Content-Type", "application/json"),
                "{\"received\": \"2412345\"}".getBytes(StandardCharsets.UTF_8)).answering(outbound);
        return partners.signer("nsf-ec", partners.nsfEc).signReceipt(accepted).message();
    }

    @Test
    void aReceiptSignedByThePartnerIsAcceptedAsEvidence() throws Exception {
        Verdict verdict = partners.receiptVerifier().verify(receiptFromNsf(), "nsf");

        assertThat(verdict.keyId()).isEqualTo("nsf-ec");
        assertThat(verdict.coveredComponents()).containsExactly("\"@status\"", "\"content-digest\"", "\"signature\";req");
        assertThat(verdict.nonce()).isEmpty();
        assertThat(verdict.tag()).contains(SignatureProfile.TAG);
    }

    @Test
    void verifyingTheSameReceiptTwiceSpendsNoNonce() throws Exception {
        ResponseMessage receipt = receiptFromNsf();

        partners.receiptVerifier().verify(receipt, "nsf");
        partners.receiptVerifier().verify(receipt, "nsf");

        assertThat(partners.nonces.size()).isZero();
    }

    @Test
    void aReceiptPresentedForAnotherRequestIsInvalid() {
        ResponseMessage receipt = receiptFromNsf();
        RequestMessage otherRequest = partners.signer("jc-gateway", partners.gateway).signRequest(Partners.proposalRequest()).message();

        assertThatThrownBy(() -> partners.receiptVerifier().verify(receipt.answering(otherRequest), "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.SIGNATURE_INVALID));
    }

    @Test
    void aChangedStatusIsInvalid() {
        ResponseMessage receipt = receiptFromNsf();
        ResponseMessage rejected = ResponseMessage.of(409, receipt.fields(), receipt.body()).answering(outbound);

        assertThatThrownBy(() -> partners.receiptVerifier().verify(rejected, "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.SIGNATURE_INVALID));
    }

    @Test
    void aReceiptNotLinkedToItsRequestCannotBeChecked() {
        ResponseMessage receipt = receiptFromNsf();
        ResponseMessage unlinked = ResponseMessage.of(receipt.status(), receipt.fields(), receipt.body());

        assertThatThrownBy(() -> partners.receiptVerifier().verify(unlinked, "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.COMPONENT_MISSING))
                .hasMessageContaining("not linked");
    }

    @Test
    void aResponseSignedWithoutTheRequestSignatureMissesAComponent() {
        ResponseMessage accepted = ResponseMessage.of(202, HttpFields.of("Content-Digest",
                ContentDigest.of(new byte[0], DigestAlgorithm.SHA_256).serialize()), new byte[0]).answering(outbound);
        SignatureParameters parameters = SignatureParameters.builder()
                .cover(List.of(ComponentIdentifier.of("@status"), ComponentIdentifier.of("content-digest")))
                .created(Partners.NOW).keyId("nsf-ec").tag(SignatureProfile.TAG).build();
        ResponseMessage requestSignatureNotCovered = partners.signer("nsf-ec", partners.nsfEc)
                .sign(accepted, SignatureProfile.LABEL, parameters).message();

        assertThatThrownBy(() -> partners.receiptVerifier().verify(requestSignatureNotCovered, "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.COMPONENT_MISSING))
                .hasMessageContaining("\"signature\";req");
    }
}
