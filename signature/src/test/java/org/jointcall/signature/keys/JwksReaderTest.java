package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.fixtures.TestResources;
import org.junit.jupiter.api.Test;

class JwksReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The RFC 9421 B.1 JWK of {@code name} without its private members. */
    static ObjectNode publicJwk(String name) {
        try {
            ObjectNode jwk = (ObjectNode) JSON.readTree(TestResources.bytes("rfc9421/keys/" + name + ".jwk.json"));
            jwk.remove(List.of("d", "p", "q", "dp", "dq", "qi"));
            return jwk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jwks(ObjectNode... keys) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("keys");
        for (ObjectNode key : keys) {
            array.add(key);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<RegisteredKey> read(ObjectNode... keys) {
        return JwksReader.read("nsf", jwks(keys), "nsf/keys.jwks");
    }

    @Test
    void rfcPublicJwksGiveTheSameKeysAsTheRfcPemFiles() {
        List<RegisteredKey> keys = read(publicJwk("test-key-ed25519"), publicJwk("test-key-ecc-p256"),
                publicJwk("test-key-rsa-pss").put("alg", "rsa-pss-sha512"));

        assertThat(keys).extracting(RegisteredKey::keyId).containsExactly("test-key-ed25519", "test-key-ecc-p256", "test-key-rsa-pss");
        assertThat(keys.get(0).key()).isEqualTo(Rfc9421Keys.ed25519Public());
        assertThat(keys.get(1).key()).isEqualTo(Rfc9421Keys.eccP256Public());
        assertThat(keys.get(2).key()).isEqualTo(Rfc9421Keys.rsaPssPublic());
        assertThat(keys).allSatisfy(key -> assertThat(key.agency()).isEqualTo("nsf"));
        assertThat(keys.get(0).source()).isEqualTo("nsf/keys.jwks keys[0]");
    }

    @Test
    void joseAlgorithmNamesMapToHttpSignatureAlgorithms() {
        List<RegisteredKey> keys = read(publicJwk("test-key-rsa").put("alg", "RS256"), publicJwk("test-key-ecc-p256").put("alg", "ES256"),
                publicJwk("test-key-ed25519").put("alg", "EdDSA"));

        assertThat(keys).extracting(key -> key.key().algorithm()).containsExactly(
                SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.ED25519);
    }

    @Test
    void nbfAndExpBecomeTheValidityWindow() {
        RegisteredKey key = read(publicJwk("test-key-ed25519").put("nbf", 1767225600L).put("exp", 1798761600L)).get(0);

        assertThat(key.validity()).isEqualTo(Validity.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void privateKeyMaterialIsRefused() {
        ObjectNode withPrivate = publicJwk("test-key-ed25519").put("d", "secret");

        assertThatThrownBy(() -> read(withPrivate)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("keys[0]").hasMessageContaining("private member \"d\"");
    }

    @Test
    void rsaKeysMustDeclareTheirAlgorithm() {
        assertThatThrownBy(() -> read(publicJwk("test-key-rsa-pss"))).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("test-key-rsa-pss").hasMessageContaining("needs \"alg\"");
    }

    @Test
    void algorithmThatDoesNotFitTheKeyTypeIsRefused() {
        assertThatThrownBy(() -> read(publicJwk("test-key-ed25519").put("alg", "ES256"))).hasMessageContaining("does not fit the key type");
        assertThatThrownBy(() -> read(publicJwk("test-key-ed25519").put("alg", "none"))).hasMessageContaining("alg \"none\"");
    }

    @Test
    void ecPointsOffTheCurveAreRefused() {
        ObjectNode jwk = publicJwk("test-key-ecc-p256");
        jwk.put("y", jwk.get("x").asText());

        assertThatThrownBy(() -> read(jwk)).isInstanceOf(KeyFileException.class).hasMessageContaining("test-key-ecc-p256");
    }

    @Test
    void duplicateKidEncryptionKeysAndOtherCurvesAreRefused() {
        assertThatThrownBy(() -> read(publicJwk("test-key-ed25519"), publicJwk("test-key-ed25519"))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> read(publicJwk("test-key-ed25519").put("use", "enc"))).hasMessageContaining("expected \"sig\"");
        assertThatThrownBy(() -> read(publicJwk("test-key-ecc-p256").put("crv", "P-384"))).hasMessageContaining("\"P-384\"");
    }

    @Test
    void somethingOtherThanAKeySetIsRefused() {
        assertThatThrownBy(() -> JwksReader.read("nsf", "[]".getBytes(StandardCharsets.UTF_8), "x.json")).hasMessageContaining("\"keys\" array");
        assertThatThrownBy(() -> JwksReader.read("nsf", "{\"keys\": [".getBytes(StandardCharsets.UTF_8), "x.json")).hasMessageContaining("not valid JSON");
    }
}
