package org.jointcall.gateway.proposal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.proposal.AuditEntry;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.proposal.ResearchSecurityStatus;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;

/**
 * Stores and reloads {@link JointProposal} aggregates — the proposal row, one row per agency
 * track, the audit trail — so that a reloaded proposal is the one that was stored, field for field.
 *
 * <p>Every method works on the caller's connection, inside the caller's transaction, so that a
 * track change and the outbox messages it causes commit together. Concurrent changes by several
 * gateway instances are settled by optimistic locking on {@code joint_proposal.version}: an update
 * names the version it read and fails with {@link ConcurrentProposalUpdate} if it is no longer the
 * stored one; nothing is locked while an agency's message is being processed.
 */
@ApplicationScoped
public class ProposalRepository {

    private static final String INSERT_PROPOSAL = """
            INSERT INTO joint_proposal (joint_id, call_id, joint_reference, self_funded_partners,
                                        research_security, joint_status, version)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """;
    private static final String UPDATE_PROPOSAL = """
            UPDATE joint_proposal
               SET research_security = ?, joint_status = ?, version = version + 1, updated_at = now()
             WHERE joint_id = ? AND version = ?
            """;
    private static final String UPSERT_TRACK = """
            INSERT INTO agency_track (joint_id, agency, role, required, state, last_sequence, state_reason,
                                      updated_at, updated_at_offset,
                                      extended_decision_deadline, extended_decision_deadline_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (joint_id, agency) DO UPDATE
               SET role = excluded.role, required = excluded.required, state = excluded.state,
                   last_sequence = excluded.last_sequence, state_reason = excluded.state_reason,
                   updated_at = excluded.updated_at, updated_at_offset = excluded.updated_at_offset,
                   extended_decision_deadline = excluded.extended_decision_deadline,
                   extended_decision_deadline_offset = excluded.extended_decision_deadline_offset
             WHERE (agency_track.role, agency_track.required, agency_track.state, agency_track.last_sequence,
                    agency_track.state_reason, agency_track.updated_at, agency_track.updated_at_offset,
                    agency_track.extended_decision_deadline, agency_track.extended_decision_deadline_offset)
                   IS DISTINCT FROM
                   (excluded.role, excluded.required, excluded.state, excluded.last_sequence, excluded.state_reason,
                    excluded.updated_at, excluded.updated_at_offset, excluded.extended_decision_deadline,
                    excluded.extended_decision_deadline_offset)
            """;
    private static final String APPEND_AUDIT = """
            INSERT INTO proposal_audit (joint_id, position, at, at_offset, actor, action, agency, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (joint_id, position) DO NOTHING
            """;
    private static final String SELECT_PROPOSAL = """
            SELECT joint_id, call_id, joint_reference, self_funded_partners, research_security, version
              FROM joint_proposal
            """;
    private static final String SELECT_TRACKS = """
            SELECT agency, role, required, state, last_sequence, state_reason, updated_at, updated_at_offset,
                   extended_decision_deadline, extended_decision_deadline_offset
              FROM agency_track WHERE joint_id = ? ORDER BY agency
            """;
    private static final String SELECT_AUDIT = """
            SELECT at, at_offset, actor, action, agency, detail
              FROM proposal_audit WHERE joint_id = ? ORDER BY position
            """;

    /** Stores a proposal that was never stored before; it gets version 1. */
    public StoredProposal insert(Connection connection, JointProposal proposal) throws SQLException {
        requireTransaction(connection, "insert", proposal.id());
        try (PreparedStatement statement = connection.prepareStatement(INSERT_PROPOSAL)) {
            statement.setObject(1, proposal.id());
            statement.setString(2, proposal.callId());
            statement.setString(3, proposal.jointReference());
            statement.setArray(4, agencyArray(connection, proposal));
            statement.setString(5, proposal.researchSecurity().name());
            statement.setString(6, proposal.outcome().status().name());
            statement.executeUpdate();
        }
        writeTracksAndAudit(connection, proposal);
        return new StoredProposal(proposal, 1);
    }

