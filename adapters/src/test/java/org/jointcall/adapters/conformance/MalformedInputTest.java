package org.jointcall.adapters.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every agency's malformed-input corpus ({@code <agency>/malformed/}) is rejected, each file with the field,
 * position and words listed for it in {@code expected.tsv}: malformed JSON/XML, schema-invalid, unknown
 * codes, bad dates, wrong encoding, XXE, DTDs, invalid ORCID check digits and bad local ids.
 */
class MalformedInputTest {

    record Case(AgencyAdapter adapter, Path file, String field, SourcePosition position, String words) {
        @Override
        public String toString() {
            return adapter.agency() + " " + file.getFileName();
        }
    }

    static Path corpus(AgencyAdapter adapter) {
        try {
            return Path.of(MalformedInputTest.class.getResource(Samples.directory(adapter).replace("samples/", "malformed/")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (AgencyAdapter adapter : Samples.adapters()) {
            Path corpus = corpus(adapter);
            for (String line : Files.readAllLines(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t");
                SourcePosition position = columns[2].matches("\\d+:\\d+")
                        ? SourcePosition.lineColumn(Integer.parseInt(columns[2].split(":")[0]), Integer.parseInt(columns[2].split(":")[1]))
                        : SourcePosition.jsonPointer(columns[2]);
                cases.add(new Case(adapter, corpus.resolve(columns[0]), columns[1], position, columns[3]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputIsRejectedNamingTheFieldAndPosition(Case c) throws IOException {
        byte[] bytes = Files.readAllBytes(c.file());

        TranslationException rejected = catchThrowableOfType(TranslationException.class, () -> c.adapter().toCanonical(bytes));

        assertThat(rejected).as("%s must be rejected", c).isNotNull();
        assertThat(rejected.agency()).isEqualTo(c.adapter().agency());
        assertThat(rejected.field()).isEqualTo(c.field());
        assertThat(rejected.position()).isEqualTo(c.position());
        assertThat(rejected.problem()).contains(c.words());
    }

    /** Adapters reuse their parsers and validators: a refused message must leave nothing behind for the next one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jointcall.adapters.conformance.Samples#adapters")
    void eachRefusalLeavesTheAdapterReadingAValidMessageAsBefore(AgencyAdapter adapter) throws IOException {
        byte[] valid = new Sample(adapter, MessageKind.PROPOSAL_PART,
                Samples.directory(adapter) + Samples.FILES.get(MessageKind.PROPOSAL_PART) + Samples.extension(adapter)).bytes();
        byte[] expected = adapter.toCanonical(valid).canonicalXml();
        List<Path> corpus;
        try (Stream<Path> files = Files.list(corpus(adapter))) {
            corpus = files.filter(f -> !f.getFileName().toString().equals("expected.tsv")).sorted().toList();
        }
        for (Path file : corpus) {
            byte[] bad = Files.readAllBytes(file);
            TranslationException first = catchThrowableOfType(TranslationException.class, () -> adapter.toCanonical(bad));

            assertThat(adapter.toCanonical(valid).canonicalXml()).as("valid message after %s", file.getFileName()).isEqualTo(expected);
            TranslationException again = catchThrowableOfType(TranslationException.class, () -> adapter.toCanonical(bad));
            assertThat(again.getMessage()).as("%s refused again", file.getFileName()).isEqualTo(first.getMessage());
        }
    }

    @Test
    void everyCorpusFileHasAnExpectation() throws IOException {
        for (AgencyAdapter adapter : Samples.adapters()) {
            Path corpus = corpus(adapter);
            String expected = Files.readString(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(corpus)) {
                List<String> unlisted = files.map(f -> f.getFileName().toString())
                        .filter(name -> !name.equals("expected.tsv") && !expected.contains(name + "\t"))
                        .collect(Collectors.toList());
                assertThat(unlisted).as("%s corpus files without expectation", adapter.agency()).isEmpty();
            }
        }
    }

    @Test
    void everyAgencyCorpusCoversEncodingDatesIdentifiersAndSchema() throws IOException {
        for (AgencyAdapter adapter : Samples.adapters()) {
            String expected = Files.readString(corpus(adapter).resolve("expected.tsv"), StandardCharsets.UTF_8);
            assertThat(expected).as(adapter.agency()).contains("malformed-", "schema-invalid", "unknown-code", "bad-date",
                    "wrong-encoding", "invalid-orcid", "bad-local-id");
            if (Samples.extension(adapter).equals(".xml")) {
                assertThat(expected).as(adapter.agency()).contains("xxe", "external-dtd", "billion-laughs");
            }
        }
    }
}
