package org.jointcall.gateway.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.alert.AlertLog;
import org.jointcall.gateway.persistence.Transactions;

/**
 * The {@code discrepancy} table. Recording is safe on several instances at once: the partial
 * unique index on open (agency, proposal, kind) decides whether a finding is new, and a finding seen
 * again only moves {@code last_seen_at}. A finding a coordinator resolved stays resolved while it is
 * seen with the same states (they know); a different state difference opens a new discrepancy.
 */
@ApplicationScoped
public class Discrepancies {

    /** {@code resolved_by} of discrepancies that reconciliation closed because they went away. */
    public static final String RECONCILIATION = "reconciliation";

    /** How recording a finding went. */
    public enum Recorded { OPENED, SEEN_AGAIN, KEPT_RESOLVED }

    private static final String COLUMNS = """
            SELECT d.id, d.agency, d.joint_id, p.joint_reference, d.local_proposal_id, d.kind, d.gateway_state, d.partner_state,
                   d.detail, d.detected_at, d.last_seen_at, d.resolved_at, d.resolved_by, d.resolution_comment
              FROM discrepancy d JOIN joint_proposal p USING (joint_id)
            """;
    private static final String SEEN_AGAIN = """
            UPDATE discrepancy SET last_seen_at = greatest(last_seen_at, ?), gateway_state = ?, partner_state = ?, detail = ?,
                   local_proposal_id = coalesce(?, local_proposal_id)
             WHERE agency = ? AND joint_id = ? AND kind = ? AND resolved_at IS NULL
            """;
    private static final String RESOLVED_BY_COORDINATOR = """
            SELECT resolved_by IS NOT NULL AND resolved_by <> ? AND gateway_state IS NOT DISTINCT FROM ?
                   AND partner_state IS NOT DISTINCT FROM ?
              FROM discrepancy WHERE agency = ? AND joint_id = ? AND kind = ?
             ORDER BY id DESC LIMIT 1
            """;
    private static final String OPEN = """
            INSERT INTO discrepancy (agency, joint_id, local_proposal_id, kind, gateway_state, partner_state, detail,
                                     detected_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agency, joint_id, kind) WHERE resolved_at IS NULL
            DO UPDATE SET last_seen_at = greatest(discrepancy.last_seen_at, excluded.last_seen_at)
            RETURNING (xmax = 0)
            """;
    private static final String RESOLVE = """
            UPDATE discrepancy SET resolved_at = ?, resolved_by = ?, resolution_comment = ?
             WHERE id = ? AND resolved_at IS NULL
            """;

    private Transactions transactions;
    private AlertLog alerts;

    /** For the CDI proxy only. */
    protected Discrepancies() {
    }

    @Inject
    public Discrepancies(Transactions transactions, AlertLog alerts) {
        this.transactions = transactions;
        this.alerts = alerts;
    }

    /** Every discrepancy, or only the open ones, newest first. */
    public List<Discrepancy> list(boolean openOnly) throws SQLException {
        return transactions.inTransaction(connection -> query(connection,
                COLUMNS + (openOnly ? " WHERE d.resolved_at IS NULL" : "") + " ORDER BY d.detected_at DESC, d.id DESC"));
    }

    public Optional<Discrepancy> find(long id) throws SQLException {
        return transactions.inTransaction(connection -> find(connection, id));
    }

