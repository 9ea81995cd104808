package org.jointcall.contracts.aspire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.contracts.call.AgencyParticipation;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.ERadNumber;
import org.jointcall.contracts.identifier.Money;
import org.jointcall.contracts.v1.Budget;
import org.jointcall.contracts.v1.CareerStage;
import org.jointcall.contracts.v1.DispatchPlan;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ProposalPart;
import org.jointcall.contracts.v1.ResearcherNumber;
import org.jointcall.contracts.validation.Finding;
import org.jointcall.contracts.validation.Finding.Severity;
import org.jointcall.contracts.validation.ValidationReport;

/**
 * The intake checks from the ASPIRE call documents, run when a coordinator opens a proposal in the
 * console (the gateway's {@code ProposalDetail}) and shown there as a report rather than refusing anything: an agency's part is that agency's
 * business, and whether a finding is fatal is the coordinator's call. Also checks every part
 * against the call's own per-agency budget caps, ASPIRE or not.
 *
 * <p>The rules, each with its id: the scheme's budget caps and period for the JST part
 * ({@code ASPIRE-BUDGET-DIRECT}, {@code ASPIRE-BUDGET-TOTAL}, {@code ASPIRE-PERIOD}, in JPY:
 * {@code ASPIRE-CURRENCY}); indirect costs at most 30 % of direct ({@code ASPIRE-INDIRECT-RATE});
 * at least 70 % of direct costs planned for network building and young-researcher circulation
 * ({@code ASPIRE-NETWORK-SHARE}); a young researcher sent to a partner country for about a year
 * ({@code ASPIRE-YOUNG-DISPATCH}); an invitation plan for partner-side young researchers
 * ({@code ASPIRE-INVITATION}); a partner PI funded by each funding partner agency
 * ({@code ASPIRE-PARTNER-PI}); one ASPIRE application per researcher as PI or Co-PI per Japanese
 * fiscal year, across all ASPIRE calls ({@code ASPIRE-ONE-PER-YEAR}); and the call's caps
 * ({@code CALL-BUDGET-CAP}).
 */
