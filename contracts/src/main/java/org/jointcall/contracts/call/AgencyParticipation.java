package org.jointcall.contracts.call;

import java.util.Objects;
import org.jointcall.contracts.identifier.AgencyId;

/**
 * How one agency takes part in a call. A required agency holds a veto over every joint proposal; a
 * self-funded partner brings its own money, gets no track and has no veto; an agency that is
 * neither has a track to follow but no veto.
 */
public record AgencyParticipation(AgencyId agency, boolean required, boolean selfFunded) {

    public AgencyParticipation {
        Objects.requireNonNull(agency, "agency");
        if (required && selfFunded) {
            throw new IllegalArgumentException(agency + ": a self-funded partner has no veto, so it cannot be required");
        }
    }

    /** Whether proposals in the call follow this agency's own review and decision. */
    public boolean hasTrack() {
        return !selfFunded;
    }
}
