package org.jointcall.contracts.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.TrackState;

/**
 * Random legal histories of every agency's track, delivered in random orders and with repeats: the
 * joint proposal must end the same whatever the order, and its outcome must be the joint-call rule
 * computed here, independently, from the agencies' last reports.
 */
class JointProposalProperties {

    private static final CallTerms CALL = Calls.fiveAgencyCall();
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9));
    private static final List<AgencyId> WITH_TRACKS = List.of(AgencyId.JST, AgencyId.NSF, AgencyId.UKRI, AgencyId.NWO);
    private static final Set<AgencyId> REQUIRED = Set.of(AgencyId.JST, AgencyId.NSF, AgencyId.UKRI);

    /** The rule as the design states it, written separately from the production code. */
    private static final Set<TrackState> NEGATIVE_ENDS = EnumSet.of(TrackState.INELIGIBLE, TrackState.NOT_RECOMMENDED,
            TrackState.DECLINED, TrackState.WITHDRAWN, TrackState.RETURNED_WITHOUT_REVIEW, TrackState.LAPSED);
    private static final Set<TrackState> APPROVALS = EnumSet.of(TrackState.APPROVED, TrackState.APPROVED_PARTIAL, TrackState.AWARDED);

    /** One step of a random walk: which successor to take, how far the agency's sequence jumps, whether the agency reports it. */
    record Step(int choice, int sequenceGap, boolean reported) {
    }

    /** All agencies' reports in the order they were made, plus each agency's last reported state. */
    record History(List<TrackEvent> reports, Map<AgencyId, TrackState> lastReported, long deliverySeed) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Step>> walk = Combinators.combine(
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of(true, true, false))
                .as(Step::new).list().ofMaxSize(12);
        return Combinators.combine(walk, walk, walk, walk, walk, Arbitraries.longs())
                .as((jst, nsf, ukri, nwo, nrf, seed) -> history(
                        Map.of(AgencyId.JST, jst, AgencyId.NSF, nsf, AgencyId.UKRI, ukri, AgencyId.NWO, nwo, AgencyId.NRF, nrf), seed));
    }

    private static History history(Map<AgencyId, List<Step>> walks, long seed) {
        List<TrackEvent> reports = new ArrayList<>();
        Map<AgencyId, TrackState> last = new LinkedHashMap<>();
        walks.forEach((agency, steps) -> {
            TrackState state = TrackState.EXPECTED;
            long sequence = 0;
            last.put(agency, state);
            for (Step step : steps) {
                List<TrackState> next = new ArrayList<>(TrackLifecycle.next(state));
                if (next.isEmpty()) {
                    break;
                }
                state = next.get(step.choice() % next.size());
                sequence += step.sequenceGap();
                if (step.reported()) {
                    reports.add(new TrackEvent(agency, sequence, state, "report " + sequence, START.plusHours(sequence)));
                    last.put(agency, state);
                }
            }
        });
        reports.sort(Comparator.comparingLong(TrackEvent::sequence).thenComparing(TrackEvent::agency));
        return new History(List.copyOf(reports), last, seed);
    }

    private static List<TrackEvent> shuffled(List<TrackEvent> reports, long seed) {
        List<TrackEvent> delivery = new ArrayList<>(reports);
        Collections.shuffle(delivery, new Random(seed));
        return delivery;
    }

    private static JointProposal deliver(List<TrackEvent> reports) {
        JointProposal proposal = JointProposal.open(UUID.nameUUIDFromBytes(new byte[] {1}), CALL, "PROP-1");
        reports.forEach(proposal::apply);
        return proposal;
    }

    private static JointOutcome ruleFromLastReports(Map<AgencyId, TrackState> last, Map<AgencyId, String> reasons) {
        List<AgencyId> required = REQUIRED.stream().sorted().toList();
        for (AgencyId agency : required) {
            TrackState state = last.get(agency);
            if (NEGATIVE_ENDS.contains(state)) {
                return JointOutcome.rejected(agency, agency + " track " + state + ": " + reasons.get(agency));
            }
        }
        if (required.stream().allMatch(agency -> last.get(agency) == TrackState.AWARDED)) {
            return JointOutcome.awarded(false);
        }
        if (required.stream().allMatch(agency -> APPROVALS.contains(last.get(agency)))) {
            return JointOutcome.approved(required.stream().anyMatch(agency -> last.get(agency) == TrackState.APPROVED_PARTIAL));
        }
        return JointOutcome.pending();
    }

    /** The reason each agency gave with its last report. */
    private static Map<AgencyId, String> lastReasons(History history) {
        Map<AgencyId, String> reasons = new LinkedHashMap<>();
        history.reports().forEach(report -> reasons.put(report.agency(), report.reason()));
        return reasons;
    }

    @Property
    void anyDeliveryOrderEndsInTheSameTracksAsTheOrderTheReportsWereMadeIn(@ForAll("histories") History history) {
        JointProposal inOrder = deliver(history.reports());
        JointProposal anyOrder = deliver(shuffled(history.reports(), history.deliverySeed()));

        assertThat(anyOrder.tracks()).isEqualTo(inOrder.tracks());
        assertThat(anyOrder.outcome()).isEqualTo(inOrder.outcome());
    }

    @Property
    void eachTrackEndsInItsAgencysLastReportAndSelfFundedPartnersHaveNone(@ForAll("histories") History history) {
        JointProposal proposal = deliver(shuffled(history.reports(), history.deliverySeed()));

        for (AgencyId agency : WITH_TRACKS) {
            assertThat(proposal.track(agency).orElseThrow().state()).as(agency.code()).isEqualTo(history.lastReported().get(agency));
        }
        assertThat(proposal.track(AgencyId.NRF)).isEmpty();
    }

    @Property
    void theOutcomeIsTheJointCallRuleAppliedToTheLastReports(@ForAll("histories") History history) {
        JointProposal proposal = deliver(shuffled(history.reports(), history.deliverySeed()));

        JointOutcome expected = ruleFromLastReports(history.lastReported(), lastReasons(history));

        assertThat(proposal.outcome()).isEqualTo(expected);
        assertThat(proposal.outcome().status() == JointStatus.REJECTED)
                .isEqualTo(REQUIRED.stream().anyMatch(agency -> NEGATIVE_ENDS.contains(history.lastReported().get(agency))));
    }

    @Property
    void applyingAnyReportTwiceChangesNothing(@ForAll("histories") History history) {
        List<TrackEvent> delivery = shuffled(history.reports(), history.deliverySeed());
        JointProposal proposal = deliver(delivery);
        Map<AgencyId, AgencyTrack> tracks = Map.copyOf(proposal.tracks());
        JointOutcome outcome = proposal.outcome();

        for (TrackEvent report : delivery) {
            JointProposal.Change again = proposal.apply(report);
            assertThat(again.result()).isNotEqualTo(EventResult.APPLIED);
            assertThat(again.outcomeChanged()).isFalse();
        }
        assertThat(proposal.tracks()).isEqualTo(tracks);
        assertThat(proposal.outcome()).isEqualTo(outcome);
    }

    @Property
    void repeatsInterleavedAnywhereDoNotChangeTheResult(@ForAll("histories") History history) {
        List<TrackEvent> withRepeats = new ArrayList<>(history.reports());
        withRepeats.addAll(history.reports());
        JointProposal once = deliver(shuffled(history.reports(), history.deliverySeed()));
        JointProposal twice = deliver(shuffled(withRepeats, history.deliverySeed() + 1));

        assertThat(twice.tracks()).isEqualTo(once.tracks());
        assertThat(twice.outcome()).isEqualTo(once.outcome());
    }
}
