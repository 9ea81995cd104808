package org.jointcall.contracts.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.ERadNumber;
import org.jointcall.contracts.identifier.LocalProposalIdFormats;
import org.jointcall.contracts.identifier.Money;
import org.jointcall.contracts.identifier.Orcid;
import org.jointcall.contracts.identifier.RorId;
import org.jointcall.contracts.review.NativeScale;
import org.jointcall.contracts.v1.Affiliation;
import org.jointcall.contracts.v1.Budget;
import org.jointcall.contracts.v1.BudgetCap;
import org.jointcall.contracts.v1.CallDeadlines;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.DispatchPlan;
import org.jointcall.contracts.v1.FundingDecision;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.JointOutcomeNotice;
import org.jointcall.contracts.v1.JointProposalRecord;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.MonetaryAmount;
import org.jointcall.contracts.v1.Participation;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ProposalPart;
import org.jointcall.contracts.v1.ReviewResult;
import org.jointcall.contracts.v1.TrackRecord;

/**
 * The part of the canonical contract an XSD cannot say: check digits (ORCID, ROR), real ISO 4217
 * currencies and their minor units, each agency's own proposal-id format, dates in order, the body
 * matching the declared kind, and that nothing not shareable is in a record sent to all agencies.
 * Runs on every message the codec reads or writes, after schema validation, and reports every
 * violation with its field path rather than stopping at the first.
 */
