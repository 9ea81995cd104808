package org.jointcall.gateway.console.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcomePolicy;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.gateway.console.query.ProposalMatrix.Cell;
import org.jointcall.gateway.console.query.ProposalMatrix.Row;

/**
 * Fills matrix rows with what lives beside the proposal row: each agency's track, its local proposal
 * id and the title from the parts the agencies sent, and which agency's decision determined a
 * rejection — asked of {@link JointOutcomePolicy} itself, so the console never re-implements the rule.
 */
@ApplicationScoped
public class ProposalTracks {

    private static final String TRACKS = """
            SELECT joint_id, agency, role, required, state, last_sequence, state_reason, updated_at
              FROM agency_track WHERE joint_id = ANY (?) ORDER BY joint_id, agency
            """;
    /** The latest part each agency sent per proposal (index exchange_ledger_by_proposal). */
    private static final String PARTS = """
            SELECT DISTINCT ON (joint_reference, agency) joint_reference, agency, local_proposal_id, title
              FROM exchange_ledger
             WHERE call_id = ? AND joint_reference = ANY (?) AND kind = 'PROPOSAL_PART'
             ORDER BY joint_reference, agency, received_at DESC
            """;

    private record Part(String localProposalId, String title) {
    }

    /** A proposal's row with its call, for live updates. */
    public record Located(String callId, Row row) {
    }

    /** {@code rows} of call {@code callId} with tracks, title and deciding agency filled in. */
    public List<Row> complete(Connection connection, String callId, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<TrackRow>> tracks = tracks(connection, rows.stream().map(Row::jointId).toArray(UUID[]::new));
        Map<String, Map<String, Part>> parts = parts(connection, callId, rows.stream().map(Row::jointReference).toArray(String[]::new));
        List<Row> complete = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<TrackRow> rowTracks = tracks.getOrDefault(row.jointId(), List.of());
            Map<String, Part> rowParts = parts.getOrDefault(row.jointReference(), Map.of());
            Map<String, Cell> cells = new TreeMap<>();
            String title = null;
            for (TrackRow track : rowTracks) {
                Part part = rowParts.get(track.agency);
                cells.put(track.agency, new Cell(track.state, part == null ? null : part.localProposalId(), track.updatedAt));
                if (part != null && part.title() != null && (title == null || track.role.equals(TrackRole.LEAD.name()))) {
                    title = part.title();
                }
            }
            if (title == null) {
                title = rowParts.values().stream().map(Part::title).filter(t -> t != null).findFirst().orElse(null);
            }
            complete.add(new Row(row.jointId(), row.jointReference(), title, row.jointState(), decidedBy(rowTracks),
                    row.updatedAt(), cells));
        }
        return complete;
    }

    /** The matrix row of one proposal, for a live update. */
    public Optional<Located> one(Connection connection, UUID jointId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT call_id, joint_reference, joint_status, updated_at FROM joint_proposal WHERE joint_id = ?")) {
            query.setObject(1, jointId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String callId = row.getString(1);
                Row bare = new Row(jointId, row.getString(2), null, row.getString(3), null, row.getObject(4, OffsetDateTime.class), Map.of());
                return Optional.of(new Located(callId, complete(connection, callId, List.of(bare)).get(0)));
            }
        }
    }

    /** The agency whose track decided a rejection, per the joint outcome policy; null when none did. */
    static String decidedBy(List<TrackRow> tracks) {
        List<AgencyTrack> domain = tracks.stream().map(track -> AgencyTrack.restore(AgencyId.of(track.agency),
                TrackRole.valueOf(track.role), track.required, TrackState.valueOf(track.state), track.lastSequence,
                track.reason, null, null)).toList();
        return JointOutcomePolicy.outcomeOf(domain).decidingAgencyIfAny().map(AgencyId::code).orElse(null);
    }

    record TrackRow(String agency, String role, boolean required, String state, long lastSequence, String reason,
            OffsetDateTime updatedAt) {
    }

    private static Map<UUID, List<TrackRow>> tracks(Connection connection, UUID[] jointIds) throws SQLException {
        Map<UUID, List<TrackRow>> tracks = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(TRACKS)) {
            query.setArray(1, connection.createArrayOf("uuid", jointIds));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    tracks.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(new TrackRow(row.getString(2),
                            row.getString(3), row.getBoolean(4), row.getString(5), row.getLong(6), row.getString(7),
                            row.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return tracks;
    }

    private static Map<String, Map<String, Part>> parts(Connection connection, String callId, String[] references) throws SQLException {
        Map<String, Map<String, Part>> parts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(PARTS)) {
            query.setString(1, callId);
            Array array = connection.createArrayOf("text", references);
            query.setArray(2, array);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    parts.computeIfAbsent(row.getString(1), reference -> new HashMap<>())
                            .put(row.getString(2), new Part(row.getString(3), row.getString(4)));
                }
            }
        }
        return parts;
    }
}
