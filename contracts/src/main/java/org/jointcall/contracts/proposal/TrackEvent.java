package org.jointcall.contracts.proposal;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.contracts.decision.FundingOutcomes;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.review.Recommendations;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.TrackState;

/**
 * An agency's report that its part of a joint proposal is now in some state, stamped with the
 * agency's own sequence number for the proposal. The sequence, not the arrival order, decides which
 * report is newer: the network and the agencies' systems may reorder and repeat messages.
 *
 * @param agency the reporting agency
 * @param sequence the agency's own version of the proposal (0 or more); a report whose sequence is
 *     not above the last one applied is stale or a repeat and changes nothing
 * @param state the state the agency reports
 * @param reason why, when the agency says (e.g. the reason of a decline); may be null
 * @param occurredAt when the agency decided or sent it
 */
public record TrackEvent(AgencyId agency, long sequence, TrackState state, String reason, OffsetDateTime occurredAt) {

    public TrackEvent {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 0) {
            throw new IllegalArgumentException("agency sequence " + sequence + " of " + agency + " is negative");
        }
    }

    /**
     * The track event of a message an agency sent: the kinds the gateway itself sends to agencies (the joint
     * proposal record, the joint outcome notice) are not the agencies' to send.
     *
     * @throws ContractViolation on field {@code kind} for a record or notice
     */
    public static TrackEvent reportedBy(CanonicalMessage message) {
        return from(message).orElseThrow(() -> new ContractViolation("kind", message.getKind() + " is sent by the gateway to"
                + " agencies; an agency sends PROPOSAL_PART, REVIEW_RESULT or FUNDING_DECISION"));
    }

    /**
     * The track event a canonical message from an agency stands for: a proposal part is SUBMITTED, a
     * review result its recommendation (or UNDER_REVIEW without one), a funding decision its outcome.
     * Records and notices come from the gateway and stand for no event.
     */
    public static Optional<TrackEvent> from(CanonicalMessage message) {
        AgencyId agency = AgencyId.of(message.getSender());
        long sequence = message.getAgencySequence();
        OffsetDateTime sentAt = message.getSentAt();
        switch (message.getKind()) {
            case PROPOSAL_PART:
                return Optional.of(new TrackEvent(agency, sequence, TrackState.SUBMITTED, null, sentAt));
            case REVIEW_RESULT:
                return Optional.of(new TrackEvent(agency, sequence,
                        Recommendations.trackStateOf(message.getReviewResult().getRecommendation()), null,
                        Optional.ofNullable(message.getReviewResult().getReviewedAt()).orElse(sentAt)));
            case FUNDING_DECISION:
                return Optional.of(new TrackEvent(agency, sequence,
                        FundingOutcomes.trackStateOf(message.getFundingDecision().getOutcome()),
                        message.getFundingDecision().getReason(), message.getFundingDecision().getDecidedAt()));
            default:
                return Optional.empty();
        }
    }
}
