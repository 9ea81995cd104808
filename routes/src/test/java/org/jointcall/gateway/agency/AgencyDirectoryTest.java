package org.jointcall.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jointcall.contracts.identifier.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyDirectoryTest {

    @TempDir
    Path config;

    @Test
    void readsPushAndPullAgenciesAndFindsThemInAnyCase() throws IOException {
        agency("NSF", "{\"agency\":\"NSF\",\"mode\":\"push\",\"endpoint\":\"https://nsf.example/inbound\",\"receiptRequired\":true}");
        agency("DFG", "{\"agency\":\"DFG\",\"mode\":\"pull\"}");

        AgencyDirectory directory = new AgencyDirectory(new ConfigDirectory(config));

        assertThat(directory.all()).extracting(Agency::code).containsExactly(AgencyId.DFG, AgencyId.NSF);
        Agency nsf = directory.find("nsf").orElseThrow();
        assertThat(nsf.mode()).isEqualTo(DeliveryMode.PUSH);
        assertThat(nsf.endpoint()).contains(URI.create("https://nsf.example/inbound"));
        assertThat(nsf.keyOwner()).isEqualTo("nsf");
        assertThat(directory.find("DFG").orElseThrow().endpoint()).isEmpty();
        assertThat(directory.find("DFG").orElseThrow().receiptRequired()).isTrue();
        assertThat(directory.find("ANR")).isEmpty();
    }

    @Test
    void aPushAgencyIsAskedForStatusNextToItsEndpointUnlessAStatusEndpointIsConfigured() throws IOException {
        agency("NSF", "{\"agency\":\"NSF\",\"mode\":\"push\",\"endpoint\":\"https://nsf.example:8443/jointcall/inbound?x=1\"}");
        agency("UKRI", "{\"agency\":\"UKRI\",\"mode\":\"push\",\"endpoint\":\"https://ukri.example/in/\","
                + "\"statusEndpoint\":\"https://status.ukri.example/jointcall\"}");
        agency("DFG", "{\"agency\":\"DFG\",\"mode\":\"pull\"}");

        AgencyDirectory directory = new AgencyDirectory(new ConfigDirectory(config));

        assertThat(directory.find("NSF").orElseThrow().statusEndpoint()).contains(URI.create("https://nsf.example:8443/jointcall/inbound/status"));
        assertThat(directory.find("UKRI").orElseThrow().statusEndpoint()).contains(URI.create("https://status.ukri.example/jointcall"));
        assertThat(directory.find("DFG").orElseThrow().statusEndpoint()).isEmpty();
    }

    @Test
    void aPullAgencyWithAStatusEndpointIsRefused() throws IOException {
        agency("DFG", "{\"agency\":\"DFG\",\"mode\":\"pull\",\"statusEndpoint\":\"https://dfg.example/status\"}");

        assertThatThrownBy(() -> new AgencyDirectory(new ConfigDirectory(config)))
                .hasMessageContaining("pull mode and must not have a \"statusEndpoint\"");
    }

    @Test
    void aMissingConfigDirectoryIsCreatedEmpty() {
        ConfigDirectory created = new ConfigDirectory(config.resolve("fresh"));

        assertThat(created.agencies()).isDirectory();
        assertThat(new AgencyDirectory(created).all()).isEmpty();
    }

    @Test
    void aPushAgencyWithoutEndpointIsRefusedNamingTheFile() throws IOException {
        agency("NSF", "{\"agency\":\"NSF\",\"mode\":\"push\"}");

        assertThatThrownBy(() -> new AgencyDirectory(new ConfigDirectory(config)))
                .hasMessageContaining("NSF" + java.io.File.separator + "agency.json")
                .hasMessageContaining("\"endpoint\" must be an absolute http(s) URI");
    }

    @Test
    void anAgencyFileInAnotherAgencysDirectoryIsRefused() throws IOException {
        agency("UKRI", "{\"agency\":\"NSF\",\"mode\":\"pull\"}");

        assertThatThrownBy(() -> new AgencyDirectory(new ConfigDirectory(config)))
                .hasMessageContaining("\"agency\" is NSF but the file is in the directory of UKRI");
    }

    @Test
    void aMisspelledMemberIsRefusedRatherThanIgnored() throws IOException {
        agency("NWO", "{\"agency\":\"NWO\",\"mode\":\"pull\",\"endpiont\":\"https://x\"}");

        assertThatThrownBy(() -> new AgencyDirectory(new ConfigDirectory(config)))
                .hasMessageContaining("unknown member \"endpiont\"");
    }

    @Test
    void anAgencyDirectoryWithoutAgencyJsonStopsTheStart() throws IOException {
        Files.createDirectories(config.resolve("agencies/NSF/keys"));

        assertThatThrownBy(() -> new AgencyDirectory(new ConfigDirectory(config))).hasMessageContaining("has no agency.json");
    }

    private void agency(String code, String json) throws IOException {
        Path directory = Files.createDirectories(config.resolve("agencies").resolve(code));
        Files.writeString(directory.resolve("agency.json"), json);
    }
}
