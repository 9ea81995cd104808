package org.jointcall.contracts.proposal;

import static org.jointcall.contracts.v1.TrackState.APPROVED;
import static org.jointcall.contracts.v1.TrackState.APPROVED_PARTIAL;
import static org.jointcall.contracts.v1.TrackState.AWAITING_DECISION;
import static org.jointcall.contracts.v1.TrackState.AWARDED;
import static org.jointcall.contracts.v1.TrackState.DECLINED;
import static org.jointcall.contracts.v1.TrackState.DEFERRED;
import static org.jointcall.contracts.v1.TrackState.ELIGIBLE;
import static org.jointcall.contracts.v1.TrackState.EXPECTED;
import static org.jointcall.contracts.v1.TrackState.INELIGIBLE;
import static org.jointcall.contracts.v1.TrackState.LAPSED;
import static org.jointcall.contracts.v1.TrackState.NOT_RECOMMENDED;
import static org.jointcall.contracts.v1.TrackState.RECOMMENDED;
import static org.jointcall.contracts.v1.TrackState.RESERVE;
import static org.jointcall.contracts.v1.TrackState.RETURNED_WITHOUT_REVIEW;
import static org.jointcall.contracts.v1.TrackState.SUBMITTED;
import static org.jointcall.contracts.v1.TrackState.UNDER_REVIEW;
import static org.jointcall.contracts.v1.TrackState.WITHDRAWN;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jointcall.contracts.v1.TrackState;

/**
 * The life of one agency's track, as a graph:
 * <pre>
 * EXPECTED → SUBMITTED → ELIGIBLE | INELIGIBLE* → UNDER_REVIEW → RECOMMENDED | NOT_RECOMMENDED* | RESERVE
 *   → AWAITING_DECISION → APPROVED | APPROVED_PARTIAL | DECLINED* | DEFERRED | RESERVE → AWARDED
 * DEFERRED → AWAITING_DECISION;  any open state → WITHDRAWN* | RETURNED_WITHOUT_REVIEW*
 * gateway only: EXPECTED → INELIGIBLE* (part missing when the window closes); undecided → LAPSED* (deadline)
 * </pre>
 * (* negative terminal.) Agencies do not report every step, so a report is legal when its state can
 * be <em>reached</em> from the current one, not only when it is the next one; what can never happen
 * is leaving a terminal state or going back. That is also what makes applying reports in any order
 * give the same result: the latest report of a legal history is always reachable from every
 * earlier one.
 */
public final class TrackLifecycle {

    private static final Map<TrackState, Set<TrackState>> NEXT = new EnumMap<>(TrackState.class);
    private static final Map<TrackState, Set<TrackState>> REACHABLE = new EnumMap<>(TrackState.class);
    private static final Set<TrackState> UNDECIDED =
            EnumSet.of(SUBMITTED, ELIGIBLE, UNDER_REVIEW, RECOMMENDED, RESERVE, AWAITING_DECISION, DEFERRED);

    static {
        edge(EXPECTED, SUBMITTED);
        edge(SUBMITTED, ELIGIBLE, INELIGIBLE);
        edge(ELIGIBLE, UNDER_REVIEW);
        edge(UNDER_REVIEW, RECOMMENDED, NOT_RECOMMENDED, RESERVE);
        edge(RECOMMENDED, AWAITING_DECISION);
        edge(RESERVE, AWAITING_DECISION);
        edge(AWAITING_DECISION, APPROVED, APPROVED_PARTIAL, DECLINED, DEFERRED, RESERVE);
        edge(DEFERRED, AWAITING_DECISION);
        edge(APPROVED, AWARDED);
        edge(APPROVED_PARTIAL, AWARDED);
        for (TrackState state : TrackState.values()) {
            NEXT.putIfAbsent(state, EnumSet.noneOf(TrackState.class));
        }
        for (TrackState state : TrackState.values()) {
            if (!NEXT.get(state).isEmpty()) {
                NEXT.get(state).add(WITHDRAWN);
                NEXT.get(state).add(RETURNED_WITHOUT_REVIEW);
            }
        }
        for (TrackState state : TrackState.values()) {
            REACHABLE.put(state, closure(state));
        }
    }

    private TrackLifecycle() {
    }

    private static void edge(TrackState from, TrackState... to) {
        NEXT.computeIfAbsent(from, f -> EnumSet.noneOf(TrackState.class)).addAll(Set.of(to));
    }

    private static Set<TrackState> closure(TrackState from) {
        Set<TrackState> seen = EnumSet.noneOf(TrackState.class);
        Deque<TrackState> todo = new ArrayDeque<>(NEXT.get(from));
        while (!todo.isEmpty()) {
            TrackState state = todo.pop();
            if (seen.add(state)) {
                todo.addAll(NEXT.get(state));
            }
        }
        return seen;
    }

    /** The states an agency may report directly after {@code state}. */
    public static Set<TrackState> next(TrackState state) {
        return EnumSet.copyOf(NEXT.get(state));
    }

    /** Whether an agency may report {@code to} for a track now in {@code from} (staying put counts). */
    public static boolean canReport(TrackState from, TrackState to) {
        return from == to || REACHABLE.get(from).contains(to);
    }

    /** Nothing follows a terminal state; only a coordinator's reopen leaves one. */
    public static boolean isTerminal(TrackState state) {
        return NEXT.get(state).isEmpty();
    }

    /** A terminal state other than AWARDED: the agency will not fund its part. */
    public static boolean isNegativeTerminal(TrackState state) {
        return isTerminal(state) && state != AWARDED;
    }

    /** A submitted track without a decision yet, which lapses when the decision deadline passes. */
    public static boolean isUndecided(TrackState state) {
        return UNDECIDED.contains(state);
    }

    /** Every undecided state (see {@link #isUndecided}), e.g. for finding the tracks a deadline will lapse. */
    public static Set<TrackState> undecided() {
        return EnumSet.copyOf(UNDECIDED);
    }

    /** States only the gateway sets: EXPECTED at the start, LAPSED on the deadline sweep. */
    public static boolean isGatewayOnly(TrackState state) {
        return state == EXPECTED || state == LAPSED;
    }
}
