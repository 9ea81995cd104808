package org.jointcall.contracts.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.binding.CanonicalSamples;
import org.jointcall.contracts.binding.InvalidMessageException;
import org.jointcall.contracts.binding.MessageProblem;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.Money;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.validation.ContractViolation;
import org.junit.jupiter.api.Test;

class CallTermsTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    @Test
    void readsParticipantsDeadlinesAndCapsFromTheDefinition() {
        CallTerms terms = CallTerms.of(CanonicalSamples.ukBioCall());

        assertThat(terms.participants().keySet()).containsExactly(AgencyId.JST, AgencyId.NRF, AgencyId.UKRI);
        assertThat(terms.participation(AgencyId.NRF).orElseThrow().hasTrack()).isFalse();
        assertThat(terms.participation(AgencyId.UKRI).orElseThrow().required()).isTrue();
        assertThat(terms.leadAgency()).contains(AgencyId.JST);
        assertThat(terms.cap(AgencyId.JST).orElseThrow().maxTotal()).contains(Money.of(new BigDecimal("234000000"), "JPY"));
        assertThat(terms.requiresResearchSecurity()).isFalse();
    }

    @Test
    void aSelfFundedPartnerCannotHoldAVeto() {
        JointCall call = CanonicalSamples.ukBioCall();
        call.getParticipants().get(2).setRequired(true);

        assertThatThrownBy(() -> CallTerms.of(call))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("participant[2].required: a self-funded partner has no track and no veto, so it cannot be required");
    }

    @Test
    void theLeadAgencyTakesPartInTheCall() {
        JointCall call = CanonicalSamples.ukBioCall();
        call.setLeadAgency("NSF");

        assertThatThrownBy(() -> CallTerms.of(call)).hasMessage("leadAgency: lead agency NSF is not among the participants [JST, NRF, UKRI]");
    }

    @Test
    void aCallNeedsARequiredAgencyAndEachAgencyOnce() {
        JointCall call = CanonicalSamples.ukBioCall();
        call.getParticipants().forEach(p -> p.setRequired(false));
        call.getParticipants().get(1).setAgency("JST");

        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class, () -> CODEC.callToXml(call));

        assertThat(refused.problems()).extracting(MessageProblem::field, MessageProblem::reason).containsExactly(
                tuple("participant[1].agency", "JST takes part only once in a call"),
                tuple("participant", "at least one participating agency must be required"));
    }

    @Test
    void deadlinesOutOfOrderAreRefusedWithTheirLine() {
        String xml = new String(CODEC.callToXml(CanonicalSamples.ukBioCall()), StandardCharsets.UTF_8)
                .replace("<decision>2027-01-31T23:59:59+09:00</decision>", "<decision>2026-10-01T00:00:00+09:00</decision>");

        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class,
                () -> CODEC.callFromXml(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.field()).isEqualTo("deadlines.decision");
        assertThat(refused.reason()).isEqualTo("2026-10-01T00:00+09:00 is before review 2026-10-31T23:59:59+09:00");
        assertThat(xml.split("\n")[refused.problems().get(0).line() - 1]).contains("<decision>");
    }
}
