package org.jointcall.gateway.console.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripThroughItsOpaqueToken() {
        Cursor cursor = Cursor.of("2026-11-28T22:10:00.123456Z", "OUT", "42");
        String token = cursor.encode();

        assertThat(token).doesNotContain("OUT").matches("[A-Za-z0-9_-]+");
        Cursor parsed = Cursor.parse(token);
        assertThat(parsed).isEqualTo(cursor);
        assertThat(parsed.at(1)).isEqualTo("OUT");
        assertThat(parsed.longAt(2)).isEqualTo(42L);
    }

    @Test
    void valuesWithCommasQuotesAndNonAsciiCharactersAreKept() {
        Cursor cursor = Cursor.of("ASPIRE-AI, \"0042\"", "共同研究");
        assertThat(Cursor.parse(cursor.encode()).at(0)).isEqualTo("ASPIRE-AI, \"0042\"");
        assertThat(Cursor.parse(cursor.encode()).at(1)).isEqualTo("共同研究");
    }

    @Test
    void noTokenMeansTheFirstPage() {
        assertThat(Cursor.parse(null).isStart()).isTrue();
        assertThat(Cursor.parse(" ").isStart()).isTrue();
    }

    @Test
    void aTokenThisApiDidNotMakeIsRefused() {
        assertThatThrownBy(() -> Cursor.parse("not a cursor!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64url");
        Cursor twoValues = Cursor.parse(Cursor.of("a", "b").encode());
        assertThatThrownBy(() -> twoValues.at(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> twoValues.longAt(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void aPageOfMoreRowsThanTheLimitPointsAfterItsLastRow() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, row -> Cursor.of(row));
        assertThat(page.rows()).containsExactly("a", "b");
        assertThat(Cursor.parse(page.next()).at(0)).isEqualTo("b");

        Page<String> last = Page.of(List.of("a", "b"), 2, row -> Cursor.of(row));
        assertThat(last.rows()).containsExactly("a", "b");
        assertThat(last.next()).isNull();
    }
}