    /**
     * A coordinator closes an open discrepancy, saying why; its alert is resolved with it.
     *
     * @throws UnknownDiscrepancyException when there is no discrepancy {@code id}
     * @throws DiscrepancyAlreadyResolvedException when it was resolved before
     * @throws IllegalArgumentException when actor or comment is blank
     */
    public void resolve(long id, String actor, String comment) throws SQLException {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("who resolves a discrepancy must be named");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("resolving a discrepancy needs a comment saying why it needs nothing more");
        }
        Instant now = Instant.now();
        transactions.inTransaction(connection -> {
            Discrepancy discrepancy = find(connection, id).orElseThrow(() -> new UnknownDiscrepancyException(id));
            try (PreparedStatement statement = connection.prepareStatement(RESOLVE)) {
                statement.setObject(1, utc(now));
                statement.setString(2, actor);
                statement.setString(3, comment.strip());
                statement.setLong(4, id);
                if (statement.executeUpdate() == 0) {
                    throw new DiscrepancyAlreadyResolvedException(find(connection, id).orElse(discrepancy));
                }
            }
            return null;
        });
        resolveAlertsOfClosed(now);
    }

    /** Records {@code finding} as seen at {@code at}: a new discrepancy, the same one again, or one a coordinator resolved. */
    public Recorded record(Connection connection, Finding finding, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SEEN_AGAIN)) {
            statement.setObject(1, utc(at));
            statement.setString(2, finding.gatewayState());
            statement.setString(3, finding.partnerState());
            statement.setString(4, finding.detail());
            statement.setString(5, finding.localProposalId());
            statement.setString(6, finding.agency());
            statement.setObject(7, finding.jointId());
            statement.setString(8, finding.kind().name());
            if (statement.executeUpdate() > 0) {
                return Recorded.SEEN_AGAIN;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(RESOLVED_BY_COORDINATOR)) {
            statement.setString(1, RECONCILIATION);
            statement.setString(2, finding.gatewayState());
            statement.setString(3, finding.partnerState());
            statement.setString(4, finding.agency());
            statement.setObject(5, finding.jointId());
            statement.setString(6, finding.kind().name());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    return Recorded.KEPT_RESOLVED;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(OPEN)) {
            statement.setString(1, finding.agency());
            statement.setObject(2, finding.jointId());
            statement.setString(3, finding.localProposalId());
            statement.setString(4, finding.kind().name());
            statement.setString(5, finding.gatewayState());
            statement.setString(6, finding.partnerState());
            statement.setString(7, finding.detail());
            statement.setObject(8, utc(at));
            statement.setObject(9, utc(at));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                // xmax = 0: this statement inserted the row; otherwise another instance opened it a moment ago.
                return row.getBoolean(1) ? Recorded.OPENED : Recorded.SEEN_AGAIN;
            }
        }
    }

    /** The open discrepancy {@code key}, if there is one. */
    public Optional<Discrepancy> open(Connection connection, Finding.Key key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS
                + " WHERE d.agency = ? AND d.joint_id = ? AND d.kind = ? AND d.resolved_at IS NULL")) {
            statement.setString(1, key.agency());
            statement.setObject(2, key.jointId());
            statement.setString(3, key.kind().name());
            return read(statement).stream().findFirst();
        }
    }

    /**
     * Closes, as resolved by {@value #RECONCILIATION}, every open discrepancy of {@code kinds} that this run
     * neither found again ({@code stillFound}) nor could check ({@code unchecked}, e.g. its partner did not answer).
     *
     * @return the closed ones
     */
    public List<Discrepancy> closeGone(Connection connection, Set<DiscrepancyKind> kinds, Collection<Finding.Key> stillFound,
            Collection<Finding.Key> unchecked, Instant at) throws SQLException {
        List<Discrepancy> closed = new ArrayList<>();
        for (Discrepancy open : query(connection, COLUMNS + " WHERE d.resolved_at IS NULL")) {
            Finding.Key key = new Finding.Key(open.agency(), open.jointId(), open.kind());
            if (!kinds.contains(open.kind()) || stillFound.contains(key) || unchecked.contains(key)) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(RESOLVE)) {
                statement.setObject(1, utc(at));
                statement.setString(2, RECONCILIATION);
                statement.setString(3, "no longer found: " + gone(open.kind()));
                statement.setLong(4, open.id());
                if (statement.executeUpdate() == 1) {
                    closed.add(open);
                }
            }
        }
        return closed;
    }

    /** Resolves the alerts of discrepancies no longer open. */
    void resolveAlertsOfClosed(Instant at) throws SQLException {
        alerts.resolveAllExcept(Discrepancy.ALERT_KIND, list(true).stream().map(Discrepancy::alertSubject).toList(), at);
    }

    private static String gone(DiscrepancyKind kind) {
        return switch (kind) {
            case STATE_MISMATCH -> "the agency and the gateway report the same state again (or the track is closed)";
            case UNKNOWN_AT_PARTNER -> "the agency knows the proposal now (or the track is closed)";
            case UNACKNOWLEDGED -> "the agency acknowledged its messages";
        };
    }

    private static Optional<Discrepancy> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS + " WHERE d.id = ?")) {
            statement.setLong(1, id);
            return read(statement).stream().findFirst();
        }
    }

    private static List<Discrepancy> query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return read(statement);
        }
    }

    private static List<Discrepancy> read(PreparedStatement statement) throws SQLException {
        List<Discrepancy> discrepancies = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                OffsetDateTime resolvedAt = row.getObject("resolved_at", OffsetDateTime.class);
                Optional<Discrepancy.Resolution> resolution = resolvedAt == null ? Optional.empty()
                        : Optional.of(new Discrepancy.Resolution(row.getString("resolved_by"), utc(resolvedAt),
                                row.getString("resolution_comment")));
                discrepancies.add(new Discrepancy(row.getLong("id"), row.getString("agency"), row.getObject("joint_id", UUID.class),
                        row.getString("joint_reference"), row.getString("local_proposal_id"), DiscrepancyKind.valueOf(row.getString("kind")),
                        row.getString("gateway_state"), row.getString("partner_state"), row.getString("detail"),
                        utc(row.getObject("detected_at", OffsetDateTime.class)), utc(row.getObject("last_seen_at", OffsetDateTime.class)),
                        resolution));
            }
        }
        return discrepancies;
    }

    /** The kinds a status query can find (all but the pull agencies' {@code UNACKNOWLEDGED}). */
    static Set<DiscrepancyKind> statusKinds() {
        return EnumSet.of(DiscrepancyKind.STATE_MISMATCH, DiscrepancyKind.UNKNOWN_AT_PARTNER);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
