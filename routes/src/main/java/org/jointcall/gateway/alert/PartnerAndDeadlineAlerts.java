package org.jointcall.gateway.alert;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jointcall.contracts.proposal.TrackLifecycle;
import org.jointcall.gateway.delivery.PartnerCircuits;

/**
 * The alerts coordinators act on besides keys and discrepancies, worked out from the database each time, so every
 * instance may check and an alert closes by itself once its cause is gone:
 * <ul>
 * <li>{@value #PARTNER_DOWN}: a partner's circuit is open or half open (its pushes failed in a row and wait);</li>
 * <li>{@value #DEADLINE_APPROACHING}: an agency still has undecided tracks in a call whose decision deadline (or a
 * track's extended one) falls within the warning window, one alert per call and agency;</li>
 * <li>{@value #TRACK_LAPSED}: tracks the deadline sweep lapsed within the last {@code lapsedFor}, per call and
 * agency, so a lapse is seen though no agency sent anything.</li>
 * </ul>
 */
public final class PartnerAndDeadlineAlerts {

    public static final String PARTNER_DOWN = "PARTNER_DOWN";
    public static final String DEADLINE_APPROACHING = "DEADLINE_APPROACHING";
    public static final String TRACK_LAPSED = "TRACK_LAPSED";
    private static final int REFERENCES_NAMED = 10;

    private static final String APPROACHING = """
            SELECT p.call_id, t.agency, count(*), min(coalesce(t.extended_decision_deadline, c.decision_deadline)),
                   array_agg(p.joint_reference ORDER BY p.joint_reference)
              FROM agency_track t JOIN joint_proposal p USING (joint_id) JOIN joint_call c USING (call_id)
             WHERE t.state = ANY (?) AND coalesce(t.extended_decision_deadline, c.decision_deadline) > ?
               AND coalesce(t.extended_decision_deadline, c.decision_deadline) <= ?
             GROUP BY p.call_id, t.agency ORDER BY p.call_id, t.agency
            """;
    private static final String LAPSED = """
            SELECT p.call_id, t.agency, count(*), max(t.updated_at), array_agg(p.joint_reference ORDER BY p.joint_reference)
              FROM agency_track t JOIN joint_proposal p USING (joint_id)
             WHERE t.state = 'LAPSED' AND t.updated_at > ?
             GROUP BY p.call_id, t.agency ORDER BY p.call_id, t.agency
            """;

    private final DataSource dataSource;
    private final PartnerCircuits circuits;
    private final AlertLog alerts;
    private final Duration deadlineWarning;
    private final Duration lapsedFor;

    public PartnerAndDeadlineAlerts(DataSource dataSource, PartnerCircuits circuits, AlertLog alerts, Duration deadlineWarning,
            Duration lapsedFor) {
        if (deadlineWarning.isNegative() || lapsedFor.isNegative()) {
            throw new IllegalArgumentException("alert windows must not be negative: " + deadlineWarning + ", " + lapsedFor);
        }
        this.dataSource = dataSource;
        this.circuits = circuits;
        this.alerts = alerts;
        this.deadlineWarning = deadlineWarning;
        this.lapsedFor = lapsedFor;
    }

    /** Raises and resolves the three kinds as the database stands at {@code now}; says how many of each are open. */
    public String check(Instant now) throws SQLException {
        List<Alert> down;
        List<Alert> approaching;
        List<Alert> lapsed;
        try (Connection connection = dataSource.getConnection()) {
            down = partnersDown(connection);
            approaching = deadlinesApproaching(connection, now);
            lapsed = tracksLapsed(connection, now);
        }
        alerts.keepOpen(PARTNER_DOWN, down, now);
        alerts.keepOpen(DEADLINE_APPROACHING, approaching, now);
        alerts.keepOpen(TRACK_LAPSED, lapsed, now);
        return down.size() + " partner(s) down, " + approaching.size() + " deadline(s) approaching, " + lapsed.size()
                + " lapse(s)";
    }

    private List<Alert> partnersDown(Connection connection) throws SQLException {
        List<Alert> down = new ArrayList<>();
        circuits.all(connection).forEach((agency, circuit) -> {
            if (!"CLOSED".equals(circuit.state())) {
                down.add(new Alert(PARTNER_DOWN, agency, Severity.CRITICAL, agency + " failed " + circuit.consecutiveFailures()
                        + " pushes in a row; its circuit is " + circuit.state()
                        + circuit.openUntil().map(until -> " until " + until).orElse("")
                        + ". Its messages wait in the outbox and are pushed again when it answers; nothing is lost."));
            }
        });
        return down;
    }

    private List<Alert> deadlinesApproaching(Connection connection, Instant now) throws SQLException {
        List<Alert> approaching = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(APPROACHING)) {
            Array undecided = connection.createArrayOf("text", TrackLifecycle.undecided().stream().map(Enum::name).toArray());
            query.setArray(1, undecided);
            query.setTimestamp(2, Timestamp.from(now));
            query.setTimestamp(3, Timestamp.from(now.plus(deadlineWarning)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    approaching.add(new Alert(DEADLINE_APPROACHING, row.getString(1) + " " + row.getString(2), Severity.WARNING,
                            row.getString(2) + " has not decided " + row.getLong(3) + " proposal(s) of " + row.getString(1)
                                    + "; the first decision deadline is " + row.getTimestamp(4).toInstant()
                                    + ", after which they lapse: " + named(row.getArray(5))));
                }
            }
        }
        return approaching;
    }

    private List<Alert> tracksLapsed(Connection connection, Instant now) throws SQLException {
        List<Alert> lapsed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(LAPSED)) {
            query.setTimestamp(1, Timestamp.from(now.minus(lapsedFor)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    lapsed.add(new Alert(TRACK_LAPSED, row.getString(1) + " " + row.getString(2), Severity.CRITICAL,
                            row.getString(2) + " sent no decision by the deadline for " + row.getLong(3) + " proposal(s) of "
                                    + row.getString(1) + " (last lapsed " + row.getTimestamp(4).toInstant() + "); a lapsed"
                                    + " required track rejects its proposal: " + named(row.getArray(5))));
                }
            }
        }
        return lapsed;
    }

    /** The first ten of {@code references} (a text array), and how many more there are. */
    static String named(Array references) throws SQLException {
        String[] all = (String[]) references.getArray();
        String shown = String.join(", ", List.of(all).subList(0, Math.min(all.length, REFERENCES_NAMED)));
        return all.length > REFERENCES_NAMED ? shown + " and " + (all.length - REFERENCES_NAMED) + " more" : shown;
    }
}
