package org.jointcall.gateway.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What one reconciliation run did, for the log and the {@code reconciliation_run} table.
 *
 * @param skipped         why the run did not happen (another instance holds the lock or ran recently); empty if it ran
 * @param tracksChecked   status queries that got a usable answer
 * @param agreed          of those, the tracks on which the agency and the gateway agree
 * @param found           findings made (new or seen again), status queries and pull inboxes together
 * @param opened          of those, new discrepancies
 * @param closed          discrepancies closed because their finding went away
 * @param unreachable     status queries without a usable answer (and tracks not asked because their agency was down)
 * @param problems        why, per agency, for the log
 */
public record ReconciliationReport(Optional<String> skipped, int tracksChecked, int agreed, int found, int opened, int closed,
        int unreachable, List<String> problems) {

    public static ReconciliationReport skipped(String why) {
        return new ReconciliationReport(Optional.of(why), 0, 0, 0, 0, 0, 0, List.of());
    }

    @Override
    public String toString() {
        if (skipped.isPresent()) {
            return "skipped: " + skipped.get();
        }
        return tracksChecked + " track(s) checked, " + agreed + " agreed, " + found + " finding(s), " + opened + " new discrepancy(ies), "
                + closed + " closed, " + unreachable + " without answer" + (problems.isEmpty() ? "" : " " + problems);
    }
}
