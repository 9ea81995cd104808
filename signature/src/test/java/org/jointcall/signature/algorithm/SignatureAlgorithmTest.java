package org.jointcall.signature.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.junit.jupiter.api.Test;

class SignatureAlgorithmTest {

    private static final byte[] DATA = "signature base".getBytes(StandardCharsets.US_ASCII);

    @Test
    void registryNamesRoundTrip() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            assertThat(SignatureAlgorithm.byIdentifier(algorithm.identifier())).contains(algorithm);
        }
        assertThat(SignatureAlgorithm.byIdentifier("rsa-sha1")).isEmpty();
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.toString()).isEqualTo("ecdsa-p256-sha256");
    }

    @Test
    void aKeyOfOneTypeCannotBeBoundToAnotherAlgorithm() {
        VerificationKey ed25519 = Rfc9421Keys.ed25519Public();
        VerificationKey ecdsa = Rfc9421Keys.eccP256Public();

        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, ed25519.parameters()))
                .hasMessageContaining("needs an EC public key, not an Ed25519 public key");
        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ED25519, ecdsa.parameters()))
                .hasMessageContaining("needs an Ed25519 public key, not an EC public key");
        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.HMAC_SHA256, Rfc9421Keys.rsaPssPublic().parameters()))
                .hasMessageContaining("needs a shared secret, not an RSA public key");
        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.RSA_PSS_SHA512, new KeyParameter(new byte[64])))
                .hasMessageContaining("need an RSA public key, not a shared secret");
    }

    @Test
    void privateAndPublicHalvesAreNotInterchangeable() {
        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ED25519, Rfc9421Keys.ed25519Private().parameters()))
                .hasMessageContaining("not an Ed25519 private key");
        assertThatThrownBy(() -> SigningKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, Rfc9421Keys.eccP256Public().parameters()))
                .hasMessageContaining("needs an EC private key");
    }

    @Test
    void ecdsaRefusesKeysOnOtherCurves() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp384r1), new SecureRandom()));
        AsymmetricCipherKeyPair p384 = generator.generateKeyPair();

        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, p384.getPublic()))
                .hasMessageContaining("curve P-256");
    }

    @Test
    void shortRsaKeysAndShortSecretsAreRefused() {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(), 1024, 80));
        AsymmetricCipherKeyPair rsa1024 = generator.generateKeyPair();

        assertThatThrownBy(() -> VerificationKey.of(SignatureAlgorithm.RSA_PSS_SHA512, rsa1024.getPublic()))
                .hasMessageContaining("1024 bits; at least 2048");
        assertThatThrownBy(() -> VerificationKey.hmac(new byte[16])).hasMessageContaining("16 bytes; at least 32");
    }

    @Test
    void ecdsaSignaturesMustBeRaw64Bytes() throws Exception {
        SigningKey key = Rfc9421Keys.eccP256Private();
        byte[] raw = key.sign(DATA);
        DSADigestSigner der = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
        der.init(true, key.parameters());
        der.update(DATA, 0, DATA.length);
        byte[] derSignature = der.generateSignature();

        assertThat(key.verificationKey().verify(DATA, raw)).isTrue();
        assertThat(key.verificationKey().verify(DATA, derSignature)).isFalse();
        assertThat(key.verificationKey().verify(DATA, new byte[63])).isFalse();
    }

    @Test
    void ecdsaSigningIsDeterministicPerRfc6979() {
        SigningKey key = Rfc9421Keys.eccP256Private();

        assertThat(key.sign(DATA)).isEqualTo(key.sign(DATA));
    }

    @Test
    void hmacComparesWholeTags() {
        SigningKey key = SigningKey.hmac(Rfc9421Keys.sharedSecret());
        byte[] tag = key.sign(DATA);
        byte[] truncated = Arrays.copyOf(tag, 16);

        assertThat(key.verificationKey().verify(DATA, tag)).isTrue();
        assertThat(key.verificationKey().verify(DATA, truncated)).isFalse();
    }

    @Test
    void derivedPublicKeysEqualTheRfcPublicKeys() {
        assertThat(Rfc9421Keys.ed25519Private().verificationKey()).isEqualTo(Rfc9421Keys.ed25519Public());
        assertThat(Rfc9421Keys.rsaPssPrivate().verificationKey()).isEqualTo(Rfc9421Keys.rsaPssPublic());
        assertThat(Rfc9421Keys.rsaPssPublic().fingerprint()).hasSize(64).isNotEqualTo(Rfc9421Keys.ed25519Public().fingerprint());
        assertThat(Rfc9421Keys.rsaPssPublic()).isNotEqualTo(VerificationKey.of(SignatureAlgorithm.RSA_V1_5_SHA256, Rfc9421Keys.rsaPssPublic().parameters()));
    }

    @Test
    void signaturesOfEveryAlgorithmFailForOtherData() {
        for (SigningKey key : new SigningKey[] {Rfc9421Keys.ed25519Private(), Rfc9421Keys.eccP256Private(), Rfc9421Keys.rsaPssPrivate(),
                SigningKey.hmac(Rfc9421Keys.sharedSecret())}) {
            byte[] signature = key.sign(DATA);
            assertThat(key.verificationKey().verify(DATA, signature)).as(key.toString()).isTrue();
            assertThat(key.verificationKey().verify("other".getBytes(StandardCharsets.US_ASCII), signature)).as(key.toString()).isFalse();
        }
    }
}
