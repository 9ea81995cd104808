package org.jointcall.gateway.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code alert} table. Raising is idempotent through the table's unique index on open
 * (kind, subject), so checks may run on every instance and as often as they like; the database,
 * not a read-then-write, decides whether an alert is new.
 */
@ApplicationScoped
public class AlertLog {

    private static final String RAISE = "INSERT INTO alert (kind, subject, severity, detail, raised_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (kind, subject) WHERE resolved_at IS NULL DO NOTHING";
    private static final String RESOLVE_OTHERS = "UPDATE alert SET resolved_at = ? WHERE kind = ? AND resolved_at IS NULL"
            + " AND NOT (subject = ANY (?))";

    private DataSource dataSource;

    /** For the CDI proxy only. */
    protected AlertLog() {
    }

    @Inject
    public AlertLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Raises {@code alert} unless it is already open; true when it was new. */
    public boolean raise(Alert alert, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RAISE)) {
            insert.setString(1, alert.kind());
            insert.setString(2, alert.subject());
            insert.setString(3, alert.severity().name());
            insert.setString(4, alert.detail());
            insert.setTimestamp(5, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        }
    }

    /** Resolves every open alert of {@code kind} whose subject is not in {@code stillOpen}; returns how many. */
    public int resolveAllExcept(String kind, Collection<String> stillOpen, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(RESOLVE_OTHERS)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, kind);
            update.setArray(3, connection.createArrayOf("varchar", stillOpen.toArray()));
            return update.executeUpdate();
        }
    }

    /**
     * Keeps the open alerts of {@code kind} equal to {@code current} (all of that kind): raises those not open yet and
     * resolves the open ones no longer in it. What a periodic check does with what it found.
     */
    public void keepOpen(String kind, Collection<Alert> current, Instant at) throws SQLException {
        List<String> subjects = new ArrayList<>();
        for (Alert alert : current) {
            if (!alert.kind().equals(kind)) {
                throw new IllegalArgumentException("alert " + alert.kind() + " " + alert.subject() + " is not of kind " + kind);
            }
            raise(alert, at);
            subjects.add(alert.subject());
        }
        resolveAllExcept(kind, subjects, at);
    }

    /** The open alerts, oldest first. */
    public List<Alert> open() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kind, subject, severity, detail FROM alert WHERE resolved_at IS NULL ORDER BY raised_at, id");
             ResultSet rows = query.executeQuery()) {
            List<Alert> alerts = new ArrayList<>();
            while (rows.next()) {
                alerts.add(new Alert(rows.getString(1), rows.getString(2), Severity.valueOf(rows.getString(3)), rows.getString(4)));
            }
            return alerts;
        }
    }
}
