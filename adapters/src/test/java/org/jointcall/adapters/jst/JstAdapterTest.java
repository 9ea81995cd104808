package org.jointcall.adapters.jst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.v1.Budget;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.ReviewResult;
import org.jointcall.contracts.v1.ScoreBand;
import org.junit.jupiter.api.Test;

class JstAdapterTest {

    private final JstAdapter adapter = new JstAdapter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = JstAdapterTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void thousandsOfYenBecomeYenAndFiscalYearsBecomeDates() throws IOException {
        Budget budget = adapter.toCanonical(sample("proposal.xml")).message().getProposalPart().getBudget();

        assertThat(budget.getCurrency()).isEqualTo("JPY");
        assertThat(budget.getRequestedDirect()).isEqualByComparingTo(new BigDecimal("380000000"));
        assertThat(budget.getStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(budget.getEnd()).isEqualTo(LocalDate.of(2031, 3, 31));
    }

    @Test
    void eRadNumberAndJapaneseNamesArriveIntact() throws IOException {
        Person pi = adapter.toCanonical(sample("proposal.xml")).message().getProposalPart().getPersons().get(0);

        assertThat(pi.getResearcherNumber().getValue()).isEqualTo("12345678");
        assertThat(pi.getResearcherNumber().getScheme()).isEqualTo("E_RAD");
        assertThat(pi.getFamilyName()).isEqualTo("山田");
        assertThat(pi.getAffiliation().getName()).isEqualTo("東京大学");
    }

    @Test
    void saitakuIsApprovedAndWrittenBackInJapanese() throws IOException {
        CanonicalMessage decision = adapter.toCanonical(sample("decision.xml")).message();

        assertThat(decision.getFundingDecision().getOutcome()).isEqualTo(FundingOutcome.APPROVED);
        assertThat(new String(adapter.fromCanonical(decision).body(), StandardCharsets.UTF_8)).contains("<Result>採択</Result>");
    }

    @Test
    void aPartnersSharedReviewInTheRecordKeepsItsOwnScaleAndScoreVerbatim() throws IOException {
        ReviewResult review = adapter.toCanonical(sample("joint-proposal-record.xml")).message()
                .getJointProposalRecord().getTracks().get(1).getReviews().get(0);

        assertThat(review.getNativeScale()).isEqualTo("NSF_EVGFP");
        assertThat(review.getNativeScore()).isEqualTo("V/G");
        assertThat(review.getNormalisedBand()).isEqualTo(ScoreBand.STRONG);
    }

    @Test
    void anAmountThatIsNotWholeThousandsOfYenIsRefusedNotRounded() throws IOException {
        CanonicalMessage proposal = adapter.toCanonical(sample("proposal.xml")).message();
        proposal.getProposalPart().getBudget().setRequestedDirect(new BigDecimal("380000500"));

        TranslationException refused = catchThrowableOfType(TranslationException.class, () -> adapter.fromCanonical(proposal));

        assertThat(refused.field()).isEqualTo("/proposalPart/budget/requestedDirect");
        assertThat(refused.problem()).contains("380000500", "千円");
    }

    @Test
    void aPeriodNotStartingOnTheFirstOfAprilIsRefused() throws IOException {
        CanonicalMessage proposal = adapter.toCanonical(sample("proposal.xml")).message();
        proposal.getProposalPart().getBudget().setStart(LocalDate.of(2026, 6, 1));

        TranslationException refused = catchThrowableOfType(TranslationException.class, () -> adapter.fromCanonical(proposal));

        assertThat(refused.field()).isEqualTo("/proposalPart/budget/start");
        assertThat(refused.problem()).contains("1 April", "年度");
    }
}
