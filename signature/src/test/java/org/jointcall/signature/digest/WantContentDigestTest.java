package org.jointcall.signature.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jointcall.signature.structured.MalformedFieldException;
import org.junit.jupiter.api.Test;

class WantContentDigestTest {

    @Test
    void highestWeightedActiveAlgorithmIsPreferred() {
        assertThat(WantContentDigest.parse(List.of("sha-256=1, sha-512=3")).preferred()).contains(DigestAlgorithm.SHA_512);
        assertThat(WantContentDigest.parse(List.of("sha-512=3, sha-256=10")).preferred()).contains(DigestAlgorithm.SHA_256);
    }

    @Test
    void weightZeroMeansNotAcceptableAndUnknownAlgorithmsAreSkipped() {
        WantContentDigest want = WantContentDigest.parse(List.of("sha-512=0, md5=10, sha-256=1"));

        assertThat(want.preferred()).contains(DigestAlgorithm.SHA_256);
        assertThat(want.weightOf("md5")).isEqualTo(10);
        assertThat(WantContentDigest.parse(List.of("sha-512=0")).preferred()).isEmpty();
    }

    @Test
    void tieGoesToTheFirstListed() {
        assertThat(WantContentDigest.parse(List.of("sha-512=5, sha-256=5")).preferred()).contains(DigestAlgorithm.SHA_512);
    }

    @Test
    void weightsOutsideZeroToTenAreMalformed() {
        assertThatThrownBy(() -> WantContentDigest.parse(List.of("sha-256=11"))).isInstanceOf(MalformedFieldException.class)
                .hasMessageContaining("from 0 to 10");
        assertThatThrownBy(() -> WantContentDigest.parse(List.of("sha-256=:AA==:"))).isInstanceOf(MalformedFieldException.class);
    }
}
