package org.jointcall.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agencies and their keys changed through the admin API's service: checked like the files, written as files, in service at once. */
class AgencyAdministrationTest {

    private static final String ANR = "{\"agency\":\"ANR\",\"mode\":\"push\",\"endpoint\":\"https://anr.example/jointcall\"}";

    @TempDir
    Path root;
    private TestAgencies testAgencies;
    private ConfigDirectory config;
    private AgencyDirectory agencies;
    private PartnerKeys keys;
    private AgencyAdministration administration;

    @BeforeEach
    void fiveConfiguredAgencies() {
        testAgencies = TestAgencies.writeTo(root);
        config = new ConfigDirectory(testAgencies.configDirectory());
        agencies = new AgencyDirectory(config);
        keys = new PartnerKeys();
        keys.config = config;
        keys.agencies = agencies;
        keys.recheckSeconds = 3600;
        administration = new AgencyAdministration(config, agencies, keys);
    }

    @Test
    void aNewAgencyIsWrittenAsItsFileAndServedAtOnceWithItsKeysFolder() throws IOException {
        AgencyAdministration.Change<AgencyAdministration.Configured> change = administration.put("ANR", bytes(ANR));

        assertThat(change.created()).isTrue();
        assertThat(Files.readString(config.agencies().resolve("ANR/agency.json"))).isEqualTo(ANR);
        assertThat(config.agencies().resolve("ANR/keys")).isDirectory();
        assertThat(agencies.find("anr").orElseThrow().statusEndpoint()).hasValueSatisfying(
                status -> assertThat(status).hasToString("https://anr.example/jointcall/status"));
        assertThat(administration.find("ANR").orElseThrow().keyFiles()).isEmpty();
        assertThat(administration.put("ANR", bytes(ANR.replace("push\",\"endpoint\":\"https://anr.example/jointcall\"", "pull\"")))
                .created()).as("a second PUT replaces").isFalse();
        assertThat(agencies.find("ANR").orElseThrow().mode()).isEqualTo(DeliveryMode.PULL);
    }

    @Test
    void aBadDocumentIsRefusedWithEveryProblemAndNothingIsWritten() {
        String bad = "{\"agency\":\"NSF\",\"mode\":\"sideways\",\"endpiont\":\"https://x\",\"receiptRequired\":\"yes\"}";

        assertThatThrownBy(() -> administration.put("ANR", bytes(bad))).isInstanceOfSatisfying(ConfigurationRejected.class,
                rejected -> assertThat(rejected.problems()).hasSize(4)
                        .anySatisfy(problem -> assertThat(problem).startsWith("unknown member \"endpiont\""))
                        .contains("\"agency\" is NSF but the file is in the directory of ANR",
                                "\"mode\" is \"sideways\", expected \"push\" or \"pull\"",
                                "\"receiptRequired\" must be true or false, not \"yes\""));
        assertThatThrownBy(() -> administration.put("../NSF", bytes(ANR))).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("not an agency code");
        assertThatThrownBy(() -> administration.put("anr", bytes(ANR))).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("agency codes are written in capitals: ANR");
        assertThat(config.agencies().resolve("ANR")).doesNotExist();
        assertThat(agencies.find("ANR")).isEmpty();
    }

    @Test
    void aKeyFileIsCheckedBeforeItIsWrittenAndThenInService() throws IOException {
        KeyRegistry registry = keys.registry();
        administration.put("ANR", bytes(ANR));
        byte[] jwks = Files.readAllBytes(config.agencies().resolve("NWO/keys/nwo.jwks"));
        byte[] nwosKeyRenamed = Files.readString(config.agencies().resolve("NWO/keys/nwo.jwks"))
                .replace(testAgencies.key("NWO").keyId(), "anr-2027").getBytes(StandardCharsets.UTF_8);
        byte[] fresh = bytes(TestAgencies.jwks(TestAgencies.newKey("anr-2027")));

        assertThatThrownBy(() -> administration.putKey("ANR", "anr.jwks", jwks)).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("key id " + testAgencies.key("NWO").keyId() + " is already registered by nwo/nwo.jwks");
        assertThatThrownBy(() -> administration.putKey("ANR", "anr.jwks", nwosKeyRenamed)).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("key anr-2027 is the public key " + testAgencies.key("NWO").keyId() + " of another agency");
        assertThatThrownBy(() -> administration.putKey("ANR", "anr.jwks", bytes("{\"keys\":[{\"kty\":\"EC\"}]}")))
                .isInstanceOf(ConfigurationRejected.class).hasMessageContaining("ANR/keys/anr.jwks");
        assertThatThrownBy(() -> administration.putKey("ANR", "../../NSF/keys/x.jwks", fresh)).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("a key file name is letters");
        assertThat(config.agencies().resolve("ANR/keys")).isEmptyDirectory();

        List<RegisteredKey> registered = administration.putKey("ANR", "anr.jwks", fresh).orElseThrow().result();

        assertThat(registered).extracting(RegisteredKey::keyId).containsExactly("anr-2027");
        assertThat(registry.find("anr-2027").orElseThrow().agency()).isEqualTo("anr");
        assertThat(administration.find("ANR").orElseThrow().keyFiles()).containsExactly("anr.jwks");
        assertThat(administration.putKey("ANR", "anr.jwks", fresh).orElseThrow().created()).as("the same file again replaces").isFalse();
        assertThat(administration.putKey("XYZ", "xyz.jwks", fresh)).as("no such agency").isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
