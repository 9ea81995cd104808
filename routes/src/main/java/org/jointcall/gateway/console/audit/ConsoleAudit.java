package org.jointcall.gateway.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.console.query.Cursor;
import org.jointcall.gateway.console.query.Page;

/**
 * The {@code console_audit} table. An action and its audit row are written on the same connection
 * ({@link #record(Connection, String, String, String, String)}) so one never exists without the other.
 */
@ApplicationScoped
public class ConsoleAudit {

    /** One audited action. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String subject, String detail) {
    }

    @Inject
    DataSource dataSource;

    public void record(Connection connection, String actor, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO console_audit (actor, action, subject, detail) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, actor);
            insert.setString(2, action);
            insert.setString(3, subject);
            insert.setString(4, detail);
            insert.executeUpdate();
        }
    }

    /** Records an action that changed nothing else in the database (a login, a logout). */
    public void record(String actor, String action, String subject, String detail) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            record(connection, actor, action, subject, detail);
        }
    }

    /** A page of the trail, newest first, after {@code after} (a cursor from the previous page). */
    public Page<Entry> page(Cursor after, int limit) throws SQLException {
        long before = after.isStart() ? Long.MAX_VALUE : after.longAt(0);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT audit_id, at, actor, action, subject, detail"
                     + " FROM console_audit WHERE audit_id < ? ORDER BY audit_id DESC LIMIT ?")) {
            query.setLong(1, before);
            query.setInt(2, limit + 1);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getLong(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6)));
                }
            }
            return Page.of(entries, limit, last -> Cursor.of(Long.toString(last.id())));
        }
    }
}
