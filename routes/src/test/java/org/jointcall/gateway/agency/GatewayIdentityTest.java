package org.jointcall.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;

import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.keys.KeyFileException;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayIdentityTest {

    @TempDir
    Path data;

    @Test
    void withoutAConfiguredKeystoreAnEcdsaKeyIsGeneratedOnceAndReusedAtTheNextStart() throws Exception {
        SigningIdentity first = GatewayIdentity.load(Optional.empty(), Optional.empty(), Optional.empty(), "gw-1", data);
        SigningIdentity second = GatewayIdentity.load(Optional.empty(), Optional.empty(), Optional.empty(), "gw-1", data);

        assertThat(first.key().algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(first.keyId()).isEqualTo("gw-1");
        assertThat(second.key().verificationKey()).isEqualTo(first.key().verificationKey());
        assertThat(first.validity().notAfter()).isPresent();
        assertThat(Files.readString(data.resolve("gateway.p12.password")).trim()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(data.resolve("gateway.p12.password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aConfiguredKeystoreIsOpenedWithTheConfiguredPasswordAndAlias() {
        GeneratedKeystore keystore = GeneratedKeystore.in(data.resolve("elsewhere"), "signing");

        SigningIdentity identity = GatewayIdentity.load(Optional.of(keystore.keystore()), Optional.of(new String(keystore.password())),
                Optional.of("signing"), "gw-prod", data);

        assertThat(identity.keyId()).isEqualTo("gw-prod");
        assertThat(identity.source()).contains("elsewhere");
        assertThat(data.resolve("gateway.p12")).doesNotExist();
    }

    @Test
    void theSigningKeyIsPublishedFirstThenTheKeysOfTheConfiguredFile() throws Exception {
        SigningIdentity signing = GatewayIdentity.load(Optional.empty(), Optional.empty(), Optional.empty(), "gw-2026", data);
        SigningIdentity next = TestAgencies.newKey("gw-2027");
        Path file = data.resolve("published.jwks");
        Files.writeString(file, TestAgencies.jwks(next));

        assertThat(GatewayIdentity.published(signing, Optional.empty())).extracting(RegisteredKey::keyId).containsExactly("gw-2026");
        List<RegisteredKey> published = GatewayIdentity.published(signing, Optional.of(file));
        assertThat(published).extracting(RegisteredKey::keyId).containsExactly("gw-2026", "gw-2027");
        assertThat(published.get(0).key()).isEqualTo(signing.key().verificationKey());
        assertThat(published.get(1).key()).isEqualTo(next.key().verificationKey());
    }

    @Test
    void theSigningKeyListedInTheFileTooIsPublishedOnceButAnotherKeyUnderItsIdIsRefused() throws Exception {
        SigningIdentity signing = GatewayIdentity.load(Optional.empty(), Optional.empty(), Optional.empty(), "gw-2026", data);
        Path same = data.resolve("same.jwks");
        Files.writeString(same, TestAgencies.jwks(signing));
        Path impostor = data.resolve("impostor.jwks");
        Files.writeString(impostor, TestAgencies.jwks(SigningIdentity.of("gw-2026", TestAgencies.newKey("x").key())));

        assertThat(GatewayIdentity.published(signing, Optional.of(same))).extracting(RegisteredKey::keyId).containsExactly("gw-2026");
        assertThatThrownBy(() -> GatewayIdentity.published(signing, Optional.of(impostor))).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("another key under gw-2026");
        assertThatThrownBy(() -> GatewayIdentity.published(signing, Optional.of(data.resolve("missing.jwks"))))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aConfiguredKeystoreWithoutPasswordNamesTheEnvironmentVariableToSet() {
        GeneratedKeystore keystore = GeneratedKeystore.in(data, "gateway");

        assertThatThrownBy(() -> GatewayIdentity.load(Optional.of(keystore.keystore()), Optional.empty(), Optional.empty(), "gw", data))
                .hasMessageContaining("GATEWAY_SIGNING_PASSWORD");
    }
}
