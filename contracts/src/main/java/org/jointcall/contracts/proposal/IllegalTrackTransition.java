package org.jointcall.contracts.proposal;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A report the track's life cannot accommodate: leaving a final state, going back, or an agency
 * claiming a state only the gateway sets. The field is {@code track[AGENCY].state}.
 */
public final class IllegalTrackTransition extends ContractViolation {

    private static final long serialVersionUID = 1L;

    private final AgencyId agency;
    private final TrackState from;
    private final TrackState to;

    IllegalTrackTransition(AgencyId agency, TrackState from, TrackState to, String why) {
        super("track[" + agency + "].state", agency + " track cannot go from " + from + " to " + to + ": " + why);
        this.agency = agency;
        this.from = from;
        this.to = to;
    }

    public AgencyId agency() {
        return agency;
    }

    public TrackState from() {
        return from;
    }

    public TrackState to() {
        return to;
    }
}
