package org.jointcall.contracts.call;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.Money;
import org.jointcall.contracts.v1.AspireScheme;
import org.jointcall.contracts.v1.BudgetCap;
import org.jointcall.contracts.v1.DecisionMode;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.ResearchField;
import org.jointcall.contracts.validation.CanonicalContentRules;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * What the joint-call rules need to know about a call, read once from its canonical definition
 * and checked: who takes part and with what veto, the deadlines that make parts missing and tracks
 * lapse, the ASPIRE scheme and each agency's budget cap. The canonical {@link JointCall} stays the
 * document; this is the checked, immutable view the domain works with.
 */
public final class CallTerms {

    /** One agency's cap: direct costs and, if the call says so, direct plus indirect. */
    public record AgencyCap(AgencyId agency, Money maxDirect, Optional<Money> maxTotal) {
        public AgencyCap {
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(maxDirect, "maxDirect");
            Objects.requireNonNull(maxTotal, "maxTotal");
        }
    }

    private final String callId;
    private final String programme;
    private final ResearchField field;
    private final Optional<AspireScheme> scheme;
    private final DecisionMode decisionMode;
    private final Optional<AgencyId> leadAgency;
    private final SortedMap<AgencyId, AgencyParticipation> participants;
    private final OffsetDateTime submissionDeadline;
    private final OffsetDateTime parallelSubmissionCloses;
    private final OffsetDateTime decisionDeadline;
    private final Map<AgencyId, AgencyCap> caps;

    private CallTerms(JointCall call) {
        this.callId = call.getCallId();
        this.programme = call.getProgramme();
        this.field = call.getField();
        this.scheme = Optional.ofNullable(call.getScheme());
        this.decisionMode = call.getDecisionMode();
        this.leadAgency = Optional.ofNullable(call.getLeadAgency()).map(AgencyId::of);
        SortedMap<AgencyId, AgencyParticipation> byAgency = new TreeMap<>();
        call.getParticipants().forEach(p -> byAgency.put(AgencyId.of(p.getAgency()), new AgencyParticipation(
                AgencyId.of(p.getAgency()), Boolean.TRUE.equals(p.isRequired()), Boolean.TRUE.equals(p.isSelfFunded()))));
        this.participants = Collections.unmodifiableSortedMap(byAgency);
        this.submissionDeadline = call.getDeadlines().getSubmission();
        this.parallelSubmissionCloses = call.getDeadlines().getParallelSubmissionCloses();
        this.decisionDeadline = call.getDeadlines().getDecision();
        this.caps = call.getBudgetCaps().stream()
                .map(CallTerms::cap)
                .collect(Collectors.toUnmodifiableMap(AgencyCap::agency, Function.identity()));
    }

    private static AgencyCap cap(BudgetCap cap) {
        String currency = cap.getCurrency();
        return new AgencyCap(AgencyId.of(cap.getAgency()), Money.of(cap.getMaxDirect(), currency),
                Optional.ofNullable(cap.getMaxTotal()).map(total -> Money.of(total, currency)));
    }

    /**
     * @throws ContractViolation naming the first wrong field if the definition breaks the contract
     *     (the codec has already refused such a document; this guards definitions built in code)
     */
    public static CallTerms of(JointCall call) {
        Objects.requireNonNull(call, "call");
        List<ContractViolation> violations = new CanonicalContentRules().check(call);
        if (!violations.isEmpty()) {
            throw violations.get(0);
        }
        require(call.getCallId(), "callId");
        require(call.getField(), "field");
        require(call.getDecisionMode(), "decisionMode");
        require(call.getDeadlines(), "deadlines");
        return new CallTerms(call);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ContractViolation(field, "a joint call states its " + field);
        }
    }

    public String callId() {
        return callId;
    }

    public String programme() {
        return programme;
    }

    public ResearchField field() {
        return field;
    }

    public Optional<AspireScheme> scheme() {
        return scheme;
    }

    public DecisionMode decisionMode() {
        return decisionMode;
    }

    public Optional<AgencyId> leadAgency() {
        return leadAgency;
    }

    /** The participating agencies in code order. */
    public SortedMap<AgencyId, AgencyParticipation> participants() {
        return participants;
    }

    public Optional<AgencyParticipation> participation(AgencyId agency) {
        return Optional.ofNullable(participants.get(agency));
    }

    public OffsetDateTime submissionDeadline() {
        return submissionDeadline;
    }

    /** A track still waiting for its agency's part after this instant becomes INELIGIBLE. */
    public OffsetDateTime parallelSubmissionCloses() {
        return parallelSubmissionCloses;
    }

    /** An undecided track lapses after this instant unless its deadline was extended. */
    public OffsetDateTime decisionDeadline() {
        return decisionDeadline;
    }

    public Optional<AgencyCap> cap(AgencyId agency) {
        return Optional.ofNullable(caps.get(agency));
    }

    /** Since 2025, quantum and semiconductor proposals pass a research-security step. */
    public boolean requiresResearchSecurity() {
        return field == ResearchField.QUANTUM || field == ResearchField.SEMICONDUCTORS;
    }

    @Override
    public String toString() {
        return "CallTerms[" + callId + ", " + participants.keySet() + "]";
    }
}
