package org.jointcall.gateway.console.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void aDayRangeIncludesAllOfItsLastDay() {
        LogFilter filter = LogFilter.of(null, null, "in", null, "2026-11-01", "2026-11-30", null);
        assertThat(filter.from()).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00Z"));
        assertThat(filter.to()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00Z"));
        assertThat(filter.includes(LogFilter.Direction.IN)).isTrue();
        assertThat(filter.includes(LogFilter.Direction.OUT)).isFalse();
    }

    @Test
    void badLogParametersAreRefusedWithTheParameterNamed() {
        assertThatThrownBy(() -> LogFilter.of(null, null, "sideways", null, null, null, null)).hasMessageContaining("direction 'sideways'");
        assertThatThrownBy(() -> LogFilter.of(null, null, null, null, "yesterday", null, null)).hasMessageContaining("from 'yesterday'");
        assertThatThrownBy(() -> LogFilter.of(null, null, null, null, "2026-11-30", "2026-11-01", null)).hasMessageContaining("is not before");
    }

    @Test
    void aMatrixCursorMustBelongToTheSortOrder() {
        Cursor byReference = Cursor.of("REF-1", "6f1c2b8e-5a8c-4a57-9d1e-0c8f2a1b3c4d");
        new MatrixFilter(null, null, null, null, MatrixFilter.Sort.REFERENCE, false, byReference, 50);
        assertThatThrownBy(() -> new MatrixFilter(null, null, null, null, MatrixFilter.Sort.STATE, false, byReference, 50))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new MatrixFilter(null, null, null, null, MatrixFilter.Sort.UPDATED, false, byReference, 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatrixFilter(null, null, null, null, MatrixFilter.Sort.REFERENCE, false, Cursor.start(), 0))
                .hasMessageContaining("limit 0");
        assertThatThrownBy(() -> MatrixFilter.Sort.named("colour")).hasMessageContaining("reference, state, updated");
        assertThatThrownBy(() -> MatrixFilter.descending("up")).hasMessageContaining("asc or desc");
    }
}
