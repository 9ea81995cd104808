package org.jointcall.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.gateway.alert.AlertLog;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The discrepancy table and the open tracks reconciliation asks about, on a real (embedded) PostgreSQL. */
class DiscrepanciesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private TestDatabase.Database database;
    private Transactions transactions;
    private Discrepancies discrepancies;
    private OpenTrack nsf;

    @BeforeEach
    void aProposalWithNsfsPartArrived() throws Exception {
        database = TestDatabase.fresh("discrepancies");
        transactions = LedgerFixture.migrateWithTheTestCall(database);
        LedgerFixture ledger = new LedgerFixture(database);
        ledger.receive(sample("NSF", "proposal", "QUAD-R1", 1));
        ledger.receive(sample("DFG", "proposal", "QUAD-R1", 1));
        ledger.receive(sample("DFG", "decision", "QUAD-R1", 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        LedgerFixture.decisionWorker(transactions).poll();
        discrepancies = new Discrepancies(transactions, new AlertLog(database.dataSource()));
        nsf = transactions.inTransaction(connection -> new OpenTracks().of(connection, "NSF")).get(0);
    }

    @Test
    void openTracksAreThoseWithAPartAndNoTerminalStateWithTheAgencysOwnProposalId() throws SQLException {
        assertThat(nsf.jointReference()).isEqualTo("QUAD-R1");
        assertThat(nsf.state()).isEqualTo(TrackState.SUBMITTED);
        assertThat(nsf.localProposalId()).contains("2412345");
        assertThat(openTracks("DFG")).as("DFG declined: terminal").isEmpty();
        assertThat(openTracks("UKRI")).as("UKRI's part never came").isEmpty();
    }

    @Test
    void aFindingSeenAgainStaysOneOpenDiscrepancyWhoseLastSightingMoves() throws SQLException {
        Finding finding = mismatch("DECLINED");

        assertThat(record(finding, NOW)).isEqualTo(Discrepancies.Recorded.OPENED);
        assertThat(record(mismatch("WITHDRAWN"), NOW.plus(Duration.ofMinutes(15)))).isEqualTo(Discrepancies.Recorded.SEEN_AGAIN);

        List<Discrepancy> open = discrepancies.list(true);
        assertThat(open).singleElement().satisfies(discrepancy -> {
            assertThat(discrepancy.agency()).isEqualTo("NSF");
            assertThat(discrepancy.jointReference()).isEqualTo("QUAD-R1");
            assertThat(discrepancy.localProposalId()).isEqualTo("2412345");
            assertThat(discrepancy.gatewayState()).isEqualTo("SUBMITTED");
            assertThat(discrepancy.partnerState()).as("the latest sighting's state").isEqualTo("WITHDRAWN");
            assertThat(discrepancy.detectedAt().toInstant()).isEqualTo(NOW);
            assertThat(discrepancy.lastSeenAt().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(discrepancy.resolved()).isFalse();
        });
    }

    @Test
    void aDiscrepancyACoordinatorResolvedStaysResolvedWhileTheSameStatesAreSeenButANewDifferenceOpensAnother() throws SQLException {
        record(mismatch("DECLINED"), NOW);
        long id = discrepancies.list(true).get(0).id();

        discrepancies.resolve(id, "coordinator-1", "NSF withdrew the decline by phone; they will resend");

        assertThat(discrepancies.find(id).orElseThrow().resolution()).hasValueSatisfying(resolution -> {
            assertThat(resolution.by()).isEqualTo("coordinator-1");
            assertThat(resolution.comment()).isEqualTo("NSF withdrew the decline by phone; they will resend");
        });
        assertThat(record(mismatch("DECLINED"), NOW.plusSeconds(900))).isEqualTo(Discrepancies.Recorded.KEPT_RESOLVED);
        assertThat(discrepancies.list(true)).isEmpty();
        assertThat(record(mismatch("WITHDRAWN"), NOW.plusSeconds(1800))).isEqualTo(Discrepancies.Recorded.OPENED);
        assertThat(discrepancies.list(false)).extracting(Discrepancy::partnerState).containsExactlyInAnyOrder("DECLINED", "WITHDRAWN");
    }

    @Test
    void resolvingAnUnknownDiscrepancyOrOneResolvedBeforeOrWithoutCommentFailsClearly() throws SQLException {
        record(mismatch("DECLINED"), NOW);
        long id = discrepancies.list(true).get(0).id();

        assertThatThrownBy(() -> discrepancies.resolve(id + 1000, "coordinator-1", "checked"))
                .isInstanceOf(UnknownDiscrepancyException.class).hasMessage("there is no discrepancy " + (id + 1000));
        assertThatThrownBy(() -> discrepancies.resolve(id, "coordinator-1", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a comment");
        discrepancies.resolve(id, "coordinator-1", "checked");
        assertThatThrownBy(() -> discrepancies.resolve(id, "coordinator-2", "checked too"))
                .isInstanceOf(DiscrepancyAlreadyResolvedException.class).hasMessageContaining("resolved already by coordinator-1");
    }

    @Test
    void whatWasNeitherFoundAgainNorUncheckableIsClosedByReconciliation() throws SQLException {
        record(mismatch("DECLINED"), NOW);
        Finding unknown = nsf.finding(DiscrepancyKind.UNKNOWN_AT_PARTNER, null, "unknown at NSF");
        record(unknown, NOW);

        List<Discrepancy> closed = transactions.inTransaction(connection -> discrepancies.closeGone(connection,
                Discrepancies.statusKinds(), Set.of(), Set.of(unknown.key()), NOW.plusSeconds(900)));
        assertThat(closed).as("the mismatch went away; the unknown could not be checked").singleElement()
                .extracting(Discrepancy::kind).isEqualTo(DiscrepancyKind.STATE_MISMATCH);
        assertThat(discrepancies.list(true)).singleElement().extracting(Discrepancy::kind).isEqualTo(DiscrepancyKind.UNKNOWN_AT_PARTNER);
        assertThat(discrepancies.list(false)).filteredOn(Discrepancy::resolved).singleElement().satisfies(resolved -> {
            assertThat(resolved.resolution().orElseThrow().by()).isEqualTo(Discrepancies.RECONCILIATION);
            assertThat(resolved.resolution().orElseThrow().comment()).startsWith("no longer found");
        });

        List<Discrepancy> other = transactions.inTransaction(connection -> discrepancies.closeGone(connection,
                EnumSet.of(DiscrepancyKind.UNACKNOWLEDGED), Set.of(), Set.of(), NOW.plusSeconds(1800)));
        assertThat(other).as("only the kinds asked for are closed").isEmpty();
    }

    private List<OpenTrack> openTracks(String agency) throws SQLException {
        return transactions.inTransaction(connection -> new OpenTracks().of(connection, agency));
    }

    private Finding mismatch(String partnerState) {
        return nsf.finding(DiscrepancyKind.STATE_MISMATCH, partnerState, "NSF reports " + partnerState);
    }

    private Discrepancies.Recorded record(Finding finding, Instant at) throws SQLException {
        return transactions.inTransaction(connection -> discrepancies.record(connection, finding, at));
    }
}