public final class CanonicalContentRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LocalProposalIdFormats formats;

    public CanonicalContentRules() {
        this(LocalProposalIdFormats.known());
    }

    public CanonicalContentRules(LocalProposalIdFormats formats) {
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** Every violation in a schema-valid message, in document order; empty when the message is fine. */
    public List<ContractViolation> check(CanonicalMessage message) {
        Findings findings = new Findings();
        AgencyId sender = findings.value("sender", () -> AgencyId.of(message.getSender()));
        checkKind(message, findings);
        if (message.getProposalPart() != null && sender != null) {
            checkPart("proposalPart", sender, message.getProposalPart(), findings);
        }
        if (message.getReviewResult() != null && sender != null) {
            checkReview("reviewResult", sender, message.getReviewResult(), findings);
        }
        if (message.getFundingDecision() != null && sender != null) {
            checkDecision("fundingDecision", sender, message.getFundingDecision(), findings);
        }
        if (message.getJointProposalRecord() != null) {
            checkRecord("jointProposalRecord", message.getJointProposalRecord(), findings);
        }
        if (message.getJointOutcomeNotice() != null) {
            checkNotice("jointOutcomeNotice", message.getJointOutcomeNotice(), findings);
        }
        return findings.violations;
    }

    /** Every violation in a schema-valid call definition. */
    public List<ContractViolation> check(JointCall call) {
        Findings findings = new Findings();
        Set<AgencyId> participants = new TreeSet<>();
        boolean anyRequired = false;
        for (int i = 0; i < call.getParticipants().size(); i++) {
            Participation participation = call.getParticipants().get(i);
            String path = "participant[" + i + "]";
            AgencyId agency = findings.value(path + ".agency", () -> AgencyId.of(participation.getAgency()));
            if (agency != null && !participants.add(agency)) {
                findings.add(path + ".agency", agency + " takes part only once in a call");
            }
            boolean required = Boolean.TRUE.equals(participation.isRequired());
            boolean selfFunded = Boolean.TRUE.equals(participation.isSelfFunded());
            if (required && selfFunded) {
                findings.add(path + ".required", "a self-funded partner has no track and no veto, so it cannot be required");
            }
            anyRequired |= required;
            if (participation.getLocalProposalIdPattern() != null && agency != null) {
                findings.value(path + ".localProposalIdPattern", () -> formats.with(agency, participation.getLocalProposalIdPattern()));
            }
        }
        if (!anyRequired) {
            findings.add("participant", "at least one participating agency must be required");
        }
        if (call.getLeadAgency() != null && participants.stream().noneMatch(a -> a.code().equals(call.getLeadAgency()))) {
            findings.add("leadAgency", "lead agency " + call.getLeadAgency() + " is not among the participants " + participants);
        }
        checkDeadlines(call.getDeadlines(), findings);
        for (int i = 0; i < call.getBudgetCaps().size(); i++) {
            BudgetCap cap = call.getBudgetCaps().get(i);
            String path = "budgetCap[" + i + "]";
            if (participants.stream().noneMatch(a -> a.code().equals(cap.getAgency()))) {
                findings.add(path + ".agency", "budget cap for " + cap.getAgency() + ", which does not take part in the call");
            }
            Currency currency = findings.value(path + ".currency", () -> Money.currency(cap.getCurrency()));
            if (currency != null) {
                findings.money(path + ".maxDirect", cap.getMaxDirect(), currency);
                findings.money(path + ".maxTotal", cap.getMaxTotal(), currency);
            }
        }
        return findings.violations;
    }

    private static void checkKind(CanonicalMessage message, Findings findings) {
        MessageKind kind = message.getKind();
        String body = bodyName(message);
        String expected = kind == null ? null : expectedBody(kind);
        if (expected != null && body != null && !expected.equals(body)) {
            findings.add("kind", "a " + kind + " message carries a " + expected + " body, but this one carries " + body);
        }
        boolean gatewayMessage = kind == MessageKind.JOINT_PROPOSAL_RECORD || kind == MessageKind.JOINT_OUTCOME_NOTICE;
        if (gatewayMessage && message.getJointProposalId() == null) {
            findings.add("jointProposalId", "a " + kind + " is about a joint proposal the gateway knows, so it names its jointProposalId");
        }
    }

    private static String expectedBody(MessageKind kind) {
        switch (kind) {
            case PROPOSAL_PART: return "proposalPart";
            case REVIEW_RESULT: return "reviewResult";
            case FUNDING_DECISION: return "fundingDecision";
            case JOINT_PROPOSAL_RECORD: return "jointProposalRecord";
            case JOINT_OUTCOME_NOTICE: return "jointOutcomeNotice";
            default: throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private static String bodyName(CanonicalMessage message) {
        if (message.getProposalPart() != null) {
            return "proposalPart";
        }
        if (message.getReviewResult() != null) {
            return "reviewResult";
        }
        if (message.getFundingDecision() != null) {
            return "fundingDecision";
        }
        if (message.getJointProposalRecord() != null) {
            return "jointProposalRecord";
        }
        return message.getJointOutcomeNotice() != null ? "jointOutcomeNotice" : null;
    }

    private void checkPart(String path, AgencyId agency, ProposalPart part, Findings findings) {
        findings.value(path + ".localProposalId", () -> formats.check(agency, part.getLocalProposalId()));
        if (part.getPreviousProposalId() != null) {
            findings.value(path + ".previousProposalId", () -> formats.check(agency, part.getPreviousProposalId()));
        }
        long pis = part.getPersons().stream().filter(p -> p.getRole() == PersonRole.PI).count();
        if (pis != 1) {
            findings.add(path + ".person", "a proposal part names exactly one PI, found " + pis);
        }
        for (int i = 0; i < part.getPersons().size(); i++) {
            checkPerson(path + ".person[" + i + "]", part.getPersons().get(i), findings);
        }
        if (part.getBudget() != null) {
            checkBudget(path + ".budget", part.getBudget(), findings);
        }
        for (int i = 0; i < part.getYoungResearcherDispatches().size(); i++) {
            checkDispatch(path + ".youngResearcherDispatch[" + i + "]", part.getYoungResearcherDispatches().get(i), findings);
        }
    }

    private static void checkPerson(String path, Person person, Findings findings) {
        if (person.getOrcid() != null) {
            findings.value(path + ".orcid", () -> Orcid.of(person.getOrcid()));
        }
        checkAffiliation(path + ".affiliation", person.getAffiliation(), findings);
        if (person.getResearcherNumber() != null && ERadNumber.SCHEME.equals(person.getResearcherNumber().getScheme())) {
            findings.value(path + ".researcherNumber", () -> ERadNumber.of(person.getResearcherNumber().getValue()));
        }
    }

    private static void checkAffiliation(String path, Affiliation affiliation, Findings findings) {
        if (affiliation != null && affiliation.getRor() != null) {
            findings.value(path + ".ror", () -> RorId.of(affiliation.getRor()));
        }
    }

    private static void checkBudget(String path, Budget budget, Findings findings) {
        Currency currency = findings.value(path + ".currency", () -> Money.currency(budget.getCurrency()));
        if (currency != null) {
            findings.money(path + ".requestedDirect", budget.getRequestedDirect(), currency);
            findings.money(path + ".requestedIndirect", budget.getRequestedIndirect(), currency);
            findings.money(path + ".approvedAmount", budget.getApprovedAmount(), currency);
            findings.money(path + ".plannedNetworkAndCirculation", budget.getPlannedNetworkAndCirculation(), currency);
        }
        BigDecimal planned = budget.getPlannedNetworkAndCirculation();
        if (planned != null && budget.getRequestedDirect() != null && planned.compareTo(budget.getRequestedDirect()) > 0) {
            findings.add(path + ".plannedNetworkAndCirculation", "planned " + planned.toPlainString()
                    + " for network and circulation exceeds the requested direct costs " + budget.getRequestedDirect().toPlainString());
        }
        findings.period(path, budget.getStart(), budget.getEnd());
    }

    private static void checkDispatch(String path, DispatchPlan dispatch, Findings findings) {
        if (dispatch.getOrcid() != null) {
            findings.value(path + ".orcid", () -> Orcid.of(dispatch.getOrcid()));
        }
        if (dispatch.getDestinationCountry() != null && !COUNTRIES.contains(dispatch.getDestinationCountry())) {
            findings.add(path + ".destinationCountry", "'" + dispatch.getDestinationCountry()
                    + "' is not an ISO 3166-1 alpha-2 country code, e.g. GB, US, DE");
        }
        checkAffiliation(path + ".host", dispatch.getHost(), findings);
        findings.period(path, dispatch.getStart(), dispatch.getEnd());
    }

    private void checkReview(String path, AgencyId agency, ReviewResult review, Findings findings) {
        findings.value(path + ".localProposalId", () -> formats.check(agency, review.getLocalProposalId()));
        NativeScale.byCode(review.getNativeScale()).ifPresent(scale -> {
            if (!scale.accepts(review.getNativeScore())) {
                findings.add(path + ".nativeScore", "'" + review.getNativeScore() + "' is not a score on "
                        + review.getNativeScale() + "; expected " + scale.expected());
            }
        });
    }

    private void checkDecision(String path, AgencyId agency, FundingDecision decision, Findings findings) {
        findings.value(path + ".localProposalId", () -> formats.check(agency, decision.getLocalProposalId()));
        checkAmount(path + ".amount", decision.getAmount(), findings);
        if (decision.getOutcome() == FundingOutcome.APPROVED_PARTIAL && decision.getAmount() == null) {
            findings.add(path + ".amount", "an APPROVED_PARTIAL decision states the approved amount");
        }
    }

    private static void checkAmount(String path, MonetaryAmount amount, Findings findings) {
        if (amount == null) {
            return;
        }
        Currency currency = findings.value(path + ".currency", () -> Money.currency(amount.getCurrency()));
        if (currency != null) {
            findings.money(path, amount.getValue(), currency);
        }
    }

    private void checkRecord(String path, JointProposalRecord record, Findings findings) {
        Set<AgencyId> agencies = new HashSet<>();
        for (int i = 0; i < record.getTracks().size(); i++) {
            TrackRecord track = record.getTracks().get(i);
            String trackPath = path + ".track[" + i + "]";
            AgencyId agency = findings.value(trackPath + ".agency", () -> AgencyId.of(track.getAgency()));
            if (agency == null) {
                continue;
            }
            if (!agencies.add(agency)) {
                findings.add(trackPath + ".agency", agency + " has only one track in a joint proposal");
            }
            if (track.getPart() != null) {
                checkPart(trackPath + ".part", agency, track.getPart(), findings);
            }
            for (int r = 0; r < track.getReviews().size(); r++) {
                ReviewResult review = track.getReviews().get(r);
                String reviewPath = trackPath + ".review[" + r + "]";
                if (!Boolean.TRUE.equals(review.isShareable())) {
                    findings.add(reviewPath + ".shareable", "a review " + agency + " did not mark shareable never leaves " + agency);
                }
                checkReview(reviewPath, agency, review, findings);
            }
            if (track.getDecision() != null) {
                checkDecision(trackPath + ".decision", agency, track.getDecision(), findings);
            }
        }
    }

    private static void checkNotice(String path, JointOutcomeNotice notice, Findings findings) {
        if (notice.getDecidingAgency() != null) {
            findings.value(path + ".decidingAgency", () -> AgencyId.of(notice.getDecidingAgency()));
        }
        if (notice.getOutcome() == JointStatus.REJECTED && (notice.getDecidingAgency() == null || notice.getReason() == null)) {
            findings.add(path + ".decidingAgency", "a REJECTED outcome names the deciding agency and its reason");
        }
    }

    private static void checkDeadlines(CallDeadlines deadlines, Findings findings) {
        if (deadlines == null) {
            return;
        }
        findings.order("deadlines.parallelSubmissionCloses", deadlines.getParallelSubmissionOpens(), deadlines.getParallelSubmissionCloses(),
                "parallelSubmissionOpens");
        findings.order("deadlines.review", deadlines.getSubmission(), deadlines.getReview(), "submission");
        findings.order("deadlines.review", deadlines.getParallelSubmissionCloses(), deadlines.getReview(), "parallelSubmissionCloses");
        findings.order("deadlines.decision", deadlines.getReview(), deadlines.getDecision(), "review");
    }

    /** Collects violations with their full paths instead of stopping at the first. */
    private static final class Findings {
        final List<ContractViolation> violations = new ArrayList<>();

        void add(String path, String reason) {
            violations.add(new ContractViolation(path, reason));
        }

        <T> T value(String path, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (ContractViolation violation) {
                violations.add(violation.at(path));
                return null;
            }
        }

        void money(String path, BigDecimal amount, Currency currency) {
            if (amount != null) {
                value(path, () -> Money.of(amount, currency));
            }
        }

        void period(String path, LocalDate start, LocalDate end) {
            if (start != null && end != null && end.isBefore(start)) {
                add(path + ".end", "ends " + end + ", before it starts " + start);
            }
        }

        void order(String path, OffsetDateTime earlier, OffsetDateTime later, String earlierName) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                add(path, later + " is before " + earlierName + " " + earlier);
            }
        }
    }
}
