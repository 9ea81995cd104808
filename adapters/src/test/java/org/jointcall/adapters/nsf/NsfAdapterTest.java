package org.jointcall.adapters.nsf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.contracts.v1.CareerStage;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.ReviewResult;
import org.jointcall.contracts.v1.ScoreBand;
import org.junit.jupiter.api.Test;

class NsfAdapterTest {

    private final NsfAdapter adapter = new NsfAdapter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = NsfAdapterTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void splitRatingIsKeptVerbatimNextToItsBand() throws IOException {
        ReviewResult review = adapter.toCanonical(sample("review.json")).message().getReviewResult();

        assertThat(review.getNativeScale()).isEqualTo("NSF_EVGFP");
        assertThat(review.getNativeScore()).isEqualTo("V/G");
        assertThat(review.getNormalisedBand()).isEqualTo(ScoreBand.STRONG);
    }

    @Test
    void reviewerIdentityIsWithheldAndReported() throws IOException {
        InboundTranslation in = adapter.toCanonical(sample("review.json"));

        OutboundTranslation out = adapter.fromCanonical(in.message());

        assertThat(in.report().fields(TranslationNote.Kind.WITHHELD)).containsExactly("/review/reviewerId");
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).doesNotContain("NSF-REV-88123").doesNotContain("reviewerId");
    }

    @Test
    void usDatesBecomeCanonicalDates() throws IOException {
        CanonicalMessage message = adapter.toCanonical(sample("proposal.json")).message();

        assertThat(message.getProposalPart().getBudget().getStart()).hasToString("2026-09-01");
        assertThat(message.getProposalPart().getBudget().getCurrency()).isEqualTo("USD");
    }

    @Test
    void whatNsfCannotCarryIsReportedNotDropped() throws IOException {
        CanonicalMessage message = adapter.toCanonical(sample("proposal.json")).message();
        message.getProposalPart().getPersons().get(1).setCareerStage(CareerStage.STUDENT);

        OutboundTranslation out = adapter.fromCanonical(message);

        assertThat(out.report().fields(TranslationNote.Kind.NOT_CARRIED)).isEqualTo(List.of("/proposalPart/person/1/careerStage"));
        assertThat(out.report().notes().get(0).detail()).contains("NSF format has no place for 'STUDENT'");
    }
}
