package org.jointcall.signature.rfc9421;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.algorithm.VerificationKey;
import org.jointcall.signature.base.MessageSignature;
import org.jointcall.signature.base.MessageSignatures;
import org.jointcall.signature.base.SignatureBase;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.digest.DigestCheck;
import org.jointcall.signature.fixtures.HttpMessageFiles;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.fixtures.TestResources;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example of RFC 9421 Appendix B (from the IETF source, see rfc9421/SOURCES.md): the signature
 * bases byte for byte, the deterministic signatures (Ed25519, HMAC) byte for byte, the randomised
 * ones (RSA-PSS, ECDSA) verified and round-tripped, and the B.4 transformations.
 */
class AppendixBTest {

    private static final String VECTORS = "rfc9421/vectors/";

    /** The signature base built from the signed message and its own Signature-Input. */
    private static SignatureBase baseOf(HttpMessage signed, String label) {
        MessageSignature signature = MessageSignatures.read(signed, label).orElseThrow();
        return SignatureBase.of(signed, signature.parameters());
    }

    private static byte[] expectedBase(String vector) {
        return TestResources.bytes(VECTORS + vector + "/signature-base.txt");
    }

    private static byte[] signatureOf(HttpMessage signed, String label) {
        return MessageSignatures.read(signed, label).orElseThrow().value();
    }

    private static void assertSignatureFieldsMatchVector(HttpMessage signed, String vector, String label) {
        MessageSignature signature = MessageSignatures.read(signed, label).orElseThrow();
        assertThat(signature.signatureInputMember()).isEqualTo(TestResources.line(VECTORS + vector + "/signature-input.txt"));
        assertThat(signature.signatureMember()).isEqualTo(TestResources.line(VECTORS + vector + "/signature.txt"));
    }

    @Nested
    class SignatureBases {

        @ParameterizedTest(name = "B.2.{0}")
        @ValueSource(strings = {"b21", "b22", "b23", "b25", "b26"})
        void requestBasesMatchTheRfcByteForByte(String vector) {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + vector + "/signed-request.http");
            String label = "sig-" + vector;

            assertThat(baseOf(signed, label).bytes()).isEqualTo(expectedBase(vector));
            assertSignatureFieldsMatchVector(signed, vector, label);
        }

        @Test
        void responseBaseOfB24MatchesTheRfcByteForByte() {
            HttpMessage signed = HttpMessageFiles.response(VECTORS + "b24/signed-response.http");

            assertThat(baseOf(signed, "sig-b24").bytes()).isEqualTo(expectedBase("b24"));
            assertSignatureFieldsMatchVector(signed, "b24", "sig-b24");
        }

        @Test
        void tlsTerminatingProxyBaseOfB3MatchesTheRfcByteForByte() {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + "b3/signed-request.http");

