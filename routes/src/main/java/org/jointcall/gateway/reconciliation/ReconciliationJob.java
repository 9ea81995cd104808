package org.jointcall.gateway.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.alert.Alert;
import org.jointcall.gateway.alert.AlertLog;
import org.jointcall.gateway.alert.Severity;
import org.jointcall.gateway.delivery.PartnerCircuits;
import org.jointcall.gateway.instance.InstanceRegistry;
import org.jointcall.gateway.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation run: every push agency is asked about each of its open tracks and the answers
 * compared with the gateway's tracks ({@link TrackComparison}); every pull agency's inbox is checked
 * for messages left unacknowledged. Findings become discrepancies (a new one raises an alert), and
 * discrepancies whose finding went away are closed — except those of tracks that could not be
 * checked this time, because an agency that does not answer proves nothing.
 *
 * <p>Several instances: a run holds a PostgreSQL session advisory lock, tried and never waited for,
 * so runs never overlap; an instance whose turn comes less than half a period after another
 * instance's run skips it, so partners are asked once per period. A run holds no row lock while it
 * talks to partners, and delivery shares nothing with it but the connection pool.
 */
@ApplicationScoped
public class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);
    /** Two-int advisory lock keys live apart from the bigint keys the decision and delivery code lock ('jc', issue 5). */
    private static final int LOCK_CLASS = 0x6a63;
    private static final int LOCK_ID = 5;

    private DataSource dataSource;
    private Transactions transactions;
    private AgencyDirectory agencies;
    private OpenTracks openTracks;
    private PartnerStatusQuery query;
    private UnacknowledgedMessages unacknowledged;
    private Discrepancies discrepancies;
    private AlertLog alerts;
    private PartnerCircuits circuits;
    private ReconciliationSettings settings;
    private String instanceId;
    private Clock clock;

    /** For the CDI proxy only. */
    protected ReconciliationJob() {
    }

    @Inject
    public ReconciliationJob(DataSource dataSource, Transactions transactions, AgencyDirectory agencies, OpenTracks openTracks,
            PartnerStatusQuery query, UnacknowledgedMessages unacknowledged, Discrepancies discrepancies, AlertLog alerts,
            PartnerCircuits circuits, ReconciliationSettings settings, InstanceRegistry instance) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.agencies = agencies;
        this.openTracks = openTracks;
        this.query = query;
        this.unacknowledged = unacknowledged;
        this.discrepancies = discrepancies;
        this.alerts = alerts;
        this.circuits = circuits;
        this.settings = settings;
        this.instanceId = instance.instanceId();
        this.clock = Clock.systemUTC();
    }

    /** Runs once unless another instance is running or ran within half a period; says what it did. */
    public ReconciliationReport run() throws SQLException {
        try (Connection session = dataSource.getConnection()) {
            session.setAutoCommit(true);
            if (!tryLock(session)) {
                return ReconciliationReport.skipped("another instance is reconciling");
            }
            try {
                Instant started = clock.instant();
                Optional<Instant> last = lastRun(session);
                if (last.isPresent() && last.get().isAfter(started.minus(settings.period().dividedBy(2)))) {
                    return ReconciliationReport.skipped("a run started at " + last.get() + ", less than half a period ago");
                }
                long run = startRun(session, started);
                ReconciliationReport report = reconcile(started);
                finishRun(session, run, report);
                return report;
            } finally {
                unlock(session);
            }
        }
    }

    private ReconciliationReport reconcile(Instant now) throws SQLException {
        Tally tally = new Tally();
        for (Agency agency : agencies.all()) {
            if (agency.mode() == DeliveryMode.PUSH) {
                askAbout(agency, now, tally);
            }
        }
        for (Finding finding : transactions.inTransaction(
                connection -> unacknowledged.findings(connection, now, settings.unacknowledgedAfter()))) {
            record(finding, now, tally);
        }
        int closed = transactions.inTransaction(connection ->
                discrepancies.closeGone(connection, Discrepancies.statusKinds(), tally.found, tally.unchecked, now).size()
                + discrepancies.closeGone(connection, EnumSet.of(DiscrepancyKind.UNACKNOWLEDGED), tally.found, Set.of(), now).size());
        discrepancies.resolveAlertsOfClosed(now);
        return new ReconciliationReport(Optional.empty(), tally.checked, tally.agreed, tally.found.size(), tally.opened, closed,
                tally.unreachable, List.copyOf(tally.problems));
    }

    /** Asks {@code agency} about each of its open tracks, no faster than its pace allows, until it proves to be down or the gateway stops. */
    private void askAbout(Agency agency, Instant now, Tally tally) throws SQLException {
        String code = agency.code().code();
        List<OpenTrack> tracks = transactions.inTransaction(connection -> openTracks.of(connection, code));
        Optional<Instant> circuitOpen = tracks.isEmpty() ? Optional.empty()
                : transactions.inTransaction(connection -> circuits.openUntil(connection, code));
        String down = circuitOpen.map(until -> code + "'s circuit is open until " + until).orElse(null);
        int unanswered = 0;
        QueryPace pace = QueryPace.realTime(settings.queriesPerSecond());
        for (OpenTrack track : tracks) {
            if (down != null || track.localProposalId().isEmpty()) {
                tally.unchecked(track);
                unanswered += down != null ? 1 : 0;
                continue;
            }
            try {
                pace.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                down = "the gateway is stopping";
                tally.unchecked(track);
                unanswered++;
                continue;
            }
            PartnerStatus status = query.ask(agency, track);
            if (status instanceof PartnerStatus.Unanswered failure) {
                tally.unchecked(track);
                unanswered++;
                if (failure.partnerDown()) {
                    down = failure.reason();
                } else {
                    tally.problems.add(failure.reason());
                }
                continue;
            }
            tally.checked++;
            Optional<Finding> finding = TrackComparison.compare(track, status);
            if (finding.isEmpty()) {
                tally.agreed++;
            } else {
                record(finding.get(), now, tally);
            }
        }
        tally.unreachable += unanswered;
        if (down != null) {
            tally.problems.add(code + " not asked about " + unanswered + " track(s): " + down);
            LOG.warn("Reconciliation could not ask {} about {} open track(s): {}", code, unanswered, down);
        }
    }

    private void record(Finding finding, Instant now, Tally tally) throws SQLException {
        tally.found.add(finding.key());
        Optional<Discrepancy> opened = transactions.inTransaction(connection ->
                discrepancies.record(connection, finding, now) == Discrepancies.Recorded.OPENED
                        ? discrepancies.open(connection, finding.key()) : Optional.empty());
        if (opened.isPresent()) {
            tally.opened++;
            Discrepancy discrepancy = opened.get();
            alerts.raise(new Alert(Discrepancy.ALERT_KIND, discrepancy.alertSubject(), Severity.WARNING, discrepancy.detail()), now);
            LOG.warn("New discrepancy {}: {}", discrepancy.id(), discrepancy.detail());
        }
    }

    private static boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_ID);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_ID);
            statement.execute();
        }
    }

    private static Optional<Instant> lastRun(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT max(started_at) FROM reconciliation_run");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return Optional.ofNullable(row.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        }
    }

    private long startRun(Connection session, Instant started) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(
                "INSERT INTO reconciliation_run (instance_id, started_at) VALUES (?, ?) RETURNING id")) {
            statement.setString(1, instanceId);
            statement.setObject(2, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void finishRun(Connection session, long run, ReconciliationReport report) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("""
                UPDATE reconciliation_run SET finished_at = ?, tracks_checked = ?, agreed = ?, found = ?, opened = ?, closed = ?,
                       unreachable = ?, detail = ?
                 WHERE id = ?
                """)) {
            statement.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            statement.setInt(2, report.tracksChecked());
            statement.setInt(3, report.agreed());
            statement.setInt(4, report.found());
            statement.setInt(5, report.opened());
            statement.setInt(6, report.closed());
            statement.setInt(7, report.unreachable());
            statement.setString(8, report.problems().isEmpty() ? null : String.join("\n", report.problems()));
            statement.setLong(9, run);
            statement.executeUpdate();
        }
    }

    /** The counts and keys one run gathers. */
    private static final class Tally {
        final Set<Finding.Key> found = new HashSet<>();
        final Set<Finding.Key> unchecked = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        int checked;
        int agreed;
        int opened;
        int unreachable;

        /** A track not checked this run keeps whatever discrepancies it has. */
        void unchecked(OpenTrack track) {
            Discrepancies.statusKinds().forEach(kind -> unchecked.add(track.key(kind)));
        }
    }
}
