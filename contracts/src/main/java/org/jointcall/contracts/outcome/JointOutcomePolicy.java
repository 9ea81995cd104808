package org.jointcall.contracts.outcome;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.proposal.TrackLifecycle;
import org.jointcall.contracts.v1.TrackState;

/**
 * A joint proposal is REJECTED as soon as any required track has ended negatively, APPROVED when
 * every required track is approved (fully or partly, the latter requiring rescoping), AWARDED when
 * every required track is awarded, and PENDING otherwise.
 *
 * <p>This is the joint-call rule ("a joint project rejected by any participating agency is rejected
 * overall") and this class is its only home. It looks at the tracks' current states alone, so it
 * gives the same answer whatever order the agencies' reports came in, and asking twice changes
 * nothing. Tracks without a veto (not required) never decide; self-funded partners have no track.
 * When several required tracks ended negatively, the agency first in code order is named, so the
 * answer does not depend on arrival order either.
 */
public final class JointOutcomePolicy {

    private JointOutcomePolicy() {
    }

    public static JointOutcome outcomeOf(Collection<AgencyTrack> tracks) {
        List<AgencyTrack> required = tracks.stream()
                .filter(AgencyTrack::required)
                .sorted(Comparator.comparing(AgencyTrack::agency))
                .collect(Collectors.toList());
        Optional<AgencyTrack> rejecting = required.stream()
                .filter(track -> TrackLifecycle.isNegativeTerminal(track.state()))
                .findFirst();
        if (rejecting.isPresent()) {
            AgencyTrack track = rejecting.get();
            return JointOutcome.rejected(track.agency(), track.agency() + " track " + track.state()
                    + track.stateReason().map(reason -> ": " + reason).orElse(""));
        }
        if (required.isEmpty()) {
            return JointOutcome.pending();
        }
        boolean rescoping = required.stream().anyMatch(track -> track.state() == TrackState.APPROVED_PARTIAL);
        if (required.stream().allMatch(track -> track.state() == TrackState.AWARDED)) {
            return JointOutcome.awarded(false);
        }
        if (required.stream().allMatch(track -> isApproved(track.state()))) {
            return JointOutcome.approved(rescoping);
        }
        return JointOutcome.pending();
    }

    private static boolean isApproved(TrackState state) {
        return state == TrackState.APPROVED || state == TrackState.APPROVED_PARTIAL || state == TrackState.AWARDED;
    }
}
