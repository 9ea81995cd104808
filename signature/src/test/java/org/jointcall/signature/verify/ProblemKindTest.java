package org.jointcall.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ProblemKindTest {

    @Test
    void slugsAreTheStableListPartnersProgramAgainst() {
        assertThat(Arrays.stream(ProblemKind.values()).map(ProblemKind::slug)).containsExactly(
                "signature-missing", "signature-invalid", "digest-mismatch", "digest-missing", "key-unknown", "key-expired",
                "key-other-agency", "replay", "clock-skew", "expired", "algorithm-mismatch", "component-missing", "tag-invalid", "malformed");
    }

    @Test
    void typeUrisEndInTheSlugWithOrWithoutATrailingSlashOnTheBase() {
        assertThat(ProblemKind.REPLAY.typeUnder(URI.create("https://gateway.example/problems/")))
                .isEqualTo(URI.create("https://gateway.example/problems/replay"));
        assertThat(ProblemKind.DIGEST_MISMATCH.typeUnder(URI.create("https://gateway.example/problems")))
                .isEqualTo(URI.create("https://gateway.example/problems/digest-mismatch"));
    }

    @Test
    void bodyProblemsAreBadRequestsAndIdentityProblemsUnauthorised() {
        assertThat(ProblemKind.MALFORMED.status()).isEqualTo(400);
        assertThat(ProblemKind.DIGEST_MISMATCH.status()).isEqualTo(400);
        assertThat(ProblemKind.SIGNATURE_INVALID.status()).isEqualTo(401);
        assertThat(ProblemKind.KEY_OTHER_AGENCY.status()).isEqualTo(403);
    }

    @Test
    void rejectionMessageStartsWithTheSlug() {
        SignatureRejectedException rejection = new SignatureRejectedException(ProblemKind.CLOCK_SKEW, "created 90 s ago", "k1");

        assertThat(rejection.getMessage()).isEqualTo("clock-skew: created 90 s ago");
        assertThat(rejection.detail()).isEqualTo("created 90 s ago");
    }
}
