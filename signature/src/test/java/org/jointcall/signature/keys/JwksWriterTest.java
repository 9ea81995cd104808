package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.junit.jupiter.api.Test;

/** The public JWKS the gateway publishes: RFC 9421's own JWKs for its test keys, and what the reader takes back. */
class JwksWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validity YEAR = Validity.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void theRfcTestKeysComeOutAsTheRfcPublishesTheirPublicHalves() throws Exception {
        JsonNode written = JSON.readTree(JwksWriter.write(List.of(
                SigningIdentity.of("test-key-ed25519", Rfc9421Keys.ed25519Private()),
                SigningIdentity.of("test-key-ecc-p256", Rfc9421Keys.eccP256Private()),
                SigningIdentity.of("test-key-rsa-pss", Rfc9421Keys.rsaPssPrivate())))).path("keys");

        assertThat(written).hasSize(3);
        assertPublicMembers(written.get(0), "test-key-ed25519", "EdDSA", "kty", "crv", "x");
        assertPublicMembers(written.get(1), "test-key-ecc-p256", "ES256", "kty", "crv", "x", "y");
        assertPublicMembers(written.get(2), "test-key-rsa-pss", "PS512", "kty", "n", "e");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameKeysWithTheirValidity() {
        List<SigningIdentity> identities = List.of(
                SigningIdentity.of("gw-ed", Rfc9421Keys.ed25519Private(), YEAR, "test"),
                SigningIdentity.of("gw-ec", Rfc9421Keys.eccP256Private(), YEAR, "test"),
                SigningIdentity.of("gw-rsa", Rfc9421Keys.rsaPssPrivate()));
        byte[] jwks = JwksWriter.write(identities).getBytes(StandardCharsets.UTF_8);

        List<RegisteredKey> read = FileKeyRegistry.readKeyFile("gateway", "gateway.jwks", jwks, "published");

        assertThat(read).hasSize(3);
        for (int i = 0; i < identities.size(); i++) {
            SigningKey signing = identities.get(i).key();
            assertThat(read.get(i).keyId()).isEqualTo(identities.get(i).keyId());
            assertThat(read.get(i).key()).isEqualTo(signing.verificationKey());
            assertThat(read.get(i).validity()).isEqualTo(identities.get(i).validity());
            byte[] data = "signature base".getBytes(StandardCharsets.US_ASCII);
            assertThat(read.get(i).key().verify(data, signing.sign(data))).as("verifies what the private half signs").isTrue();
        }
    }

    @Test
    void registeredKeysAreWrittenAsTheyWereReadSoTheyCanBeHandedOn() {
        byte[] published = JwksWriter.write(List.of(SigningIdentity.of("nsf-ec", Rfc9421Keys.eccP256Private(), YEAR, "test"),
                SigningIdentity.of("nsf-ed", Rfc9421Keys.ed25519Private()))).getBytes(StandardCharsets.UTF_8);
        List<RegisteredKey> registered = FileKeyRegistry.readKeyFile("nsf", "nsf.jwks", published, "registered");

        String handedOn = JwksWriter.writeRegistered(registered);

        assertThat(handedOn).isEqualTo(new String(published, StandardCharsets.UTF_8));
        assertThat(FileKeyRegistry.readKeyFile("nsf", "nsf.jwks", handedOn.getBytes(StandardCharsets.UTF_8), "handed on"))
                .containsExactlyElementsOf(registered);
    }

    @Test
    void aSharedSecretHasNoPublicHalfToWrite() {
        assertThatThrownBy(() -> JwksWriter.write(List.of(SigningIdentity.of("hmac", SigningKey.hmac(Rfc9421Keys.sharedSecret())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no public key");
    }

    private static void assertPublicMembers(JsonNode written, String rfcName, String alg, String... members) {
        JsonNode rfc = JwksReaderTest.publicJwk(rfcName);
        for (String member : members) {
            assertThat(written.path(member).asText()).as(rfcName + " " + member).isEqualTo(rfc.path(member).asText());
        }
        assertThat(written.path("kid").asText()).isEqualTo(rfcName);
        assertThat(written.path("alg").asText()).isEqualTo(alg);
        assertThat(written.path("use").asText()).isEqualTo("sig");
        assertThat(written.has("d")).as("no private member").isFalse();
        assertThat(written.has("nbf") || written.has("exp")).as("an unbounded key has no validity members").isFalse();
    }
}
