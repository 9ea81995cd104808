package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@code alert} table as the console lists it: open ones, or the latest of all. */
@ApplicationScoped
public class AlertsView {

    /** One alert. */
    public record AlertLine(long id, String kind, String severity, String subject, String detail, OffsetDateTime raisedAt,
            OffsetDateTime resolvedAt) {
    }

    private static final String COLUMNS = "SELECT id, kind, severity, subject, detail, raised_at, resolved_at FROM alert";
    /** Resolved alerts accumulate; the console shows the latest ones. */
    private static final int MAX_LISTED = 500;

    @Inject
    DataSource dataSource;

    /** Open alerts newest first, or (openOnly false) the latest alerts of any state. */
    public List<AlertLine> list(boolean openOnly) throws SQLException {
        String sql = COLUMNS + (openOnly ? " WHERE resolved_at IS NULL" : "") + " ORDER BY raised_at DESC, id DESC LIMIT " + MAX_LISTED;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            List<AlertLine> alerts = new ArrayList<>();
            while (row.next()) {
                alerts.add(line(row));
            }
            return alerts;
        }
    }

    public Optional<AlertLine> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COLUMNS + " WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(line(row)) : Optional.empty();
            }
        }
    }

    private static AlertLine line(ResultSet row) throws SQLException {
        return new AlertLine(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getObject(6, OffsetDateTime.class), row.getObject(7, OffsetDateTime.class));
    }
}
