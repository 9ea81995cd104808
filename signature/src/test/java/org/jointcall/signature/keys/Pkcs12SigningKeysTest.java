package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.bouncycastle.cert.X509CertificateHolder;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12SigningKeysTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path directory;

    /** Generated per run: no keystore password exists anywhere in the repository. */
    private final char[] password = Long.toHexString(Double.doubleToLongBits(Math.random())).toCharArray();

    private Path keystore(SigningKey key, X509CertificateHolder certificate) {
        return GeneratedKeys.pkcs12(directory.resolve("gateway.p12"), password, "gateway", key, certificate);
    }

    @Test
    void loadsTheGatewayKeyWithItsCertificateValidity() {
        SigningKey key = GeneratedKeys.ecdsaP256();
        Path file = keystore(key, GeneratedKeys.certificate(key, "jointcall gateway", FROM, UNTIL));

        SigningIdentity identity = Pkcs12SigningKeys.load(file, password, "gateway", "jointcall-2026");

        assertThat(identity.keyId()).isEqualTo("jointcall-2026");
        assertThat(identity.key().algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(identity.validity()).isEqualTo(Validity.between(FROM, UNTIL));
        assertThat(identity.source()).contains("gateway.p12#gateway").contains("CN=jointcall gateway");
        byte[] data = "receipt".getBytes(StandardCharsets.US_ASCII);
        assertThat(key.verificationKey().verify(data, identity.key().sign(data))).isTrue();
    }

    @Test
    void ed25519KeysLoadAndTheOnlyEntryIsFoundWithoutAlias() {
        SigningKey key = GeneratedKeys.ed25519();
        Path file = keystore(key, GeneratedKeys.certificate(key, "gateway", FROM, UNTIL));

        SigningIdentity identity = Pkcs12SigningKeys.load(file, password, null, "jc-ed");

        assertThat(identity.key().verificationKey()).isEqualTo(key.verificationKey());
    }

    @Test
    void aWrongPasswordSaysSo() {
        SigningKey key = GeneratedKeys.ecdsaP256();
        Path file = keystore(key, GeneratedKeys.certificate(key, "gateway", FROM, UNTIL));

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(file, "not-it".toCharArray(), "gateway", "k"))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("wrong password");
    }

    @Test
    void anUnknownAliasListsTheEntriesThatExist() {
        SigningKey key = GeneratedKeys.ecdsaP256();
        Path file = keystore(key, GeneratedKeys.certificate(key, "gateway", FROM, UNTIL));

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(file, password, "other", "k"))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("[gateway]");
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() {
        SigningKey key = GeneratedKeys.ecdsaP256();
        SigningKey stranger = GeneratedKeys.ecdsaP256();
        Path file = keystore(key, GeneratedKeys.certificate(stranger, "stranger", FROM, UNTIL));

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(file, password, "gateway", "k"))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("different public key");
    }
}
