package org.jointcall.contracts.aspire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointcall.contracts.binding.CanonicalSamples;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.AspireScheme;
import org.jointcall.contracts.v1.BudgetCap;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ProposalPart;
import org.jointcall.contracts.validation.Finding;
import org.jointcall.contracts.validation.Finding.Severity;
import org.jointcall.contracts.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class AspireCallRulesTest {

    private static final LocalDate SUBMITTED = LocalDate.of(2026, 6, 20);

    private final ProposalPart jst = CanonicalSamples.jstPart();
    private final ProposalPart ukri = CanonicalSamples.ukriPart();

    private static CallTerms call(AspireScheme scheme) {
        JointCall call = CanonicalSamples.ukBioCall();
        call.setScheme(scheme);
        if (scheme != AspireScheme.UK_BIO) {
            call.getBudgetCaps().clear();
        }
        return CallTerms.of(call);
    }

    private ValidationReport check(CallTerms call, List<PriorApplication> others) {
        Map<AgencyId, ProposalPart> parts = new HashMap<>();
        parts.put(AgencyId.JST, jst);
        if (ukri != null) {
            parts.put(AgencyId.UKRI, ukri);
        }
        return AspireCallRules.check(call, new AspireApplication("ASPIRE26-0042", call.callId(), SUBMITTED, parts), others);
    }

    private ValidationReport check(AspireScheme scheme) {
        return check(call(scheme), List.of());
    }

    private static void jpy(ProposalPart part, String direct, String indirect, String planned) {
        part.getBudget().setRequestedDirect(new BigDecimal(direct));
        part.getBudget().setRequestedIndirect(new BigDecimal(indirect));
        part.getBudget().setPlannedNetworkAndCirculation(planned == null ? null : new BigDecimal(planned));
    }

    @Test
    void anApplicationFollowingEveryRuleHasNoFindings() {
        ValidationReport report = check(AspireScheme.UK_BIO);

        assertThat(report.findings()).isEmpty();
        assertThat(report.isAcceptable()).isTrue();
    }

    @Test
    void topSchemeCapsDirectCostsAt380MillionAndTotalAt500Million() {
        jpy(jst, "380000000", "114000000", "300000000");
        assertThat(check(AspireScheme.TOP).findings()).isEmpty();

        jpy(jst, "390000000", "117000000", "300000000");
        ValidationReport report = check(AspireScheme.TOP);

        assertThat(report.errors()).extracting(Finding::ruleId).containsExactly("ASPIRE-BUDGET-DIRECT", "ASPIRE-BUDGET-TOTAL");
        assertThat(report.of("ASPIRE-BUDGET-DIRECT")).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("proposalPart[JST].budget.requestedDirect");
            assertThat(finding.message()).isEqualTo("direct costs 390,000,000 JPY exceed the TOP cap of 380,000,000 JPY");
        });
        assertThat(report.of("ASPIRE-BUDGET-TOTAL").get(0).message())
                .isEqualTo("direct plus indirect costs 507,000,000 JPY exceed the TOP cap of 500,000,000 JPY");
    }

    @Test
    void risingSchemeCapsAt69MillionDirectAndThreeYears() {
        jpy(jst, "69000000", "20700000", "50000000");
        ValidationReport report = check(AspireScheme.RISING);

        assertThat(report.errors()).extracting(Finding::ruleId).containsExactly("ASPIRE-PERIOD");
        assertThat(report.errors().get(0).message()).isEqualTo("the project runs 2026-10-01 to 2031-03-31;"
                + " RISING projects last at most 3 years, so end by 2029-09-30");

        jpy(jst, "70000000", "21000000", "50000000");
        assertThat(check(AspireScheme.RISING).of("ASPIRE-BUDGET-DIRECT")).hasSize(1);
        assertThat(check(AspireScheme.RISING).of("ASPIRE-BUDGET-TOTAL")).hasSize(1);
    }

    @Test
    void ukBioCallCapsAt180MillionDirectAnd234MillionTotal() {
        jpy(jst, "180000001", "54000000", "130000000");

        ValidationReport report = check(AspireScheme.UK_BIO);

        assertThat(report.errors()).extracting(Finding::ruleId)
                .containsExactly("ASPIRE-BUDGET-DIRECT", "ASPIRE-BUDGET-TOTAL", "CALL-BUDGET-CAP", "CALL-BUDGET-CAP");
    }

    @Test
    void indirectCostsAboveThirtyPercentOfDirectAreFlagged() {
        jpy(jst, "100000000", "30000001", "80000000");

        ValidationReport report = check(AspireScheme.UK_BIO);

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ASPIRE-INDIRECT-RATE");
            assertThat(finding.field()).isEqualTo("proposalPart[JST].budget.requestedIndirect");
            assertThat(finding.message()).isEqualTo("indirect costs 30,000,001 JPY are 30 % of direct costs; at most 30 % is allowed");
        });
    }

    @Test
    void lessThanSeventyPercentForNetworkAndCirculationIsFlagged() {
        jpy(jst, "180000000", "54000000", "100000000");
        assertThat(check(AspireScheme.UK_BIO).errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ASPIRE-NETWORK-SHARE");
            assertThat(finding.message()).startsWith("100,000,000 JPY planned for network building and young-researcher circulation is 55.6 % of direct costs");
        });

        jpy(jst, "180000000", "54000000", "126000000");
        assertThat(check(AspireScheme.UK_BIO).findings()).isEmpty();

        jpy(jst, "180000000", "54000000", null);
        assertThat(check(AspireScheme.UK_BIO).of("ASPIRE-NETWORK-SHARE").get(0).message()).contains("is not stated");
    }

    @Test
    void aYoungResearcherMustGoToThePartnerCountryForAboutAYear() {
        jst.getYoungResearcherDispatches().get(0).setEnd(LocalDate.of(2027, 6, 30));
        assertThat(check(AspireScheme.UK_BIO).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.field()).isEqualTo("proposalPart[JST].youngResearcherDispatch[0].end");
            assertThat(finding.message()).isEqualTo("佐藤 花子 stays 91 days; the call expects about a year");
        });

        jst.getYoungResearcherDispatches().get(0).setDestinationCountry("US");
        ValidationReport elsewhere = check(AspireScheme.UK_BIO);
        assertThat(elsewhere.warnings()).extracting(Finding::message).containsExactly("佐藤 花子 goes to US, not to a partner country [KR, GB]");
        assertThat(elsewhere.errors()).extracting(Finding::message).containsExactly("no young researcher is sent to a partner country [KR, GB] for about a year");

        jst.getYoungResearcherDispatches().clear();
        assertThat(check(AspireScheme.UK_BIO).errors()).extracting(Finding::ruleId).containsExactly("ASPIRE-YOUNG-DISPATCH");
    }

    @Test
    void anInvitationPlanForPartnerSideYoungResearchersIsRequired() {
        jst.setInvitationPlan(null);

        assertThat(check(AspireScheme.UK_BIO).errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ASPIRE-INVITATION");
            assertThat(finding.field()).isEqualTo("proposalPart[JST].invitationPlan");
        });
    }

    @Test
    void thePartnerPiMustBeFundedByThePartnerAgency() {
        ukri.getPersons().get(0).setRole(PersonRole.CO_INVESTIGATOR);
        assertThat(check(AspireScheme.UK_BIO).errors()).singleElement()
                .hasToString("ERROR ASPIRE-PARTNER-PI proposalPart[UKRI].person: the UKRI part names no PI");

        Map<AgencyId, ProposalPart> onlyJst = Map.of(AgencyId.JST, jst);
        CallTerms call = call(AspireScheme.UK_BIO);
        ValidationReport missing = AspireCallRules.check(call, new AspireApplication("ASPIRE26-0042", call.callId(), SUBMITTED, onlyJst), List.of());
        assertThat(missing.errors()).singleElement()
                .hasToString("ERROR ASPIRE-PARTNER-PI proposalPart[UKRI]: no part from UKRI yet: the partner PI must apply to and be funded by UKRI");
    }

    private PriorApplication prior(String reference, LocalDate submittedOn, Person lead) {
        ProposalPart other = CanonicalSamples.jstPart();
        other.getPersons().clear();
        other.getPersons().add(lead);
        return new PriorApplication(reference, "ASPIRE-2026-TOP", submittedOn, other);
    }

    @Test
    void aResearcherAppliesAsPiOrCoPiOncePerFiscalYearAcrossAllAspireCalls() {
        Person sameOrcid = CanonicalSamples.person("0000-0001-5109-3700", "Hanako", "Suzuki", PersonRole.PI, "https://ror.org/02kpeqv85", "Kyoto University", null);

        ValidationReport report = check(call(AspireScheme.UK_BIO), List.of(prior("ASPIRE26-0007", LocalDate.of(2027, 3, 31), sameOrcid)));

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ASPIRE-ONE-PER-YEAR");
            assertThat(finding.field()).isEqualTo("proposalPart[JST].person[1]");
            assertThat(finding.message()).isEqualTo("Hanako Suzuki is already PI of ASPIRE application ASPIRE26-0007 (ASPIRE-2026-TOP)"
                    + " in fiscal year 2026; one application per researcher per fiscal year");
        });
    }

    @Test
    void theSameResearcherIsRecognisedByTheirERadNumberToo() {
        Person sameERad = CanonicalSamples.person(null, "太郎", "山田", PersonRole.CO_PI, null, "東京大学", "12345678");
        sameERad.setAffiliation(null);

        assertThat(check(call(AspireScheme.UK_BIO), List.of(prior("ASPIRE26-0008", LocalDate.of(2026, 4, 1), sameERad))).errors())
                .extracting(Finding::field).containsExactly("proposalPart[JST].person[0]");
    }

    @Test
    void applicationsInAnotherFiscalYearOrTheSameApplicationDoNotCount() {
        Person pi = CanonicalSamples.person("0000-0002-1825-0097", "太郎", "山田", PersonRole.PI, "https://ror.org/057zh3y96", "東京大学", "12345678");
        Person memberOnly = CanonicalSamples.person("0000-0002-1825-0097", "太郎", "山田", PersonRole.RESEARCHER, "https://ror.org/057zh3y96", "東京大学", null);

        ValidationReport report = check(call(AspireScheme.UK_BIO), List.of(
                prior("ASPIRE25-0100", LocalDate.of(2026, 3, 31), pi),
                prior("ASPIRE26-0042", LocalDate.of(2026, 5, 1), pi),
                prior("ASPIRE26-0200", LocalDate.of(2026, 5, 1), memberOnly)));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void theCallsOwnCapsApplyToEveryAgencyInItsCurrency() {
        JointCall definition = CanonicalSamples.ukBioCall();
        BudgetCap ukriCap = new BudgetCap();
        ukriCap.setAgency("UKRI");
        ukriCap.setCurrency("GBP");
        ukriCap.setMaxDirect(new BigDecimal("700000"));
        definition.getBudgetCaps().add(ukriCap);

        ValidationReport report = check(CallTerms.of(definition), List.of());

        assertThat(report.errors()).singleElement()
                .hasToString("ERROR CALL-BUDGET-CAP proposalPart[UKRI].budget.requestedDirect: UKRI direct costs 750000.00 GBP exceed the call's cap of 700000.00 GBP");

        ukriCap.setCurrency("EUR");
        assertThat(check(CallTerms.of(definition), List.of()).errors()).singleElement()
                .hasToString("ERROR CALL-BUDGET-CAP proposalPart[UKRI].budget.currency: UKRI budget is in GBP but the call caps it in EUR");
    }

    @Test
    void theJstBudgetIsInYen() {
        jst.getBudget().setCurrency("USD");

        assertThat(check(AspireScheme.TOP).errors()).extracting(Finding::ruleId).containsExactly("ASPIRE-CURRENCY");
    }

    @Test
    void aCallOutsideAspireOnlyChecksItsOwnCaps() {
        JointCall definition = CanonicalSamples.ukBioCall();
        definition.setScheme(null);
        jst.setInvitationPlan(null);
        jst.getYoungResearcherDispatches().clear();
        jpy(jst, "180000000", "60000000", null);

        assertThat(check(CallTerms.of(definition), List.of()).errors()).extracting(Finding::ruleId).containsExactly("CALL-BUDGET-CAP");
    }
}
