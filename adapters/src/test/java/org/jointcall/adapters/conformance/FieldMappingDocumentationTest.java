package org.jointcall.adapters.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jointcall.adapters.mapping.FieldMappingTable;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The field-mapping table next to each agency's schema is the one the adapter's bindings produce. After a
 * deliberate mapping change, regenerate the tables with
 * {@code mvn -pl adapters -am verify -Dtest=FieldMappingDocumentationTest -Dadapters.writeFieldMappings=true}.
 */
class FieldMappingDocumentationTest {

    static Stream<AgencyAdapter> adapters() {
        return Samples.adapters().stream();
    }

    static Path documentation(AgencyAdapter adapter) {
        String agency = adapter.agency().toLowerCase();
        String folder = adapter.getClass() == MappingAdapter.class ? "mapped/" + agency : agency;
        return Path.of("src/main/resources/org/jointcall/adapters", folder, "field-mapping.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void checkedInFieldMappingTableMatchesTheBindings(AgencyAdapter adapter) throws IOException {
        String generated = FieldMappingTable.markdown(((MappingAdapter) adapter).mapping());
        Path file = documentation(adapter);
        if (Boolean.getBoolean("adapters.writeFieldMappings")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }

        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(generated);
    }
}
