package org.jointcall.contracts.review;

import org.jointcall.contracts.v1.Recommendation;
import org.jointcall.contracts.v1.TrackState;

/** What a review result means for the agency's track: its recommendation, or simply "under review". */
public final class Recommendations {

    private Recommendations() {
    }

    /** RECOMMENDED, NOT_RECOMMENDED or RESERVE as recommended; UNDER_REVIEW for a review without a recommendation. */
    public static TrackState trackStateOf(Recommendation recommendation) {
        if (recommendation == null) {
            return TrackState.UNDER_REVIEW;
        }
        switch (recommendation) {
            case RECOMMENDED: return TrackState.RECOMMENDED;
            case NOT_RECOMMENDED: return TrackState.NOT_RECOMMENDED;
            case RESERVE: return TrackState.RESERVE;
            default: throw new IllegalArgumentException("unknown recommendation " + recommendation);
        }
    }
}
