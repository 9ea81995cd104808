package org.jointcall.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerKeysTest {

    @TempDir
    Path root;

    @Test
    void eachAgencysKeysFolderBecomesItsKeysInTheRegistryUnderItsLowerCaseCode() {
        TestAgencies agencies = TestAgencies.writeTo(root);

        FileKeyRegistry registry = open(agencies);

        RegisteredKey nsf = registry.find(agencies.key("NSF").keyId()).orElseThrow();
        assertThat(nsf.agency()).isEqualTo("nsf");
        assertThat(nsf.key()).isEqualTo(agencies.key("NSF").key().verificationKey());
        assertThat(registry.find(agencies.key("UKRI").keyId()).orElseThrow().agency()).isEqualTo("ukri");
        assertThat(registry.find(agencies.expiredKey("NSF").keyId()).orElseThrow().validAt(java.time.Instant.now())).isFalse();
        assertThat(registry.keys()).hasSize(TestAgencies.CODES.size() + 1);
    }

    @Test
    void aKeyAddedToTheConfiguredFolderIsPickedUpByHotReload() throws IOException {
        TestAgencies agencies = TestAgencies.writeTo(root);
        FileKeyRegistry registry = open(agencies);
        Path dfgKeys = agencies.configDirectory().resolve("agencies/DFG/keys");

        Files.copy(agencies.configDirectory().resolve("agencies/NWO/keys/nwo.jwks"), dfgKeys.resolve("rotated.jwks"));
        Files.delete(agencies.configDirectory().resolve("agencies/NWO/keys/nwo.jwks"));

        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.find(agencies.key("NWO").keyId()).orElseThrow().agency()).isEqualTo("dfg");
    }

    private static FileKeyRegistry open(TestAgencies agencies) {
        ConfigDirectory config = new ConfigDirectory(agencies.configDirectory());
        return PartnerKeys.open(config, new AgencyDirectory(config), Duration.ZERO, Clock.systemUTC());
    }
}
