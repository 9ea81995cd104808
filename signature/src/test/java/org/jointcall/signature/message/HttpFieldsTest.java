package org.jointcall.signature.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpFieldsTest {

    @Test
    void repeatedLinesKeepTheirOrderAndNamesMatchInAnyCase() {
        HttpFields fields = HttpFields.of("Accept", "application/json", "Host", "example.org", "accept", "*/*");

        assertThat(fields.values("ACCEPT")).containsExactly("application/json", "*/*");
        assertThat(fields.contains("host")).isTrue();
        assertThat(fields.values("Date")).isEmpty();
    }

    @Test
    void valuesAreKeptVerbatimIncludingSurroundingWhitespace() {
        assertThat(HttpFields.of("X-Ows", "  padded  ").values("x-ows")).containsExactly("  padded  ");
    }

    @Test
    void withAppendsAndWithoutRemovesEveryLineOfAName() {
        HttpFields fields = HttpFields.of("A", "1", "B", "2", "a", "3").with("C", "4").without("A");

        assertThat(fields.lines()).extracting(HttpFields.FieldLine::toString).containsExactly("B: 2", "C: 4");
    }

    @Test
    void equalityIgnoresNameCaseButNotOrder() {
        assertThat(HttpFields.of("Accept", "a")).isEqualTo(HttpFields.of("accept", "a"));
        assertThat(HttpFields.of("A", "1", "B", "2")).isNotEqualTo(HttpFields.of("B", "2", "A", "1"));
    }

    @Test
    void lineBreaksInValuesAreRefusedSoNoLineCanBeForgedIntoTheBase() {
        assertThatThrownBy(() -> HttpFields.of("X-Evil", "a\n\"@method\": GET"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Evil").hasMessageContaining("LF at position 1");
    }

    @Test
    void fieldNamesMustBeTokens() {
        assertThatThrownBy(() -> HttpFields.of("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bad Name'").hasMessageContaining("position 3");
    }

    @Test
    void oddNumberOfStringsIsRefused() {
        assertThatThrownBy(() -> HttpFields.of("Host")).hasMessageContaining("odd number");
    }
}
