package org.jointcall.contracts.decision;

import java.util.Objects;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.TrackState;

/**
 * What an agency's funding decision means for its track. Kept apart from the outcome enum itself
 * because the enum is generated from the contract, and the meaning is the gateway's rule.
 */
public final class FundingOutcomes {

    private FundingOutcomes() {
    }

    /** The track state a decision with this outcome puts the agency's track in. */
    public static TrackState trackStateOf(FundingOutcome outcome) {
        switch (Objects.requireNonNull(outcome, "outcome")) {
            case APPROVED: return TrackState.APPROVED;
            case APPROVED_PARTIAL: return TrackState.APPROVED_PARTIAL;
            case DECLINED: return TrackState.DECLINED;
            case RESERVE: return TrackState.RESERVE;
            case DEFERRED: return TrackState.DEFERRED;
            case WITHDRAWN: return TrackState.WITHDRAWN;
            case RETURNED_WITHOUT_REVIEW: return TrackState.RETURNED_WITHOUT_REVIEW;
            case INELIGIBLE: return TrackState.INELIGIBLE;
            default: throw new IllegalArgumentException("unknown funding outcome " + outcome);
        }
    }
}
