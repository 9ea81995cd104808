package org.jointcall.adapters.ukri;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.ReviewResult;
import org.jointcall.contracts.v1.ScoreBand;
import org.junit.jupiter.api.Test;

class UkriAdapterTest {

    private final UkriAdapter adapter = new UkriAdapter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = UkriAdapterTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void scoreOneToSixIsKeptVerbatimWithItsBand() throws IOException {
        ReviewResult review = adapter.toCanonical(sample("review.json")).message().getReviewResult();

        assertThat(review.getNativeScale()).isEqualTo("UKRI_1_6");
        assertThat(review.getNativeScore()).isEqualTo("5");
        assertThat(review.getNormalisedBand()).isEqualTo(ScoreBand.STRONG);
    }

    @Test
    void epochMillisecondsCarryTheInstantButNotTheOffsetAndTheReportSaysSo() throws IOException {
        CanonicalMessage notice = adapter.toCanonical(sample("joint-outcome-notice.json")).message();
        notice.getJointOutcomeNotice().setDecidedAt(OffsetDateTime.parse("2026-05-13T10:00:00+09:00"));

        OutboundTranslation out = adapter.fromCanonical(notice);
        CanonicalMessage back = adapter.toCanonical(out.body()).message();

        assertThat(back.getJointOutcomeNotice().getDecidedAt().toInstant()).isEqualTo(notice.getJointOutcomeNotice().getDecidedAt().toInstant());
        assertThat(out.report().fields(TranslationNote.Kind.NOT_CARRIED)).containsExactly("/jointOutcomeNotice/decidedAt");
        assertThat(out.report().notes().get(0).detail()).contains("2026-05-13T01:00:00Z");
    }
}
