package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.jointcall.signature.fixtures.GeneratedKeys;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final Instant A = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant B = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant C = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void bothEndsAreInclusive() {
        Validity window = Validity.between(A, C);

        assertThat(window.contains(A)).isTrue();
        assertThat(window.contains(C)).isTrue();
        assertThat(window.contains(A.minusSeconds(1))).isFalse();
        assertThat(window.contains(C.plusSeconds(1))).isFalse();
        assertThat(window.startsAfter(A.minusSeconds(1))).isTrue();
        assertThat(Validity.unbounded().contains(Instant.EPOCH)).isTrue();
    }

    @Test
    void narrowingKeepsTheOverlap() {
        assertThat(Validity.between(A, C).narrowedTo(Validity.between(B, null))).isEqualTo(Validity.between(B, C));
        assertThat(Validity.between(null, B).narrowedTo(Validity.between(A, C))).isEqualTo(Validity.between(A, B));
        assertThat(Validity.unbounded().narrowedTo(Validity.unbounded())).isEqualTo(Validity.unbounded());
    }

    @Test
    void anEmptyOrInvertedWindowIsRefused() {
        assertThatThrownBy(() -> Validity.between(C, A)).hasMessageContaining("must be earlier");
        assertThatThrownBy(() -> Validity.between(A, A)).hasMessageContaining("must be earlier");
    }

    @Test
    void registeredKeysValidateAgencyAndKeyId() {
        assertThatThrownBy(() -> RegisteredKey.builder("NSF", "k", GeneratedKeys.ed25519().verificationKey()).build())
                .hasMessageContaining("agency code 'NSF'");
        assertThatThrownBy(() -> RegisteredKey.builder("nsf", "my key", GeneratedKeys.ed25519().verificationKey()).build())
                .hasMessageContaining("key id 'my key'");
    }
}
