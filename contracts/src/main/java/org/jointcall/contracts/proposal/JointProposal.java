package org.jointcall.contracts.proposal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jointcall.contracts.call.AgencyParticipation;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.outcome.JointOutcomePolicy;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * One research project proposed jointly to several agencies in one call.
 *
 * <p><b>Its life.</b> It is {@linkplain #open opened} when the first agency's part of a new joint
 * reference arrives: the gateway gives it a UUID and one {@link AgencyTrack} per agency that funds a
 * part (self-funded partners get none and have no veto), each track EXPECTED until that agency's
 * part arrives. From then on each agency reports on its own track, in its own time and possibly out
 * of order or twice; {@link #apply} uses the agency's sequence number to ignore what is stale or
 * repeated and refuses what the track's life does not allow. After every change the joint outcome
 * is recomputed by {@link JointOutcomePolicy}: one required agency's negative end rejects the whole
 * proposal, which the caller then tells every other agency so they stop spending review effort.
 * The gateway's {@linkplain #sweepDeadlines deadline sweep} makes a part that never arrived within
 * the parallel-submission window INELIGIBLE and lapses tracks still undecided after the decision
 * deadline (unless a coordinator {@linkplain #extendDecisionDeadline extended} it).
 *
 * <p><b>Its end.</b> It ends AWARDED when every required agency has awarded its part, or REJECTED.
 * A rejection is final: agencies cannot undo it; only a coordinator can {@linkplain #reopen reopen}
 * the rejecting track (say, after a successful appeal), and that is recorded in the audit trail with
 * who, when and why. Quantum and semiconductor proposals also carry a research-security status for
 * coordinators, which never appears in anything sent to partner agencies.
 *
 * <p>Not thread-safe: load, change and store it under the persistence layer's optimistic lock.
 */
public final class JointProposal {

    /** What one report or sweep did to the proposal: the result, the track afterwards, and the joint outcome before and after. */
    public record Change(EventResult result, AgencyTrack track, JointOutcome before, JointOutcome after) {
        /** Whether every agency must now be told a new joint outcome. */
        public boolean outcomeChanged() {
            return !before.equals(after);
        }
    }

    private final UUID id;
    private final String callId;
    private final String jointReference;
    private final SortedMap<AgencyId, AgencyTrack> tracks;
    private final Set<AgencyId> selfFundedPartners;
    private final List<AuditEntry> audit;
    private ResearchSecurityStatus researchSecurity;

    private JointProposal(UUID id, String callId, String jointReference, Collection<AgencyTrack> tracks,
            Collection<AgencyId> selfFundedPartners, List<AuditEntry> audit, ResearchSecurityStatus researchSecurity) {
        this.id = Objects.requireNonNull(id, "id");
        this.callId = Objects.requireNonNull(callId, "callId");
        this.jointReference = Objects.requireNonNull(jointReference, "jointReference");
        this.tracks = new TreeMap<>();
        for (AgencyTrack track : tracks) {
            if (this.tracks.put(track.agency(), track) != null) {
                throw new IllegalArgumentException("joint proposal " + id + " has two tracks for " + track.agency());
            }
        }
        if (this.tracks.values().stream().noneMatch(AgencyTrack::required)) {
            throw new IllegalArgumentException("joint proposal " + id + " needs at least one required track");
        }
        this.selfFundedPartners = new TreeSet<>(selfFundedPartners);
        this.audit = new ArrayList<>(audit);
        this.researchSecurity = Objects.requireNonNull(researchSecurity, "researchSecurity");
    }

    /** A new joint proposal in {@code call}: one EXPECTED track per agency that funds a part. */
    public static JointProposal open(UUID id, CallTerms call, String jointReference) {
        List<AgencyTrack> tracks = new ArrayList<>();
        List<AgencyId> selfFunded = new ArrayList<>();
        for (AgencyParticipation participation : call.participants().values()) {
            if (participation.hasTrack()) {
                TrackRole role = call.leadAgency().filter(participation.agency()::equals).isPresent() ? TrackRole.LEAD : TrackRole.PARTNER;
                tracks.add(AgencyTrack.expected(participation.agency(), role, participation.required()));
            } else {
                selfFunded.add(participation.agency());
            }
        }
        ResearchSecurityStatus security = call.requiresResearchSecurity()
                ? ResearchSecurityStatus.AWAITING_INFORMATION : ResearchSecurityStatus.NOT_REQUIRED;
        return new JointProposal(id, call.callId(), jointReference, tracks, selfFunded, List.of(), security);
    }

    /** A joint proposal exactly as it was persisted. */
    public static JointProposal restore(UUID id, String callId, String jointReference, Collection<AgencyTrack> tracks,
            Collection<AgencyId> selfFundedPartners, List<AuditEntry> audit, ResearchSecurityStatus researchSecurity) {
        return new JointProposal(id, callId, jointReference, tracks, selfFundedPartners, audit, researchSecurity);
    }

    /**
     * Applies one agency's report. Stale, repeated and conflicting reports change nothing and say so
     * in the result; a self-funded partner's report has no track to change.
     *
     * @throws IllegalTrackTransition if the report's state cannot follow the track's current state
     * @throws ContractViolation on field {@code sender} if the agency does not take part in the call
     */
    public Change apply(TrackEvent event) {
        JointOutcome before = outcome();
        AgencyTrack track = tracks.get(event.agency());
        if (track == null) {
            if (selfFundedPartners.contains(event.agency())) {
                return new Change(EventResult.NO_TRACK, null, before, before);
            }
            throw new ContractViolation("sender", event.agency() + " does not take part in call " + callId
                    + " (participants: " + tracks.keySet() + (selfFundedPartners.isEmpty() ? "" : ", self-funded " + selfFundedPartners) + ")");
        }
        AgencyTrack.Transition transition = track.apply(event);
        tracks.put(event.agency(), transition.track());
        return new Change(transition.result(), transition.track(), before, outcome());
    }

    /**
     * The gateway's deadline sweep at {@code now}: a track still EXPECTED after the call's
     * parallel-submission window becomes INELIGIBLE (its part never arrived), and a submitted track
     * still undecided after its decision deadline becomes LAPSED. Each change is audited.
     *
     * @return the changes made, in agency order; empty if nothing was due
     */
    public List<Change> sweepDeadlines(CallTerms call, OffsetDateTime now) {
        if (!call.callId().equals(callId)) {
            throw new IllegalArgumentException("joint proposal " + id + " belongs to call " + callId + ", not " + call.callId());
        }
        List<Change> changes = new ArrayList<>();
        for (AgencyTrack track : List.copyOf(tracks.values())) {
            if (track.state() == TrackState.EXPECTED && now.isAfter(call.parallelSubmissionCloses())) {
                String reason = "part not received by the end of the parallel-submission window " + call.parallelSubmissionCloses();
                changes.add(moveByGateway(track, TrackState.INELIGIBLE, reason, now, AuditEntry.Action.PART_MISSING));
            } else if (TrackLifecycle.isUndecided(track.state()) && now.isAfter(track.decisionDeadline(call.decisionDeadline()))) {
                String reason = "no decision by the deadline " + track.decisionDeadline(call.decisionDeadline());
                changes.add(moveByGateway(track, TrackState.LAPSED, reason, now, AuditEntry.Action.LAPSED));
            }
        }
        return changes;
    }

    private Change moveByGateway(AgencyTrack track, TrackState to, String reason, OffsetDateTime at, AuditEntry.Action action) {
        JointOutcome before = outcome();
        AgencyTrack moved = track.movedByGateway(to, reason, at);
        tracks.put(track.agency(), moved);
        audit.add(new AuditEntry(at, AuditEntry.GATEWAY, action, track.agency(), track.state() + " → " + to + ": " + reason));
        return new Change(EventResult.APPLIED, moved, before, outcome());
    }

    /**
     * A coordinator gives one agency more time to decide; the track will not lapse before {@code newDeadline}.
     *
     * @throws ContractViolation if the agency has no track, or its track has a decision already (only a track still
     *     expected or undecided has a deadline that matters)
     */
    public AuditEntry extendDecisionDeadline(AgencyId agency, OffsetDateTime newDeadline, String coordinator, OffsetDateTime at, String why) {
        AgencyTrack track = trackOf(agency);
        if (!TrackLifecycle.isUndecided(track.state()) && track.state() != TrackState.EXPECTED) {
            throw new ContractViolation("track[" + agency + "].decisionDeadline", agency + " track is already " + track.state()
                    + "; only a track still waiting for its decision has a deadline to extend"
                    + (TrackLifecycle.isNegativeTerminal(track.state()) ? " (reopen it first)" : ""));
        }
        AuditEntry entry = new AuditEntry(at, coordinator, AuditEntry.Action.DECISION_DEADLINE_EXTENDED, agency,
                "decision deadline extended to " + newDeadline + ": " + why);
        tracks.put(agency, track.withDecisionDeadline(Objects.requireNonNull(newDeadline, "newDeadline")));
        audit.add(entry);
        return entry;
    }

    /**
     * A coordinator reopens a rejected joint proposal by putting the rejecting agency's track back
     * into an open state (for example AWAITING_DECISION after a successful appeal). The only way a
     * REJECTED outcome ever changes; audited with who, when and why.
     *
     * @throws ContractViolation if the proposal is not rejected, the track has not ended negatively,
     *     or {@code restoreTo} is not an open state
     */
    public AuditEntry reopen(AgencyId agency, TrackState restoreTo, String coordinator, OffsetDateTime at, String why) {
        AgencyTrack track = trackOf(agency);
        String field = "track[" + agency + "].state";
        if (outcome().status() != JointStatus.REJECTED) {
            throw new ContractViolation(field, "joint proposal " + id + " is " + outcome().status() + ", not REJECTED; only a rejection is reopened");
        }
        if (!TrackLifecycle.isNegativeTerminal(track.state())) {
            throw new ContractViolation(field, agency + " track is " + track.state() + ", it did not reject the proposal");
        }
        if (TrackLifecycle.isTerminal(restoreTo)) {
            throw new ContractViolation(field, "a reopened track goes back to an open state, not " + restoreTo);
        }
        AuditEntry entry = new AuditEntry(at, coordinator, AuditEntry.Action.REOPENED, agency,
                track.state() + " → " + restoreTo + ": " + why);
        tracks.put(agency, track.movedByGateway(restoreTo, "reopened by " + coordinator + ": " + why, at));
        audit.add(entry);
        return entry;
    }

    /** A coordinator records progress of the research-security step; audited. */
    public AuditEntry recordResearchSecurity(ResearchSecurityStatus status, String coordinator, OffsetDateTime at, String note) {
        AuditEntry entry = new AuditEntry(at, coordinator, AuditEntry.Action.RESEARCH_SECURITY_UPDATED, null,
                researchSecurity + " → " + status + ": " + note);
        researchSecurity = Objects.requireNonNull(status, "status");
        audit.add(entry);
        return entry;
    }

    private AgencyTrack trackOf(AgencyId agency) {
        AgencyTrack track = tracks.get(agency);
        if (track == null) {
            throw new ContractViolation("track[" + agency + "]", agency + " has no track in joint proposal " + id);
        }
        return track;
    }

    /** The joint outcome now, by {@link JointOutcomePolicy}. */
    public JointOutcome outcome() {
        return JointOutcomePolicy.outcomeOf(tracks.values());
    }

    public UUID id() {
        return id;
    }

    public String callId() {
        return callId;
    }

    public String jointReference() {
        return jointReference;
    }

    /** The tracks by agency, in agency code order. */
    public Map<AgencyId, AgencyTrack> tracks() {
        return Collections.unmodifiableMap(tracks);
    }

    public Optional<AgencyTrack> track(AgencyId agency) {
        return Optional.ofNullable(tracks.get(agency));
    }

    public Set<AgencyId> selfFundedPartners() {
        return Collections.unmodifiableSet(selfFundedPartners);
    }

    /** Coordinator and gateway changes, oldest first. */
    public List<AuditEntry> audit() {
        return Collections.unmodifiableList(audit);
    }

    /** For coordinators only; never put into a message to a partner agency. */
    public ResearchSecurityStatus researchSecurity() {
        return researchSecurity;
    }

    @Override
    public String toString() {
        return "JointProposal[" + id + ", " + jointReference + ", " + outcome().status() + ", " + tracks.values() + "]";
    }
}