    /**
     * Stores the changed proposal if the stored version is still {@code readVersion}.
     *
     * @return the proposal with its new version
     * @throws ConcurrentProposalUpdate if another transaction stored a change since {@code readVersion}
     */
    public StoredProposal update(Connection connection, JointProposal proposal, long readVersion) throws SQLException {
        requireTransaction(connection, "update", proposal.id());
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_PROPOSAL)) {
            statement.setString(1, proposal.researchSecurity().name());
            statement.setString(2, proposal.outcome().status().name());
            statement.setObject(3, proposal.id());
            statement.setLong(4, readVersion);
            if (statement.executeUpdate() == 0) {
                throw new ConcurrentProposalUpdate(proposal.id(), readVersion);
            }
        }
        writeTracksAndAudit(connection, proposal);
        return new StoredProposal(proposal, readVersion + 1);
    }

    public Optional<StoredProposal> find(Connection connection, UUID jointId) throws SQLException {
        return findOne(connection, SELECT_PROPOSAL + " WHERE joint_id = ?", jointId);
    }

    /** The proposal that agencies' parts with this joint reference belong to, in this call. */
    public Optional<StoredProposal> findByReference(Connection connection, String callId, String jointReference)
            throws SQLException {
        return findOne(connection, SELECT_PROPOSAL + " WHERE call_id = ? AND joint_reference = ?", callId, jointReference);
    }

    private Optional<StoredProposal> findOne(Connection connection, String sql, Object... keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                statement.setObject(i + 1, keys[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID jointId = row.getObject("joint_id", UUID.class);
                JointProposal proposal = JointProposal.restore(jointId, row.getString("call_id"),
                        row.getString("joint_reference"), tracks(connection, jointId),
                        agencies((String[]) row.getArray("self_funded_partners").getArray()),
                        audit(connection, jointId), ResearchSecurityStatus.valueOf(row.getString("research_security")));
                return Optional.of(new StoredProposal(proposal, row.getLong("version")));
            }
        }
    }

    /**
     * Every track is written, since the aggregate does not say which changed; the upsert's WHERE leaves an unchanged
     * row alone (an agency's message changes one track of four), and the audit only gains entries it lacks.
     */
    private static void writeTracksAndAudit(Connection connection, JointProposal proposal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_TRACK)) {
            for (AgencyTrack track : proposal.tracks().values()) {
                statement.setObject(1, proposal.id());
                statement.setString(2, track.agency().code());
                statement.setString(3, track.role().name());
                statement.setBoolean(4, track.required());
                statement.setString(5, track.state().name());
                statement.setLong(6, track.lastSequence());
                statement.setString(7, track.stateReason().orElse(null));
                OffsetTimestamps.set(statement, 8, track.updatedAt().orElse(null));
                OffsetTimestamps.set(statement, 10, track.extendedDecisionDeadline().orElse(null));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(APPEND_AUDIT)) {
            List<AuditEntry> audit = proposal.audit();
            for (int position = 0; position < audit.size(); position++) {
                AuditEntry entry = audit.get(position);
                statement.setObject(1, proposal.id());
                statement.setInt(2, position);
                OffsetTimestamps.set(statement, 3, entry.at());
                statement.setString(5, entry.actor());
                statement.setString(6, entry.action().name());
                statement.setString(7, entry.agency() == null ? null : entry.agency().code());
                statement.setString(8, entry.detail());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static List<AgencyTrack> tracks(Connection connection, UUID jointId) throws SQLException {
        List<AgencyTrack> tracks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_TRACKS)) {
            statement.setObject(1, jointId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    tracks.add(AgencyTrack.restore(AgencyId.of(row.getString("agency")),
                            TrackRole.valueOf(row.getString("role")), row.getBoolean("required"),
                            TrackState.valueOf(row.getString("state")), row.getLong("last_sequence"),
                            row.getString("state_reason"), OffsetTimestamps.get(row, "updated_at"),
                            OffsetTimestamps.get(row, "extended_decision_deadline")));
                }
            }
        }
        return tracks;
    }

    private static List<AuditEntry> audit(Connection connection, UUID jointId) throws SQLException {
        List<AuditEntry> audit = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_AUDIT)) {
            statement.setObject(1, jointId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String agency = row.getString("agency");
                    audit.add(new AuditEntry(OffsetTimestamps.get(row, "at"), row.getString("actor"),
                            AuditEntry.Action.valueOf(row.getString("action")), agency == null ? null : AgencyId.of(agency),
                            row.getString("detail")));
                }
            }
        }
        return audit;
    }

    private static Array agencyArray(Connection connection, JointProposal proposal) throws SQLException {
        return connection.createArrayOf("text",
                proposal.selfFundedPartners().stream().map(AgencyId::code).toArray(String[]::new));
    }

    private static List<AgencyId> agencies(String[] codes) {
        List<AgencyId> agencies = new ArrayList<>();
        for (String code : codes) {
            agencies.add(AgencyId.of(code));
        }
        return agencies;
    }

    /** A proposal is several rows; written outside a transaction a crash could leave half of it. */
    private static void requireTransaction(Connection connection, String operation, UUID jointId) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("ProposalRepository." + operation + " of joint proposal " + jointId
                    + " needs a transaction (auto-commit is on); run it inside Transactions.inTransaction");
        }
    }
}
