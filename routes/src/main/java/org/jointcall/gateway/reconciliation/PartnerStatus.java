package org.jointcall.gateway.reconciliation;

import java.util.Objects;

import org.jointcall.contracts.proposal.TrackEvent;

/** What an agency answered when asked for the state of one of its proposals. */
public sealed interface PartnerStatus {

    /** The agency's latest report about the proposal (its part, a review or a decision), read as a track event. */
    record Reported(TrackEvent report) implements PartnerStatus {
        public Reported {
            Objects.requireNonNull(report, "report");
        }
    }

    /** The agency answered, signed, that it does not know the proposal. */
    record NotKnown(String detail) implements PartnerStatus {
    }

    /**
     * No usable answer. {@code partnerDown}: the agency's system did not answer or answered 5xx/429, so
     * asking about its other proposals now is pointless; otherwise this one answer was unusable
     * (unsigned, unreadable, about another proposal).
     */
    record Unanswered(String reason, boolean partnerDown) implements PartnerStatus {
        public Unanswered {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
