package org.jointcall.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.base.SignatureParameters;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.keys.Validity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.message.RequestMessage;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The jointcall-v1 request policy: one test per way a partner request can be wrong, each with its own problem kind. */
class RequestVerificationTest {

    private final Partners partners = new Partners();
    private final MessageVerifier verifier = partners.requestVerifier();

    private RequestMessage signedByNsf() {
        return partners.signer("nsf-ed", partners.nsfEd).signRequest(Partners.proposalRequest()).message();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(HttpMessage message, String agency, ProblemKind kind) {
        return assertThatThrownBy(() -> verifier.verify(message, agency))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    /** The request with Content-Digest set, signed by {@code keyId} with exactly {@code parameters}. */
    private RequestMessage signedWith(String keyId, SigningKey key, SignatureParameters parameters) {
        RequestMessage request = Partners.proposalRequest();
        RequestMessage withDigest = request.withFields(request.fields().with("Content-Digest",
                ContentDigest.of(request.body(), DigestAlgorithm.SHA_256).serialize()));
        return new MessageSigner(SigningIdentity.of(keyId, key), partners.clock).sign(withDigest, SignatureProfile.LABEL, parameters).message();
    }

    private SignatureParameters.Builder profileParameters(String keyId) {
        return SignatureParameters.builder()
                .cover(SignatureProfile.REQUEST_COMPONENTS)
                .created(Partners.NOW)
                .expires(Partners.NOW.plusSeconds(300))
                .keyId(keyId)
                .nonce("n-" + keyId + "-" + System.nanoTime())
                .tag(SignatureProfile.TAG);
    }

    private static RequestMessage replaced(RequestMessage request, String field, String value) {
        return request.withFields(request.fields().without(field).with(field, value));
    }

    @Test
    void aCorrectlySignedRequestIsAcceptedWithAVerdictForTheLedger() throws Exception {
        Verdict verdict = verifier.verify(signedByNsf(), "nsf");

        assertThat(verdict.agency()).isEqualTo("nsf");
        assertThat(verdict.keyId()).isEqualTo("nsf-ed");
        assertThat(verdict.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(verdict.label()).isEqualTo("jointcall");
        assertThat(verdict.coveredComponents()).containsExactly("\"@method\"", "\"@authority\"", "\"@path\"", "\"@query\"",
                "\"content-type\"", "\"content-digest\"");
        assertThat(verdict.created()).isEqualTo(Partners.NOW);
        assertThat(verdict.expires()).contains(Partners.NOW.plus(SignatureProfile.REQUEST_LIFETIME));
        assertThat(verdict.tag()).contains("jointcall-v1");
        assertThat(verdict.signatureInput()).startsWith("jointcall=(\"@method\" ").contains(";keyid=\"nsf-ed\";nonce=\"");
        assertThat(verdict.signature()).startsWith("jointcall=:").endsWith(":");
    }

    @Test
    void everyProfileAlgorithmIsAccepted() throws Exception {
        assertThat(verifier.verify(partners.signer("nsf-ec", partners.nsfEc).signRequest(Partners.proposalRequest()).message(), "nsf")
                .algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(verifier.verify(partners.signer("nsf-rsa", partners.nsfRsa).signRequest(Partners.proposalRequest()).message(), "nsf")
                .algorithm()).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA512);
    }

    @Test
    void aTamperedBodyIsADigestMismatch() {
        RequestMessage tampered = signedByNsf().withBody("{\"proposal\": \"2412345\", \"decision\": \"DECLINE\"}".getBytes(StandardCharsets.UTF_8));

        assertRejected(tampered, "nsf", ProblemKind.DIGEST_MISMATCH).hasMessageContaining("Content-Digest sha-512");
    }

    @Test
    void aTamperedBodyWithARecomputedDigestIsAnInvalidSignature() {
        RequestMessage signed = signedByNsf();
        byte[] body = "{\"decision\": \"DECLINE\"}".getBytes(StandardCharsets.UTF_8);
        RequestMessage tampered = replaced(signed.withBody(body), "Content-Digest", ContentDigest.of(body, DigestAlgorithm.SHA_512).serialize());

        assertRejected(tampered, "nsf", ProblemKind.SIGNATURE_INVALID);
    }

    @Test
    void aTamperedCoveredHeaderIsAnInvalidSignature() {
        assertRejected(replaced(signedByNsf(), "Content-Type", "text/plain"), "nsf", ProblemKind.SIGNATURE_INVALID)
                .hasMessageContaining("does not verify with key nsf-ed (ed25519)");
    }

    @Test
    void anUncoveredHeaderMayChange() throws Exception {
        assertThat(verifier.verify(replaced(signedByNsf(), "Accept", "*/*"), "nsf").keyId()).isEqualTo("nsf-ed");
    }

    @Test
    void aRedirectedPathIsAnInvalidSignature() {
        RequestMessage signed = signedByNsf();
        RequestMessage redirected = RequestMessage.of("POST", URI.create("https://gateway.example/api/v1/exchange/ukri/messages?batch=7"),
                signed.fields(), signed.body());

        assertRejected(redirected, "nsf", ProblemKind.SIGNATURE_INVALID);
    }

    @Test
    void aSignatureByAnotherKeyUnderTheRegisteredKeyIdIsInvalid() {
        RequestMessage forged = partners.signer("nsf-ed", partners.ukriEd).signRequest(Partners.proposalRequest()).message();

        assertRejected(forged, "nsf", ProblemKind.SIGNATURE_INVALID);
    }

    @Test
    void anotherAgencysKeyCannotSpeakForThisAgency() {
        RequestMessage byUkri = partners.signer("ukri-ed", partners.ukriEd).signRequest(Partners.proposalRequest()).message();

        assertRejected(byUkri, "nsf", ProblemKind.KEY_OTHER_AGENCY).hasMessageContaining("registered for ukri");
    }

    @Test
    void anExpiredKeyIsRefusedEvenWithAValidSignature() {
        RequestMessage byOldKey = partners.signer("nsf-old", partners.nsfOld).signRequest(Partners.proposalRequest()).message();

        assertRejected(byOldKey, "nsf", ProblemKind.KEY_EXPIRED).hasMessageContaining("no longer valid");
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        RequestMessage byStranger = partners.signer("nsf-2099", partners.nsfEd).signRequest(Partners.proposalRequest()).message();

        assertRejected(byStranger, "nsf", ProblemKind.KEY_UNKNOWN).hasMessageContaining("nsf-2099");
    }

    @Test
    void aReplayedRequestIsRefusedTheSecondTime() throws Exception {
        RequestMessage signed = signedByNsf();
        verifier.verify(signed, "nsf");

        assertRejected(signed, "nsf", ProblemKind.REPLAY).hasMessageContaining("already used");
    }

    @Test
    void aForgeryDoesNotBurnTheNonceOfTheGenuineRequest() throws Exception {
        RequestMessage genuine = signedByNsf();
        RequestMessage forgery = replaced(genuine, "Content-Type", "text/plain");

        assertRejected(forgery, "nsf", ProblemKind.SIGNATURE_INVALID);
        assertThat(verifier.verify(genuine, "nsf").keyId()).isEqualTo("nsf-ed");
    }

    @Test
    void aNonceIsRememberedOnlyUntilTheSignatureWouldBeRefusedAnyway() throws Exception {
        verifier.verify(signedByNsf(), "nsf");
        assertThat(partners.nonces.size()).isEqualTo(1);

        partners.clock.advance(Duration.ofSeconds(61));
        partners.nonces.firstUse("other", "n", Partners.NOW.plusSeconds(3600));

        assertThat(partners.nonces.size()).isEqualTo(1);
    }

    @Test
    void aStaleCreatedTimeIsClockSkew() {
        RequestMessage signed = signedByNsf();
        partners.clock.advance(Duration.ofSeconds(61));

        assertRejected(signed, "nsf", ProblemKind.CLOCK_SKEW).hasMessageContaining("61 s before").hasMessageContaining("at most 60 s");
    }

    @Test
    void aCreatedTimeInTheFutureIsClockSkew() {
        RequestMessage signed = signedByNsf();
        partners.clock.set(Partners.NOW.minusSeconds(90));

        assertRejected(signed, "nsf", ProblemKind.CLOCK_SKEW).hasMessageContaining("after the gateway's clock");
    }

    @Test
    void aSignatureUsedAfterItsExpiresIsExpired() {
        RequestMessage signed = signedWith("nsf-ed", partners.nsfEd, profileParameters("nsf-ed").expires(Partners.NOW.plusSeconds(10)).build());
        partners.clock.advance(Duration.ofSeconds(30));

        assertRejected(signed, "nsf", ProblemKind.EXPIRED).hasMessageContaining("expired at 2026-03-01T10:00:10Z");
    }

    @Test
    void expiresBeforeCreatedIsMalformed() {
        RequestMessage signed = signedWith("nsf-ed", partners.nsfEd, profileParameters("nsf-ed").expires(Partners.NOW.minusSeconds(1)).build());

        assertRejected(signed, "nsf", ProblemKind.MALFORMED);
    }

    @Test
    void aSignatureNotCoveringTheDigestMissesARequiredComponent() {
        List<ComponentIdentifier> withoutDigest = new ArrayList<>(SignatureProfile.REQUEST_COMPONENTS);
        withoutDigest.remove(ComponentIdentifier.of("content-digest"));
        SignatureParameters parameters = SignatureParameters.builder().cover(withoutDigest).created(Partners.NOW)
                .expires(Partners.NOW.plusSeconds(300)).keyId("nsf-ed").nonce("n1").tag(SignatureProfile.TAG).build();

        assertRejected(signedWith("nsf-ed", partners.nsfEd, parameters), "nsf", ProblemKind.COMPONENT_MISSING)
                .hasMessageContaining("but not \"content-digest\"");
    }

    @Test
    void missingNonceOrExpiresIsAMissingComponent() {
        SignatureParameters noNonce = SignatureParameters.builder().cover(SignatureProfile.REQUEST_COMPONENTS).created(Partners.NOW)
                .expires(Partners.NOW.plusSeconds(300)).keyId("nsf-ed").tag(SignatureProfile.TAG).build();
        SignatureParameters noExpires = SignatureParameters.builder().cover(SignatureProfile.REQUEST_COMPONENTS).created(Partners.NOW)
                .keyId("nsf-ed").nonce("n2").tag(SignatureProfile.TAG).build();

        assertRejected(signedWith("nsf-ed", partners.nsfEd, noNonce), "nsf", ProblemKind.COMPONENT_MISSING).hasMessageContaining("no nonce");
        assertRejected(signedWith("nsf-ed", partners.nsfEd, noExpires), "nsf", ProblemKind.COMPONENT_MISSING).hasMessageContaining("no expires");
    }

    @Test
    void hmacAlgorithmWithAnRsaKeyIdIsAlgorithmConfusion() {
        RequestMessage confused = signedWith("nsf-rsa", partners.nsfHmac, profileParameters("nsf-rsa").algorithm("hmac-sha256").build());

        assertRejected(confused, "nsf", ProblemKind.ALGORITHM_MISMATCH).hasMessageContaining("claims alg=\"hmac-sha256\"")
                .hasMessageContaining("registered for rsa-pss-sha512");
    }

    @Test
    void ed25519AlgorithmWithAnEcdsaKeyIdIsAlgorithmConfusion() {
        RequestMessage confused = signedWith("nsf-ec", partners.nsfEd, profileParameters("nsf-ec").algorithm("ed25519").build());

        assertRejected(confused, "nsf", ProblemKind.ALGORITHM_MISMATCH);
    }

    @Test
    void anEd25519SignatureUnderAnEcdsaKeyIdWithoutAlgIsJustInvalid() {
        RequestMessage mislabelled = partners.signer("nsf-ec", partners.nsfEd).signRequest(Partners.proposalRequest()).message();

        assertRejected(mislabelled, "nsf", ProblemKind.SIGNATURE_INVALID);
    }

    @Test
    void aMatchingAlgParameterIsAccepted() throws Exception {
        RequestMessage explicit = signedWith("nsf-ec", partners.nsfEc, profileParameters("nsf-ec").algorithm("ecdsa-p256-sha256").build());

        assertThat(verifier.verify(explicit, "nsf").algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
    }

    @Test
    void sharedSecretKeysAreNotAcceptedByTheProfile() {
        RequestMessage byHmac = partners.signer("nsf-hmac", partners.nsfHmac).signRequest(Partners.proposalRequest()).message();

        assertRejected(byHmac, "nsf", ProblemKind.ALGORITHM_MISMATCH).hasMessageContaining("does not accept");
    }

    @Test
    void aWrongTagIsRefused() {
        RequestMessage otherProfile = signedWith("nsf-ed", partners.nsfEd, profileParameters("nsf-ed").tag("jointcall-v0").build());

        assertRejected(otherProfile, "nsf", ProblemKind.TAG_INVALID).hasMessageContaining("jointcall has tag=\"jointcall-v0\"");
    }

    @Test
    void anUnsignedRequestIsMissingItsSignature() {
        assertRejected(Partners.proposalRequest(), "nsf", ProblemKind.SIGNATURE_MISSING)
                .hasMessageContaining("no Signature-Input and Signature fields");
        assertRejected(signedByNsf().withFields(signedByNsf().fields().without("Signature")), "nsf", ProblemKind.SIGNATURE_MISSING)
                .hasMessageContaining("no Signature field");
    }

    @Test
    void garbledSignatureFieldsAreMalformed() {
        assertRejected(replaced(signedByNsf(), "Signature-Input", "jointcall=(\"@method\";created=1"), "nsf", ProblemKind.MALFORMED)
                .hasMessageContaining("Signature-Input");
    }

    @Test
    void aCoveredDigestFieldThatIsGoneIsADigestMissing() {
        RequestMessage signed = signedByNsf();

        assertRejected(signed.withFields(signed.fields().without("Content-Digest")), "nsf", ProblemKind.DIGEST_MISSING);
    }

    @Test
    void aDigestWithOnlyUnusableAlgorithmsIsADigestMissing() {
        RequestMessage request = Partners.proposalRequest();
        RequestMessage md5Only = request.withFields(request.fields().with("Content-Digest", "md5=:AAAAAAAAAAAAAAAAAAAAAA==:"));
        RequestMessage signed = new MessageSigner(SigningIdentity.of("nsf-ed", partners.nsfEd), partners.clock)
                .sign(md5Only, SignatureProfile.LABEL, profileParameters("nsf-ed").build()).message();

        assertRejected(signed, "nsf", ProblemKind.DIGEST_MISSING).hasMessageContaining("offers only [md5]");
    }

    @Test
    void theProfileSignatureIsFoundAmongOthersByItsTag() throws Exception {
        RequestMessage signed = signedByNsf();
        RequestMessage withProxySignature = signed.withFields(HttpFields.of(
                "Signature-Input", "proxy=(\"@method\");created=1;keyid=\"proxy\"", "Signature", "proxy=:AAAA:").withAll(signed.fields()));

        assertThat(verifier.verify(withProxySignature, "nsf").label()).isEqualTo("jointcall");
    }

    @Test
    void rotationAcceptsOldAndNewKeyDuringTheOverlapOnly() throws Exception {
        SigningKey current = partners.nsfEd;
        SigningKey next = GeneratedKeys.ed25519();
        Instant switchover = Partners.NOW.plus(Duration.ofDays(10));
        MessageVerifier rotating = new MessageVerifier(SignatureProfile.requestPolicy(), KeyRegistry.of(List.of(
                Partners.registered("nsf", "nsf-2026", current, Validity.between(null, switchover)),
                Partners.registered("nsf", "nsf-2027", next,
                        Validity.between(switchover.minus(Duration.ofDays(20)), null)))),
                partners.nonces, partners.clock);

        partners.clock.set(Partners.NOW.minus(Duration.ofDays(15)));
        assertThatThrownBy(() -> rotating.verify(partners.signer("nsf-2027", next).signRequest(Partners.proposalRequest()).message(), "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.KEY_EXPIRED))
                .hasMessageContaining("not yet valid");

        partners.clock.set(Partners.NOW);
        assertThat(rotating.verify(partners.signer("nsf-2026", current).signRequest(Partners.proposalRequest()).message(), "nsf").keyId())
                .isEqualTo("nsf-2026");
        assertThat(rotating.verify(partners.signer("nsf-2027", next).signRequest(Partners.proposalRequest()).message(), "nsf").keyId())
                .isEqualTo("nsf-2027");

        partners.clock.set(switchover.plusSeconds(1));
        assertThatThrownBy(() -> rotating.verify(partners.signer("nsf-2026", current).signRequest(Partners.proposalRequest()).message(), "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.KEY_EXPIRED));
        assertThat(rotating.verify(partners.signer("nsf-2027", next).signRequest(Partners.proposalRequest()).message(), "nsf").keyId())
                .isEqualTo("nsf-2027");
    }

    @Test
    void rejectionsCarryTheClaimedKeyIdForTheSecurityLog() {
        RequestMessage byUkri = partners.signer("ukri-ed", partners.ukriEd).signRequest(Partners.proposalRequest()).message();

        assertThatThrownBy(() -> verifier.verify(byUkri, "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.keyId()).contains("ukri-ed"));
        assertThatThrownBy(() -> verifier.verify(Partners.proposalRequest(), "nsf"))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.keyId()).isEmpty());
    }
}
