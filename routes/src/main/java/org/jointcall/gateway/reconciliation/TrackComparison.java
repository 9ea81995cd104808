package org.jointcall.gateway.reconciliation;

import java.util.Optional;

import org.jointcall.contracts.proposal.TrackEvent;

/**
 * The comparison at the heart of reconciliation: an agency's answer about one proposal against the
 * gateway's track of it. The same state is agreement, whatever the sequences; a different state is
 * a mismatch whose detail says, from the sequences, what probably happened; an agency that does not
 * know the proposal at all is a finding of its own. An unusable answer proves nothing either way.
 */
public final class TrackComparison {

    private TrackComparison() {
    }

    /** The finding, or empty when the agency agrees with the gateway (or gave no usable answer). */
    public static Optional<Finding> compare(OpenTrack track, PartnerStatus status) {
        String proposal = track.agency() + " proposal " + track.localProposalId().orElse("(no id)") + " (joint reference "
                + track.jointReference() + ")";
        if (status instanceof PartnerStatus.NotKnown notKnown) {
            return Optional.of(track.finding(DiscrepancyKind.UNKNOWN_AT_PARTNER, null, proposal + " is unknown to " + track.agency()
                    + "'s system, but the gateway holds its track in state " + track.state() + ": the part may have been withdrawn"
                    + " or renumbered there without telling the gateway" + (notKnown.detail() == null ? "" : " (" + notKnown.detail() + ")")));
        }
        if (!(status instanceof PartnerStatus.Reported reported) || reported.report().state() == track.state()) {
            return Optional.empty();
        }
        TrackEvent report = reported.report();
        return Optional.of(track.finding(DiscrepancyKind.STATE_MISMATCH, report.state().name(), proposal + ": " + track.agency()
                + " reports " + report.state() + " (its sequence " + report.sequence() + "), the gateway holds " + track.state()
                + " (sequence " + track.lastSequence() + "); " + explanation(report.sequence(), track.lastSequence(), track.agency())));
    }

    private static String explanation(long partnerSequence, long gatewaySequence, String agency) {
        if (partnerSequence > gatewaySequence) {
            return "a newer report of " + agency + " has not reached the gateway or was not applied: ask " + agency
                    + " to send it again, or look for it among the held and refused messages";
        }
        if (partnerSequence == gatewaySequence) {
            return agency + " changed its record without a new sequence, so the gateway cannot tell which is right";
        }
        return agency + "'s system shows an older state than the report the gateway applied: it may have been rolled back there";
    }
}
