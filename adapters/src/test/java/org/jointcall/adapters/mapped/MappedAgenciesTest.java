package org.jointcall.adapters.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.ReviewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedAgenciesTest {

    private static final String MAPPINGS = "/org/jointcall/adapters/mapped/";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MappedAgenciesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void configuredAgenciesAreBuiltFromMappingFilesAloneWithNoAgencySpecificClass() {
        List<AgencyAdapter> adapters = MappedAgencies.onClassPath(getClass().getClassLoader());

        assertThat(adapters).extracting(AgencyAdapter::agency).containsExactly("NSERC", "RCF");
        assertThat(adapters).allSatisfy(adapter -> {
            assertThat(adapter.getClass()).isEqualTo(MappingAdapter.class);
            assertThat(adapter.messageKinds()).containsExactlyInAnyOrder(MessageKind.values());
        });
    }

    @Test
    void rcfScoreOnTheOneToSixScaleIsKeptVerbatim() throws IOException {
        AgencyAdapter rcf = MappingFile.adapter(getClass().getResource(MAPPINGS + "rcf/rcf.mapping.json"));

        ReviewResult review = rcf.toCanonical(resource("/org/jointcall/adapters/rcf/samples/review.json")).message().getReviewResult();

        assertThat(review.getNativeScale()).isEqualTo("RCF_1_6");
        assertThat(review.getNativeScore()).isEqualTo("5");
    }

    @Test
    void anAgencyJoinsFromAConfigurationDirectoryOutsideTheClassPath(@TempDir Path configuration) throws Exception {
        Files.write(configuration.resolve("nserc.mapping.json"), resource(MAPPINGS + "nserc/nserc.mapping.json"));
        Files.write(configuration.resolve("nserc-jointcall.schema.json"), resource(MAPPINGS + "nserc/nserc-jointcall.schema.json"));

        AgencyAdapter nserc = MappingFile.adapter(configuration.resolve("nserc.mapping.json").toUri().toURL());

        assertThat(nserc.toCanonical(resource("/org/jointcall/adapters/nserc/samples/proposal.json")).message()
                .getProposalPart().getLocalProposalId()).isEqualTo("RGPIN-2026-01234");
    }

    @Test
    void aMappingNamingAnUndefinedTableFailsAtLoadNamingTheField(@TempDir Path configuration) throws Exception {
        String mapping = new String(resource(MAPPINGS + "nserc/nserc.mapping.json"), StandardCharsets.UTF_8)
                .replace("\"table\": \"personRole\"", "\"table\": \"memberRole\"");
        Files.writeString(configuration.resolve("broken.mapping.json"), mapping);
        Files.write(configuration.resolve("nserc-jointcall.schema.json"), resource(MAPPINGS + "nserc/nserc-jointcall.schema.json"));

        assertThatThrownBy(() -> MappingFile.adapter(configuration.resolve("broken.mapping.json").toUri().toURL()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NSERC")
                .hasMessageContaining("messages.PROPOSAL_PART.fields[0].object.fields[5].group.fields[3]")
                .hasMessageContaining("table 'memberRole' is not defined");
    }

    @Test
    void aMappingWithAWildcardPathIsRefusedBecauseItCouldNotBeWritten(@TempDir Path configuration) throws Exception {
        String mapping = new String(resource(MAPPINGS + "nserc/nserc.mapping.json"), StandardCharsets.UTF_8)
                .replace("\"native\": \"$.title\"", "\"native\": \"$..title\"");
        Files.writeString(configuration.resolve("wild.mapping.json"), mapping);
        Files.write(configuration.resolve("nserc-jointcall.schema.json"), resource(MAPPINGS + "nserc/nserc-jointcall.schema.json"));

        assertThatThrownBy(() -> MappingFile.adapter(configuration.resolve("wild.mapping.json").toUri().toURL()))
                .hasMessageContaining("$..title")
                .hasMessageContaining("not definite");
    }
}
