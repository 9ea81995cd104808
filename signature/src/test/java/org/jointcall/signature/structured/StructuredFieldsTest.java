package org.jointcall.signature.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StructuredFieldsTest {

    @Test
    void dictionaryLinesAreCombinedBeforeParsing() {
        assertThat(StructuredFields.parseDictionary("Signature-Input", List.of("a=1", "  b=(\"x\");y=2  ")).serialize())
                .isEqualTo("a=1, b=(\"x\");y=2");
    }

    @Test
    void strictSerialisationNormalisesWhitespaceAndDecimals() {
        assertThat(StructuredFields.parse("Example-Dict", StructuredFieldType.DICTIONARY,
                List.of(" a=1,    b=2;x=1;y=2,   c=(a   b   c), d=1.50")).serialize())
                .isEqualTo("a=1, b=2;x=1;y=2, c=(a b c), d=1.5");
    }

    @Test
    void errorsNameTheFieldAndThePosition() {
        assertThatThrownBy(() -> StructuredFields.parseDictionary("Content-Digest", List.of("sha-256=:abc@:")))
                .isInstanceOf(MalformedFieldException.class)
                .hasMessageStartingWith("Content-Digest: not a valid RFC 8941 dictionary")
                .hasMessageContaining("position");
    }

    @Test
    void trailingCommaUpperCaseKeyAndOverlongIntegerAreRefused() {
        assertThatThrownBy(() -> StructuredFields.parseDictionary("X", List.of("a=1,"))).isInstanceOf(MalformedFieldException.class);
        assertThatThrownBy(() -> StructuredFields.parseDictionary("X", List.of("A=1"))).isInstanceOf(MalformedFieldException.class);
        assertThatThrownBy(() -> StructuredFields.parseDictionary("X", List.of("a=1234567890123456"))).isInstanceOf(MalformedFieldException.class);
        assertThatThrownBy(() -> StructuredFields.parseItem("X", List.of("\"caf\u00e9\""))).isInstanceOf(MalformedFieldException.class);
    }

    @Test
    void anAbsentFieldIsNotAnEmptyDictionary() {
        assertThatThrownBy(() -> StructuredFields.parseDictionary("Signature", List.of()))
                .isInstanceOf(MalformedFieldException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void aLaterDuplicateKeyOverridesTheEarlierOne() {
        assertThat(StructuredFields.parseDictionary("X", List.of("a=1, b=2, a=3")).serialize()).isEqualTo("a=3, b=2");
    }

    @Test
    void listAndItemParse() {
        assertThat(StructuredFields.parseList("Accept-CH", List.of("a, b;q=1", "c")).serialize()).isEqualTo("a, b;q=1, c");
        assertThat(StructuredFields.parseItem("Client-Cert", List.of(":AQI=:")).serialize()).isEqualTo(":AQI=:");
    }

    @Test
    void owsTrimmingRemovesOnlySpacesAndTabs() {
        assertThat(StructuredFields.trimOws(" \t a b \t")).isEqualTo("a b");
        assertThat(StructuredFields.trimOws("")).isEmpty();
    }

    @Test
    void knownTypesCoverTheSignatureAndDigestFieldsAndCanBeExtended() {
        KnownFieldTypes types = KnownFieldTypes.defaults();

        assertThat(types.typeOf("Signature-Input")).contains(StructuredFieldType.DICTIONARY);
        assertThat(types.typeOf("content-digest")).contains(StructuredFieldType.DICTIONARY);
        assertThat(types.typeOf("example-dict")).isEmpty();
        assertThat(types.with("Example-Dict", StructuredFieldType.DICTIONARY).typeOf("example-dict")).contains(StructuredFieldType.DICTIONARY);
    }
}
