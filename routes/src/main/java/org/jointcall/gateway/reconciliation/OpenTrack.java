package org.jointcall.gateway.reconciliation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.contracts.v1.TrackState;

/**
 * One agency's track of a joint proposal as the gateway holds it, with what is needed to ask the
 * agency about it: the agency's own proposal id from its proposal part.
 *
 * @param lastSequence the agency's sequence of the last report applied to the track
 */
public record OpenTrack(UUID jointId, String callId, String jointReference, String agency, TrackState state, long lastSequence,
        Optional<String> localProposalId) {

    public OpenTrack {
        Objects.requireNonNull(jointId, "jointId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(jointReference, "jointReference");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(localProposalId, "localProposalId");
    }

    public Finding.Key key(DiscrepancyKind kind) {
        return new Finding.Key(agency, jointId, kind);
    }

    /** A finding about this track. */
    public Finding finding(DiscrepancyKind kind, String partnerState, String detail) {
        return new Finding(agency, jointId, jointReference, localProposalId.orElse(null), kind, state.name(), partnerState, detail);
    }
}