            assertThat(baseOf(signed, "ttrp").bytes()).isEqualTo(expectedBase("b3"));
            assertSignatureFieldsMatchVector(signed, "b3", "ttrp");
        }

        @Test
        void transformationBaseOfB4MatchesTheRfcByteForByte() {
            HttpMessage original = HttpMessageFiles.request(VECTORS + "b4/original.http");

            assertThat(baseOf(original, "transform").bytes()).isEqualTo(expectedBase("b4"));
        }

        @Test
        void baseTextEndsWithTheSignatureParamsLineAndNoNewline() {
            String base = baseOf(HttpMessageFiles.request(VECTORS + "b21/signed-request.http"), "sig-b21").text();

            assertThat(base).isEqualTo("\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"");
        }
    }

    @Nested
    class DeterministicSignatures {

        @Test
        void hmacSignatureOfB25IsReproducedExactly() {
            byte[] base = expectedBase("b25");
            HttpMessage signed = HttpMessageFiles.request(VECTORS + "b25/signed-request.http");

            assertThat(SigningKey.hmac(Rfc9421Keys.sharedSecret()).sign(base)).isEqualTo(signatureOf(signed, "sig-b25"));
            assertThat(VerificationKey.hmac(Rfc9421Keys.sharedSecret()).verify(baseOf(signed, "sig-b25").bytes(), signatureOf(signed, "sig-b25"))).isTrue();
        }

        @Test
        void ed25519SignatureOfB26IsReproducedExactly() {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + "b26/signed-request.http");

            assertThat(Rfc9421Keys.ed25519Private().sign(expectedBase("b26"))).isEqualTo(signatureOf(signed, "sig-b26"));
            assertThat(Rfc9421Keys.ed25519Public().verify(baseOf(signed, "sig-b26").bytes(), signatureOf(signed, "sig-b26"))).isTrue();
        }

        @Test
        void ed25519SignatureOfB4IsReproducedExactly() {
            HttpMessage original = HttpMessageFiles.request(VECTORS + "b4/original.http");

            assertThat(Rfc9421Keys.ed25519Private().sign(expectedBase("b4"))).isEqualTo(signatureOf(original, "transform"));
        }
    }

    @Nested
    class RandomisedSignatures {

        @ParameterizedTest(name = "B.2.{0}")
        @ValueSource(strings = {"b21", "b22", "b23"})
        void rsaPssSignaturesOfTheRfcVerify(String vector) {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + vector + "/signed-request.http");
            String label = "sig-" + vector;

            assertThat(Rfc9421Keys.rsaPssPublic().verify(baseOf(signed, label).bytes(), signatureOf(signed, label))).isTrue();
        }

        @ParameterizedTest(name = "B.2.{0}")
        @ValueSource(strings = {"b21", "b22", "b23"})
        void rsaPssSignatureFailsOnceOneByteOfTheBaseChanges(String vector) {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + vector + "/signed-request.http");
            byte[] base = baseOf(signed, "sig-" + vector).bytes();
            base[base.length - 2] ^= 1;

            assertThat(Rfc9421Keys.rsaPssPublic().verify(base, signatureOf(signed, "sig-" + vector))).isFalse();
        }

        @Test
        void rsaPssSignAndVerifyRoundTripsWithTheRfcKey() {
            byte[] base = expectedBase("b23");
            byte[] first = Rfc9421Keys.rsaPssPrivate().sign(base);
            byte[] second = Rfc9421Keys.rsaPssPrivate().sign(base);

            assertThat(first).hasSize(256).isNotEqualTo(second);
            assertThat(Rfc9421Keys.rsaPssPublic().verify(base, first)).isTrue();
            assertThat(Rfc9421Keys.rsaPssPublic().verify(base, second)).isTrue();
        }

        @Test
        void ecdsaSignatureOfB24VerifiesAgainstTheResponseWithTheCorrectedDigest() {
            HttpMessage signed = HttpMessageFiles.response(VECTORS + "b24/signed-response.http");

            assertThat(signatureOf(signed, "sig-b24")).hasSize(64);
            assertThat(Rfc9421Keys.eccP256Public().verify(baseOf(signed, "sig-b24").bytes(), signatureOf(signed, "sig-b24"))).isTrue();
        }

        @Test
        void ecdsaSignatureOfTlsTerminatingProxyB3Verifies() {
            HttpMessage signed = HttpMessageFiles.request(VECTORS + "b3/signed-request.http");

            assertThat(Rfc9421Keys.eccP256Public().verify(baseOf(signed, "ttrp").bytes(), signatureOf(signed, "ttrp"))).isTrue();
        }

        @Test
        void ecdsaSignAndVerifyRoundTripsAsRaw64ByteRs() {
            byte[] base = expectedBase("b24");
            byte[] signature = Rfc9421Keys.eccP256Private().sign(base);

            assertThat(signature).hasSize(64);
            assertThat(Rfc9421Keys.eccP256Public().verify(base, signature)).isTrue();
            assertThat(Rfc9421Keys.eccP256Private().verificationKey()).isEqualTo(Rfc9421Keys.eccP256Public());
        }
    }

    @Nested
    class ResponseErratum {

        @Test
        void asPrintedResponseDigestDoesNotMatchItsBodyButTheCorrectedOneDoes() {
            ResponseMessage asPrinted = HttpMessageFiles.response(VECTORS + "b24/signed-response.as-printed.http");
            ResponseMessage corrected = HttpMessageFiles.response(VECTORS + "b24/signed-response.http");

            DigestCheck printed = ContentDigest.parse(asPrinted.fields().values("Content-Digest")).check(asPrinted.body());
            DigestCheck fixed = ContentDigest.parse(corrected.fields().values("Content-Digest")).check(corrected.body());

            assertThat(printed.outcome()).isEqualTo(DigestCheck.Outcome.MISMATCH);
            assertThat(printed.detail()).contains("mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==");
            assertThat(fixed.matches()).isTrue();
        }

        @Test
        void b24SignatureDoesNotVerifyOverTheAsPrintedResponse() {
            HttpMessage asPrinted = HttpMessageFiles.response(VECTORS + "b24/signed-response.as-printed.http");

            assertThat(baseOf(asPrinted, "sig-b24").bytes()).isNotEqualTo(expectedBase("b24"));
            assertThat(Rfc9421Keys.eccP256Public().verify(baseOf(asPrinted, "sig-b24").bytes(), signatureOf(asPrinted, "sig-b24"))).isFalse();
        }

        @Test
        void requestDigestOfB2MatchesItsBody() {
            HttpMessage request = HttpMessageFiles.request("rfc9421/messages/test-request.http");

            assertThat(ContentDigest.of(request.body(), DigestAlgorithm.SHA_512).serialize())
                    .isEqualTo(request.fields().values("Content-Digest").get(0).strip());
        }
    }

    @Nested
    class Transformations {

        private boolean verifies(String file) {
            HttpMessage variant = HttpMessageFiles.request(VECTORS + "b4/" + file);
            return Rfc9421Keys.ed25519Public().verify(baseOf(variant, "transform").bytes(), signatureOf(variant, "transform"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"variant-1.valid.http", "variant-2.valid.http", "variant-3.valid.http"})
        void safeTransformationsStillVerify(String file) {
            assertThat(verifies(file)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"variant-4.invalid.http", "variant-5.invalid.http"})
        void unsafeTransformationsNoLongerVerify(String file) {
            assertThat(verifies(file)).isFalse();
        }

        @Test
        void reorderingRepeatedAcceptLinesChangesTheBase() {
            HttpMessage reordered = HttpMessageFiles.request(VECTORS + "b4/variant-5.invalid.http");

            assertThat(baseOf(reordered, "transform").text()).contains("\"accept\": */*, application/json\n");
        }

        @Test
        void changedMethodAndAuthorityAreBothVisibleInTheBase() {
            String base = baseOf(HttpMessageFiles.request(VECTORS + "b4/variant-4.invalid.http"), "transform").text();

            assertThat(base).contains("\"@method\": POST\n").contains("\"@authority\": example.com\n");
        }
    }

    @Test
    void rsaV15KeyOfB11VerifiesPkcs1SignaturesButCannotSign() throws Exception {
        AsymmetricKeyParameter privateKey = rsaPrivateKeyOfB11();
        RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
        signer.init(true, privateKey);
        byte[] base = expectedBase("b26");
        signer.update(base, 0, base.length);
        byte[] signature = signer.generateSignature();

        assertThat(Rfc9421Keys.rsaV15Public().verify(base, signature)).isTrue();
        assertThat(Rfc9421Keys.rsaV15Public().verify("tampered".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        assertThatThrownBy(() -> SigningKey.of(SignatureAlgorithm.RSA_V1_5_SHA256, privateKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verification only");
    }

    private static AsymmetricKeyParameter rsaPrivateKeyOfB11() throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(TestResources.text("rfc9421/keys/test-key-rsa.priv.pem")))) {
            return PrivateKeyFactory.createKey(((PEMKeyPair) parser.readObject()).getPrivateKeyInfo());
        }
    }

    @Test
    void vectorIndexListsEveryVectorThisTestCovers() {
        String index = TestResources.text("rfc9421/vectors.json");
        for (String id : List.of("b21", "b22", "b23", "b24", "b25", "b26", "b3", "b4")) {
            assertThat(index).contains("\"id\": \"" + id + "\"");
        }
        assertThat(Base64.getDecoder().decode(TestResources.line("rfc9421/keys/test-shared-secret.b64"))).hasSize(64);
    }
}
