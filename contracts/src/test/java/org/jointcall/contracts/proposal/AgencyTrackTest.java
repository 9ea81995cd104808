package org.jointcall.contracts.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AgencyTrackTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 9, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private static AgencyTrack nsfIn(TrackState state, long sequence) {
        return AgencyTrack.restore(AgencyId.NSF, TrackRole.PARTNER, true, state, sequence, null, AT, null);
    }

    private static TrackEvent nsf(long sequence, TrackState state) {
        return new TrackEvent(AgencyId.NSF, sequence, state, null, AT.plusHours(sequence));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "EXPECTED, SUBMITTED",
        "SUBMITTED, ELIGIBLE", "SUBMITTED, INELIGIBLE",
        "ELIGIBLE, UNDER_REVIEW",
        "UNDER_REVIEW, RECOMMENDED", "UNDER_REVIEW, NOT_RECOMMENDED", "UNDER_REVIEW, RESERVE",
        "RECOMMENDED, AWAITING_DECISION", "RESERVE, AWAITING_DECISION",
        "AWAITING_DECISION, APPROVED", "AWAITING_DECISION, APPROVED_PARTIAL", "AWAITING_DECISION, DECLINED",
        "AWAITING_DECISION, DEFERRED", "AWAITING_DECISION, RESERVE", "DEFERRED, AWAITING_DECISION",
        "APPROVED, AWARDED", "APPROVED_PARTIAL, AWARDED"})
    void eachDesignedTransitionIsTakenWithTheReportsReasonAndTime(TrackState from, TrackState to) {
        TrackEvent event = new TrackEvent(AgencyId.NSF, 5, to, "panel met", AT.plusDays(3));

        AgencyTrack.Transition transition = nsfIn(from, 4).apply(event);

        assertThat(transition.result()).isEqualTo(EventResult.APPLIED);
        assertThat(transition.track().state()).isEqualTo(to);
        assertThat(transition.track().lastSequence()).isEqualTo(5);
        assertThat(transition.track().stateReason()).contains("panel met");
        assertThat(transition.track().updatedAt()).contains(AT.plusDays(3));
        assertThat(TrackLifecycle.next(from)).contains(to);
    }

    @Test
    void theDirectSuccessorsAreExactlyTheDesignedOnesPlusWithdrawalAndReturn() {
        Set<TrackState> exits = EnumSet.of(TrackState.WITHDRAWN, TrackState.RETURNED_WITHOUT_REVIEW);
        assertThat(TrackLifecycle.next(TrackState.UNDER_REVIEW)).containsExactlyInAnyOrder(
                TrackState.RECOMMENDED, TrackState.NOT_RECOMMENDED, TrackState.RESERVE,
                TrackState.WITHDRAWN, TrackState.RETURNED_WITHOUT_REVIEW);
        assertThat(TrackLifecycle.next(TrackState.APPROVED)).containsExactlyInAnyOrder(TrackState.AWARDED,
                TrackState.WITHDRAWN, TrackState.RETURNED_WITHOUT_REVIEW);
        assertThat(TrackLifecycle.next(TrackState.AWARDED)).isEmpty();
        assertThat(TrackLifecycle.next(TrackState.SUBMITTED)).containsAll(exits);
    }

    @ParameterizedTest
    @EnumSource(value = TrackState.class, names = {"EXPECTED", "SUBMITTED", "ELIGIBLE", "UNDER_REVIEW", "RECOMMENDED", "RESERVE",
        "AWAITING_DECISION", "DEFERRED", "APPROVED", "APPROVED_PARTIAL"})
    void anyOpenStateCanBeWithdrawnOrReturnedWithoutReview(TrackState open) {
        assertThat(nsfIn(open, 1).apply(nsf(2, TrackState.WITHDRAWN)).track().state()).isEqualTo(TrackState.WITHDRAWN);
        assertThat(nsfIn(open, 1).apply(nsf(2, TrackState.RETURNED_WITHOUT_REVIEW)).track().state())
                .isEqualTo(TrackState.RETURNED_WITHOUT_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = TrackState.class, names = {"INELIGIBLE", "NOT_RECOMMENDED", "DECLINED", "WITHDRAWN",
        "RETURNED_WITHOUT_REVIEW", "LAPSED"})
    void negativeTerminalStatesAreFinal(TrackState terminal) {
        assertThat(TrackLifecycle.isNegativeTerminal(terminal)).isTrue();
        assertThatThrownBy(() -> nsfIn(terminal, 3).apply(nsf(4, TrackState.APPROVED)))
                .isInstanceOfSatisfying(IllegalTrackTransition.class, refused -> {
                    assertThat(refused.field()).isEqualTo("track[NSF].state");
                    assertThat(refused.reason()).isEqualTo("NSF track cannot go from " + terminal + " to APPROVED: "
                            + terminal + " is final; if it rejected the joint proposal, a console administrator can reopen it");
                    assertThat(refused.agency()).isEqualTo(AgencyId.NSF);
                    assertThat(refused.from()).isEqualTo(terminal);
                    assertThat(refused.to()).isEqualTo(TrackState.APPROVED);
                });
    }

    @Test
    void awardedIsFinalButNotNegative() {
        assertThat(TrackLifecycle.isTerminal(TrackState.AWARDED)).isTrue();
        assertThat(TrackLifecycle.isNegativeTerminal(TrackState.AWARDED)).isFalse();
        assertThatThrownBy(() -> nsfIn(TrackState.AWARDED, 9).apply(nsf(10, TrackState.WITHDRAWN)))
                .hasMessageContaining("AWARDED is final").hasMessageNotContaining("reopen");
    }

    @Test
    void goingBackIsRefusedNamingBothStatesAndWhatWouldFollow() {
        assertThatThrownBy(() -> nsfIn(TrackState.APPROVED, 6).apply(nsf(7, TrackState.UNDER_REVIEW)))
                .isInstanceOf(IllegalTrackTransition.class)
                .hasMessage("track[NSF].state: NSF track cannot go from APPROVED to UNDER_REVIEW: UNDER_REVIEW does not follow APPROVED"
                        + " (next would be one of [AWARDED, WITHDRAWN, RETURNED_WITHOUT_REVIEW])");
    }

    @Test
    void anAgencyMayReportALaterStateWithoutTheStepsBetween() {
        AgencyTrack track = nsfIn(TrackState.SUBMITTED, 1).apply(nsf(2, TrackState.APPROVED)).track();

        assertThat(track.state()).isEqualTo(TrackState.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = TrackState.class, names = {"LAPSED", "EXPECTED"})
    void statesOnlyTheGatewaySetsAreRefusedFromAnAgency(TrackState gatewayOnly) {
        assertThatThrownBy(() -> nsfIn(TrackState.AWAITING_DECISION, 1).apply(nsf(2, gatewayOnly)))
                .isInstanceOf(IllegalTrackTransition.class)
                .hasMessageEndingWith(gatewayOnly + " is set only by the gateway, never reported by an agency");
    }

    @Test
    void aReportOlderThanTheLastAppliedIsStaleAndChangesNothing() {
        AgencyTrack track = nsfIn(TrackState.RECOMMENDED, 8);

        AgencyTrack.Transition transition = track.apply(nsf(5, TrackState.UNDER_REVIEW));

        assertThat(transition.result()).isEqualTo(EventResult.STALE);
        assertThat(transition.track()).isSameAs(track);
    }

    @Test
    void theSameReportTwiceIsADuplicateAndChangesNothing() {
        AgencyTrack once = nsfIn(TrackState.UNDER_REVIEW, 1).apply(nsf(2, TrackState.RECOMMENDED)).track();

        AgencyTrack.Transition twice = once.apply(nsf(2, TrackState.RECOMMENDED));

        assertThat(twice.result()).isEqualTo(EventResult.DUPLICATE);
        assertThat(twice.track()).isEqualTo(once);
    }

    @Test
    void aDifferentStateUnderAnAlreadyUsedSequenceIsReportedAsConflictingAndIgnored() {
        AgencyTrack track = nsfIn(TrackState.RECOMMENDED, 2);

        AgencyTrack.Transition transition = track.apply(nsf(2, TrackState.NOT_RECOMMENDED));

        assertThat(transition.result()).isEqualTo(EventResult.CONFLICTING);
        assertThat(transition.track()).isSameAs(track);
    }

    @Test
    void anotherAgencysReportIsNotThisTracksBusiness() {
        TrackEvent ukri = new TrackEvent(AgencyId.UKRI, 3, TrackState.APPROVED, null, AT);

        assertThatThrownBy(() -> nsfIn(TrackState.SUBMITTED, 1).apply(ukri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a report of UKRI offered to the track of NSF");
    }
}
