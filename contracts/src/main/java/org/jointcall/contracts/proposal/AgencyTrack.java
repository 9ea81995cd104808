package org.jointcall.contracts.proposal;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;

/**
 * One agency's part of a joint proposal as that agency's own process sees it: submitted, reviewed,
 * decided on that agency's terms. Immutable: every change gives a new track, so the aggregate can
 * compare before and after and a persisted track can be restored exactly.
 *
 * <p>The agency's sequence number is what orders its reports; {@link #apply(TrackEvent)} ignores
 * anything not newer than the last report applied and refuses, with from/to state and agency, any
 * report {@link TrackLifecycle} does not allow. Everything a report sets (state, reason, time) comes
 * from that one report, so the track after the newest report is the same whatever order the older
 * ones arrived in.
 */
public final class AgencyTrack {

    /** The sequence of a track no report has reached yet. */
    public static final long NO_SEQUENCE = -1;

    /** The result of offering a report to a track: what happened, and the track afterwards. */
    public record Transition(EventResult result, AgencyTrack track) {
    }

    private final AgencyId agency;
    private final TrackRole role;
    private final boolean required;
    private final TrackState state;
    private final long lastSequence;
    private final String stateReason;
    private final OffsetDateTime updatedAt;
    private final OffsetDateTime extendedDecisionDeadline;

    private AgencyTrack(AgencyId agency, TrackRole role, boolean required, TrackState state, long lastSequence,
            String stateReason, OffsetDateTime updatedAt, OffsetDateTime extendedDecisionDeadline) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.role = Objects.requireNonNull(role, "role");
        this.required = required;
        this.state = Objects.requireNonNull(state, "state");
        if (lastSequence < NO_SEQUENCE) {
            throw new IllegalArgumentException(agency + " track: last sequence " + lastSequence + " is below " + NO_SEQUENCE);
        }
        this.lastSequence = lastSequence;
        this.stateReason = stateReason;
        this.updatedAt = updatedAt;
        this.extendedDecisionDeadline = extendedDecisionDeadline;
    }

    /** A new track waiting for the agency's part. */
    public static AgencyTrack expected(AgencyId agency, TrackRole role, boolean required) {
        return new AgencyTrack(agency, role, required, TrackState.EXPECTED, NO_SEQUENCE, null, null, null);
    }

    /** A track exactly as it was persisted; nullable: stateReason, updatedAt, extendedDecisionDeadline. */
    public static AgencyTrack restore(AgencyId agency, TrackRole role, boolean required, TrackState state, long lastSequence,
            String stateReason, OffsetDateTime updatedAt, OffsetDateTime extendedDecisionDeadline) {
        return new AgencyTrack(agency, role, required, state, lastSequence, stateReason, updatedAt, extendedDecisionDeadline);
    }

    /**
     * Offers the agency's report to this track.
     *
     * @throws IllegalTrackTransition if the report is newer but its state cannot follow the current one
     * @throws IllegalArgumentException if the report is another agency's
     */
    public Transition apply(TrackEvent event) {
        if (!event.agency().equals(agency)) {
            throw new IllegalArgumentException("a report of " + event.agency() + " offered to the track of " + agency);
        }
        if (event.sequence() < lastSequence) {
            return new Transition(EventResult.STALE, this);
        }
        if (event.sequence() == lastSequence) {
            return new Transition(event.state() == state ? EventResult.DUPLICATE : EventResult.CONFLICTING, this);
        }
        TrackState to = event.state();
        if (TrackLifecycle.isGatewayOnly(to)) {
            throw new IllegalTrackTransition(agency, state, to, to + " is set only by the gateway, never reported by an agency");
        }
        if (to != state && TrackLifecycle.isTerminal(state)) {
            // Only a negative end that rejected the joint proposal can be reopened (JointProposal.reopen): say so only then.
            throw new IllegalTrackTransition(agency, state, to, state + " is final" + (TrackLifecycle.isNegativeTerminal(state)
                    ? "; if it rejected the joint proposal, a console administrator can reopen it" : ""));
        }
        if (!TrackLifecycle.canReport(state, to)) {
            throw new IllegalTrackTransition(agency, state, to, to + " does not follow " + state
                    + " (next would be one of " + TrackLifecycle.next(state) + ")");
        }
        return new Transition(EventResult.APPLIED, new AgencyTrack(agency, role, required, to, event.sequence(),
                event.reason(), event.occurredAt(), extendedDecisionDeadline));
    }

    /** The gateway's own change (part missing, deadline passed, coordinator reopen): no agency sequence is consumed. */
    AgencyTrack movedByGateway(TrackState to, String reason, OffsetDateTime at) {
        return new AgencyTrack(agency, role, required, to, lastSequence, reason, at, extendedDecisionDeadline);
    }

    AgencyTrack withDecisionDeadline(OffsetDateTime deadline) {
        return new AgencyTrack(agency, role, required, state, lastSequence, stateReason, updatedAt, deadline);
    }

    /** The decision deadline that applies to this track: its extension if it has one, else the call's. */
    public OffsetDateTime decisionDeadline(OffsetDateTime callDeadline) {
        return extendedDecisionDeadline != null ? extendedDecisionDeadline : callDeadline;
    }

    /** The track as the joint proposal record shows it to every agency (parts, reviews and decisions are added by the caller). */
    public TrackRecord toTrackRecord() {
        TrackRecord record = new TrackRecord();
        record.setAgency(agency.code());
        record.setRole(role);
        record.setRequired(required);
        record.setState(state);
        record.setStateReason(stateReason == null || stateReason.isEmpty() ? null : stateReason);
        return record;
    }

    public AgencyId agency() {
        return agency;
    }

    public TrackRole role() {
        return role;
    }

    /** A required track's negative end rejects the joint proposal. */
    public boolean required() {
        return required;
    }

    public TrackState state() {
        return state;
    }

    /** The highest agency sequence applied, or {@link #NO_SEQUENCE}. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The reason given with the latest applied report or gateway change, if any. */
    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    /** When the latest applied report was made, or the gateway last changed the track. */
    public Optional<OffsetDateTime> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    public Optional<OffsetDateTime> extendedDecisionDeadline() {
        return Optional.ofNullable(extendedDecisionDeadline);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AgencyTrack)) {
            return false;
        }
        AgencyTrack that = (AgencyTrack) other;
        return agency.equals(that.agency) && role == that.role && required == that.required && state == that.state
                && lastSequence == that.lastSequence && Objects.equals(stateReason, that.stateReason)
                && Objects.equals(updatedAt, that.updatedAt) && Objects.equals(extendedDecisionDeadline, that.extendedDecisionDeadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agency, role, required, state, lastSequence, stateReason, updatedAt, extendedDecisionDeadline);
    }

    @Override
    public String toString() {
        return agency + (required ? "" : " (no veto)") + " " + state + " @" + lastSequence
                + (stateReason == null ? "" : " — " + stateReason);
    }
}
