package org.jointcall.adapters.dfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.contracts.v1.FundingDecision;
import org.jointcall.contracts.v1.FundingOutcome;
import org.junit.jupiter.api.Test;

class DfgAdapterTest {

    private final DfgAdapter adapter = new DfgAdapter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = DfgAdapterTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void teilbewilligungIsAPartialApprovalInEuros() throws IOException {
        FundingDecision decision = adapter.toCanonical(sample("decision.xml")).message().getFundingDecision();

        assertThat(decision.getOutcome()).isEqualTo(FundingOutcome.APPROVED_PARTIAL);
        assertThat(decision.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(decision.getAmount().getValue()).isEqualByComparingTo(new BigDecimal("610000"));
        assertThat(decision.getDecidedAt()).hasToString("2026-05-21T00:00+02:00");
    }

    @Test
    void gutachterkennungNeverLeavesDfg() throws IOException {
        InboundTranslation in = adapter.toCanonical(sample("review.xml"));

        assertThat(in.report().fields(TranslationNote.Kind.WITHHELD)).containsExactly("/Begutachtung/Gutachten/Gutachterkennung");
        assertThat(new String(adapter.fromCanonical(in.message()).body(), StandardCharsets.UTF_8)).doesNotContain("DFG-GA-77310");
    }
}
