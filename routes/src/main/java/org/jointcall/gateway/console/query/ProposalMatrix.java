package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.call.CallTerms;
import org.jointcall.gateway.call.CallRepository;

/**
 * The proposals × agencies matrix of one call: a keyset page of proposals (filtered and sorted as
 * asked) with every agency's track state in the row. Sorting and paging happen in PostgreSQL on
 * indexed columns; the page's tracks, local ids and titles are then read for its rows only.
 */
@ApplicationScoped
public class ProposalMatrix {

    /** One agency's cell. */
    public record Cell(String state, String localProposalId, OffsetDateTime updatedAt) {
    }

    /** One proposal's row. */
    public record Row(UUID jointId, String jointReference, String title, String jointState, String decidedBy,
            OffsetDateTime updatedAt, Map<String, Cell> tracks) {
    }

    /** The page. */
    public record Matrix(String callId, List<String> agencies, long total, List<Row> rows, String next) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    CallRepository calls;

    @Inject
    ProposalTracks tracks;

    /** The page of call {@code callId} that {@code filter} asks for; empty if there is no such call. */
    public Optional<Matrix> page(String callId, MatrixFilter filter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<CallTerms> call = calls.find(connection, callId);
            if (call.isEmpty()) {
                return Optional.empty();
            }
            long total = total(connection, callId, filter);
            List<Row> fetched = rows(connection, callId, filter);
            Page<Row> page = Page.of(fetched, filter.limit(), row -> cursorAfter(row, filter.sort()));
            List<Row> rows = tracks.complete(connection, callId, page.rows());
            return Optional.of(new Matrix(callId, CallsOverview.trackAgencies(call.get()), total, rows, page.next()));
        }
    }

    private static long total(Connection connection, String callId, MatrixFilter filter) throws SQLException {
        Sql sql = filtered(new Sql("SELECT count(*) FROM joint_proposal p WHERE p.call_id = ?").append("", callId), filter);
        try (PreparedStatement query = sql.prepare(connection); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Row> rows(Connection connection, String callId, MatrixFilter filter) throws SQLException {
        Sql sql = filtered(new Sql("SELECT p.joint_id, p.joint_reference, p.joint_status, p.updated_at FROM joint_proposal p"
                + " WHERE p.call_id = ?").append("", callId), filter);
        String order = filter.descending() ? " DESC" : "";
        String comparison = filter.descending() ? " < " : " > ";
        Cursor after = filter.after();
        if (!after.isStart()) {
            switch (filter.sort()) {
                case REFERENCE -> sql.append(" AND (p.joint_reference, p.joint_id)" + comparison + "(?, ?::uuid)", after.at(0), after.at(1));
                case STATE -> sql.append(" AND (p.joint_status, p.joint_reference, p.joint_id)" + comparison + "(?, ?, ?::uuid)",
                        after.at(0), after.at(1), after.at(2));
                case UPDATED -> sql.append(" AND (p.updated_at, p.joint_id)" + comparison + "(?::timestamptz, ?::uuid)",
                        after.at(0), after.at(1));
            }
        }
        sql.append(" ORDER BY " + String.join(order + ", ", filter.sort().columns.split(", ")) + order + ", p.joint_id" + order);
        sql.append(" LIMIT ?", filter.limit() + 1);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = sql.prepare(connection); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getObject(1, UUID.class), row.getString(2), null, row.getString(3), null,
                        row.getObject(4, OffsetDateTime.class), Map.of()));
            }
        }
        return rows;
    }

    private static Sql filtered(Sql sql, MatrixFilter filter) {
        sql.andIf(filter.jointState(), "p.joint_status = ?");
        if (filter.agency() != null && filter.trackState() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM agency_track t WHERE t.joint_id = p.joint_id AND t.agency = ? AND t.state = ?)",
                    filter.agency(), filter.trackState());
        } else {
            sql.andIf(filter.agency(), "EXISTS (SELECT 1 FROM agency_track t WHERE t.joint_id = p.joint_id AND t.agency = ?)");
            sql.andIf(filter.trackState(), "EXISTS (SELECT 1 FROM agency_track t WHERE t.joint_id = p.joint_id AND t.state = ?)");
        }
        if (filter.q() != null) {
            String pattern = "%" + Sql.likeLiteral(filter.q()) + "%";
            // Both columns have a trigram index (V10, V14); the titles are the proposal's own, so a word found in
            // every title costs one check per proposal of the call, not one per part ever received.
            sql.append(" AND (p.joint_reference ILIKE ? OR p.part_titles ILIKE ?)", pattern, pattern);
        }
        return sql;
    }

    private static Cursor cursorAfter(Row row, MatrixFilter.Sort sort) {
        String id = row.jointId().toString();
        return switch (sort) {
            case REFERENCE -> Cursor.of(row.jointReference(), id);
            case STATE -> Cursor.of(row.jointState(), row.jointReference(), id);
            case UPDATED -> Cursor.of(row.updatedAt().toString(), id);
        };
    }
}
