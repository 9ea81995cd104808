package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.fixtures.TestResources;
import org.junit.jupiter.api.Test;

class PemKeyFileTest {

    private static final Instant JAN_2026 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JAN_2027 = Instant.parse("2027-01-01T00:00:00Z");

    private static RegisteredKey read(String fileName, String text) {
        return PemKeyFile.read("ukri", fileName, text, "ukri/" + fileName);
    }

    @Test
    void headersBeforeThePemBlockGiveKeyIdAlgorithmAndWindow() {
        String text = "# rotated in January\nKey-Id: ukri-2026-a\nAlgorithm: rsa-pss-sha512\nNot-Before: 2026-01-01T00:00:00Z\n"
                + "Not-After: 2027-01-01T00:00:00Z\n" + TestResources.text("rfc9421/keys/test-key-rsa-pss.pub.pem");

        RegisteredKey key = read("whatever.pem", text);

        assertThat(key.keyId()).isEqualTo("ukri-2026-a");
        assertThat(key.key()).isEqualTo(Rfc9421Keys.rsaPssPublic());
        assertThat(key.validity()).isEqualTo(Validity.between(JAN_2026, JAN_2027));
        assertThat(key.source()).isEqualTo("ukri/whatever.pem");
    }

    @Test
    void withoutHeadersTheFileNameIsTheKeyIdAndTheKeyImpliesTheAlgorithm() {
        RegisteredKey key = read("ukri-ed.pem", TestResources.text("rfc9421/keys/test-key-ed25519.pub.pem"));

        assertThat(key.keyId()).isEqualTo("ukri-ed");
        assertThat(key.key().algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(key.validity()).isEqualTo(Validity.unbounded());
    }

    @Test
    void pkcs1RsaPublicKeysNeedTheAlgorithmHeader() {
        String pkcs1 = TestResources.text("rfc9421/keys/test-key-rsa.pub.pem");

        assertThatThrownBy(() -> read("rsa.pem", pkcs1)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("ukri/rsa.pem").hasMessageContaining("declare which");
        assertThat(read("rsa.pem", "Algorithm: rsa-v1_5-sha256\n" + pkcs1).key()).isEqualTo(Rfc9421Keys.rsaV15Public());
    }

    @Test
    void certificateValidityAppliesAndHeadersCanOnlyNarrowIt() {
        SigningKey key = GeneratedKeys.ecdsaP256();
        String certificate = GeneratedKeys.pem(GeneratedKeys.certificate(key, "UKRI signing", JAN_2026, JAN_2027));

        assertThat(read("ukri-cert.crt", certificate).validity()).isEqualTo(Validity.between(JAN_2026, JAN_2027));
        assertThat(read("ukri-cert.crt", certificate).key()).isEqualTo(key.verificationKey());
        Instant june = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(read("ukri-cert.crt", "Not-After: 2026-06-01T00:00:00Z\nNot-Before: 2025-01-01T00:00:00Z\n" + certificate).validity())
                .isEqualTo(Validity.between(JAN_2026, june));
    }

    @Test
    void misspeltHeadersAndBadInstantsAreErrorsNotIgnored() {
        String pem = TestResources.text("rfc9421/keys/test-key-ed25519.pub.pem");

        assertThatThrownBy(() -> read("k.pem", "Not-Afer: 2027-01-01T00:00:00Z\n" + pem)).hasMessageContaining("unexpected line 'Not-Afer");
        assertThatThrownBy(() -> read("k.pem", "Not-After: 31.1.2027\n" + pem)).hasMessageContaining("Not-After '31.1.2027'");
        assertThatThrownBy(() -> read("k.pem", "Algorithm: ecdsa-p256-sha256\n" + pem)).hasMessageContaining("declared as ecdsa-p256-sha256");
        assertThatThrownBy(() -> read("k.pem", "Key-Id: a\nKey-Id: b\n" + pem)).hasMessageContaining("appears twice");
    }

    @Test
    void privateKeysAndSeveralObjectsAreRefused() {
        String privatePem = TestResources.text("rfc9421/keys/test-key-ed25519.priv.pem");
        String publicPem = TestResources.text("rfc9421/keys/test-key-ed25519.pub.pem");

        assertThatThrownBy(() -> read("k.pem", privatePem)).hasMessageContaining("expected a PUBLIC KEY");
        assertThatThrownBy(() -> read("k.pem", publicPem + publicPem)).hasMessageContaining("one key or certificate per file");
        assertThatThrownBy(() -> read("k.pem", "nothing here")).hasMessageContaining("no -----BEGIN");
    }
}