public final class AspireCallRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_INDIRECT_PERCENT = BigDecimal.valueOf(30);
    private static final BigDecimal MIN_NETWORK_PERCENT = BigDecimal.valueOf(70);
    private static final long ABOUT_A_YEAR_IN_DAYS = 300;
    private static final int YOUNG_YEARS_AFTER_DEGREE = 15;

    /** Where each known partner agency's researchers work, so a dispatch can be checked to go there. */
    private static final Map<AgencyId, String> COUNTRY = Map.of(
            AgencyId.NSF, "US", AgencyId.UKRI, "GB", AgencyId.DFG, "DE", AgencyId.NWO, "NL",
            AgencyId.NSERC, "CA", AgencyId.RCF, "FI", AgencyId.NRF, "KR", AgencyId.ANR, "FR");

    private AspireCallRules() {
    }

    /**
     * Checks {@code application} in {@code call} against the ASPIRE rules (when the call has an
     * ASPIRE scheme) and the call's budget caps.
     *
     * @param others the other ASPIRE applications on file, from any ASPIRE call; the application
     *     itself may be among them (same joint reference) and is then not counted against itself
     */
    public static ValidationReport check(CallTerms call, AspireApplication application, List<PriorApplication> others) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(others, "others");
        List<Finding> findings = new ArrayList<>();
        if (call.scheme().isPresent()) {
            checkAspire(call, application, others, findings);
        }
        checkCallCaps(call, application, findings);
        return new ValidationReport(findings);
    }

    private static void checkAspire(CallTerms call, AspireApplication application, List<PriorApplication> others, List<Finding> findings) {
        Optional<ProposalPart> jst = application.part(AgencyId.JST);
        if (jst.isEmpty()) {
            findings.add(new Finding("ASPIRE-JST-PART", Severity.ERROR, "proposalPart[JST]",
                    "the JST part has not arrived; the ASPIRE rules are checked on it"));
        } else {
            String path = "proposalPart[JST]";
            SchemeLimits limits = SchemeLimits.of(call.scheme().get()).orElseThrow();
            checkJstBudget(path + ".budget", jst.get().getBudget(), limits, call.scheme().get().name(), findings);
            checkDispatch(path, jst.get(), call, application.fiscalYear(), findings);
            if (jst.get().getInvitationPlan() == null || jst.get().getInvitationPlan().getPlannedInvitees() == null
                    || jst.get().getInvitationPlan().getPlannedInvitees() < 1) {
                findings.add(new Finding("ASPIRE-INVITATION", Severity.ERROR, path + ".invitationPlan",
                        "an invitation plan for at least one partner-side young researcher is required"));
            }
            checkOnePerYear(path, jst.get(), application, others, findings);
        }
        checkPartnerPis(call, application, findings);
    }

    private static void checkJstBudget(String path, Budget budget, SchemeLimits limits, String scheme, List<Finding> findings) {
        if (!"JPY".equals(budget.getCurrency())) {
            findings.add(new Finding("ASPIRE-CURRENCY", Severity.ERROR, path + ".currency",
                    "the JST budget is in JPY, not " + budget.getCurrency()));
            return;
        }
        BigDecimal direct = budget.getRequestedDirect();
        BigDecimal indirect = budget.getRequestedIndirect();
        if (direct.compareTo(limits.maxDirectJpy()) > 0) {
            findings.add(new Finding("ASPIRE-BUDGET-DIRECT", Severity.ERROR, path + ".requestedDirect",
                    "direct costs " + yen(direct) + " exceed the " + scheme + " cap of " + yen(limits.maxDirectJpy())));
        }
        if (direct.add(indirect).compareTo(limits.maxTotalJpy()) > 0) {
            findings.add(new Finding("ASPIRE-BUDGET-TOTAL", Severity.ERROR, path + ".requestedIndirect",
                    "direct plus indirect costs " + yen(direct.add(indirect)) + " exceed the " + scheme + " cap of " + yen(limits.maxTotalJpy())));
        }
        limits.maxYears().ifPresent(years -> {
            LocalDate latestEnd = budget.getStart().plusYears(years).minusDays(1);
            if (budget.getEnd().isAfter(latestEnd)) {
                findings.add(new Finding("ASPIRE-PERIOD", Severity.ERROR, path + ".end",
                        "the project runs " + budget.getStart() + " to " + budget.getEnd() + "; " + scheme
                        + " projects last at most " + years + " years, so end by " + latestEnd));
            }
        });
        if (indirect.multiply(HUNDRED).compareTo(direct.multiply(MAX_INDIRECT_PERCENT)) > 0) {
            findings.add(new Finding("ASPIRE-INDIRECT-RATE", Severity.ERROR, path + ".requestedIndirect",
                    "indirect costs " + yen(indirect) + " are " + percent(indirect, direct) + " of direct costs; at most 30 % is allowed"));
        }
        BigDecimal planned = budget.getPlannedNetworkAndCirculation();
        if (planned == null) {
            findings.add(new Finding("ASPIRE-NETWORK-SHARE", Severity.ERROR, path + ".plannedNetworkAndCirculation",
                    "the share of direct costs planned for network building and young-researcher circulation is not stated; at least 70 % is required"));
        } else if (planned.multiply(HUNDRED).compareTo(direct.multiply(MIN_NETWORK_PERCENT)) < 0) {
            findings.add(new Finding("ASPIRE-NETWORK-SHARE", Severity.ERROR, path + ".plannedNetworkAndCirculation",
                    yen(planned) + " planned for network building and young-researcher circulation is " + percent(planned, direct)
                    + " of direct costs; at least 70 % is required"));
        }
    }

    private static void checkDispatch(String path, ProposalPart jst, CallTerms call, int fiscalYear, List<Finding> findings) {
        List<String> partnerCountries = call.participants().values().stream()
                .map(AgencyParticipation::agency)
                .filter(agency -> !agency.equals(AgencyId.JST))
                .map(COUNTRY::get)
                .filter(Objects::nonNull)
                .toList();
        boolean anyToPartner = false;
        for (int i = 0; i < jst.getYoungResearcherDispatches().size(); i++) {
            DispatchPlan dispatch = jst.getYoungResearcherDispatches().get(i);
            String dispatchPath = path + ".youngResearcherDispatch[" + i + "]";
            boolean toPartner = partnerCountries.isEmpty() ? !"JP".equals(dispatch.getDestinationCountry())
                    : partnerCountries.contains(dispatch.getDestinationCountry());
            if (!toPartner) {
                findings.add(new Finding("ASPIRE-YOUNG-DISPATCH", Severity.WARNING, dispatchPath + ".destinationCountry",
                        dispatch.getResearcher() + " goes to " + dispatch.getDestinationCountry() + ", not to a partner country " + partnerCountries));
                continue;
            }
            anyToPartner = true;
            long days = ChronoUnit.DAYS.between(dispatch.getStart(), dispatch.getEnd()) + 1;
            if (days < ABOUT_A_YEAR_IN_DAYS) {
                findings.add(new Finding("ASPIRE-YOUNG-DISPATCH", Severity.WARNING, dispatchPath + ".end",
                        dispatch.getResearcher() + " stays " + days + " days; the call expects about a year"));
            }
            Integer degreeYear = jst.getPersons().stream()
                    .filter(p -> p.getOrcid() != null && p.getOrcid().equals(dispatch.getOrcid()))
                    .map(Person::getDegreeYear).filter(Objects::nonNull).findFirst().orElse(null);
            if (dispatch.getCareerStage() == CareerStage.ESTABLISHED
                    || degreeYear != null && fiscalYear - degreeYear > YOUNG_YEARS_AFTER_DEGREE) {
                findings.add(new Finding("ASPIRE-YOUNG-DISPATCH", Severity.WARNING, dispatchPath + ".careerStage",
                        dispatch.getResearcher() + " is not a young researcher (a student, or about 15 years or less after the degree)"));
            }
        }
        if (!anyToPartner) {
            findings.add(new Finding("ASPIRE-YOUNG-DISPATCH", Severity.ERROR, path + ".youngResearcherDispatch",
                    "no young researcher is sent to a partner country " + partnerCountries + " for about a year"));
        }
    }

    private static void checkPartnerPis(CallTerms call, AspireApplication application, List<Finding> findings) {
        List<AgencyParticipation> fundingPartners = call.participants().values().stream()
                .filter(p -> !p.agency().equals(AgencyId.JST) && p.hasTrack())
                .sorted((a, b) -> a.agency().compareTo(b.agency()))
                .toList();
        if (fundingPartners.isEmpty()) {
            findings.add(new Finding("ASPIRE-PARTNER-PI", Severity.ERROR, "participant",
                    "the call has no partner agency funding a partner PI"));
        }
        for (AgencyParticipation partner : fundingPartners) {
            String path = "proposalPart[" + partner.agency() + "]";
            Optional<ProposalPart> part = application.part(partner.agency());
            if (part.isEmpty()) {
                findings.add(new Finding("ASPIRE-PARTNER-PI", partner.required() ? Severity.ERROR : Severity.WARNING, path,
                        "no part from " + partner.agency() + " yet: the partner PI must apply to and be funded by " + partner.agency()));
            } else if (part.get().getPersons().stream().noneMatch(p -> p.getRole() == PersonRole.PI)) {
                findings.add(new Finding("ASPIRE-PARTNER-PI", Severity.ERROR, path + ".person",
                        "the " + partner.agency() + " part names no PI"));
            }
        }
    }

    private static void checkOnePerYear(String path, ProposalPart jst, AspireApplication application, List<PriorApplication> others,
            List<Finding> findings) {
        int fiscalYear = application.fiscalYear();
        for (int i = 0; i < jst.getPersons().size(); i++) {
            Person person = jst.getPersons().get(i);
            if (!isLead(person)) {
                continue;
            }
            String personPath = path + ".person[" + i + "]";
            for (PriorApplication other : others) {
                if (other.jointReference().equals(application.jointReference()) || other.fiscalYear() != fiscalYear) {
                    continue;
                }
                other.jstPart().getPersons().stream().filter(AspireCallRules::isLead).filter(o -> samePerson(person, o)).findFirst()
                        .ifPresent(o -> findings.add(new Finding("ASPIRE-ONE-PER-YEAR", Severity.ERROR, personPath,
                                person.getGivenName() + " " + person.getFamilyName() + " is already " + o.getRole() + " of ASPIRE application "
                                + other.jointReference() + " (" + other.callId() + ") in fiscal year " + fiscalYear
                                + "; one application per researcher per fiscal year")));
            }
        }
    }

    private static boolean isLead(Person person) {
        return person.getRole() == PersonRole.PI || person.getRole() == PersonRole.CO_PI;
    }

    /** The same researcher: same ORCID iD, or same e-Rad number. */
    private static boolean samePerson(Person a, Person b) {
        if (a.getOrcid() != null && a.getOrcid().equals(b.getOrcid())) {
            return true;
        }
        return eRad(a).isPresent() && eRad(a).equals(eRad(b));
    }

    private static Optional<String> eRad(Person person) {
        return Optional.ofNullable(person.getResearcherNumber())
                .filter(number -> ERadNumber.SCHEME.equals(number.getScheme()))
                .map(ResearcherNumber::getValue);
    }

    private static void checkCallCaps(CallTerms call, AspireApplication application, List<Finding> findings) {
        application.parts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            AgencyId agency = entry.getKey();
            Budget budget = entry.getValue().getBudget();
            String path = "proposalPart[" + agency + "].budget";
            call.cap(agency).ifPresent(cap -> {
                String capCurrency = cap.maxDirect().currency().getCurrencyCode();
                if (!capCurrency.equals(budget.getCurrency())) {
                    findings.add(new Finding("CALL-BUDGET-CAP", Severity.ERROR, path + ".currency",
                            agency + " budget is in " + budget.getCurrency() + " but the call caps it in " + capCurrency));
                    return;
                }
                Money direct = Money.of(budget.getRequestedDirect(), capCurrency);
                Money total = direct.plus(Money.of(budget.getRequestedIndirect(), capCurrency));
                if (direct.isGreaterThan(cap.maxDirect())) {
                    findings.add(new Finding("CALL-BUDGET-CAP", Severity.ERROR, path + ".requestedDirect",
                            agency + " direct costs " + direct + " exceed the call's cap of " + cap.maxDirect()));
                }
                cap.maxTotal().filter(total::isGreaterThan).ifPresent(max -> findings.add(new Finding("CALL-BUDGET-CAP", Severity.ERROR,
                        path + ".requestedIndirect", agency + " direct plus indirect costs " + total + " exceed the call's cap of " + max)));
            });
        });
    }

    private static String yen(BigDecimal amount) {
        return String.format("%,d JPY", amount.toBigInteger());
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "all";
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }
}
