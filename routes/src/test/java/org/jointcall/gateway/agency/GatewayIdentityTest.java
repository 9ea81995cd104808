package org.jointcall.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
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
    void aConfiguredKeystoreWithoutPasswordNamesTheEnvironmentVariableToSet() {
        GeneratedKeystore keystore = GeneratedKeystore.in(data, "gateway");

        assertThatThrownBy(() -> GatewayIdentity.load(Optional.of(keystore.keystore()), Optional.empty(), Optional.empty(), "gw", data))
                .hasMessageContaining("GATEWAY_SIGNING_PASSWORD");
    }
}
