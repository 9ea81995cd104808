package org.jointcall.gateway.reconciliation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.proposal.TrackLifecycle;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * The tracks worth asking an agency about: every track of the agency that is still open (not in a
 * terminal state) and whose proposal part has arrived (a track still EXPECTED has no id the agency
 * would know). The agency's proposal id is read from its latest applied proposal part.
 */
@ApplicationScoped
public class OpenTracks {

    private static final String TRACKS = """
            SELECT p.joint_id, p.call_id, p.joint_reference, t.agency, t.state, t.last_sequence,
                   (SELECT l.canonical_xml FROM exchange_ledger l
                     WHERE l.call_id = p.call_id AND l.joint_reference = p.joint_reference AND l.agency = t.agency
                       AND l.kind = 'PROPOSAL_PART' AND l.processing_state = 'APPLIED'
                     ORDER BY l.ledger_id DESC LIMIT 1) AS part
              FROM agency_track t JOIN joint_proposal p USING (joint_id)
            """;
    private static final String OPEN = TRACKS + " WHERE t.agency = ? AND t.state <> ALL (?) ORDER BY p.call_id, p.joint_reference";
    private static final String ONE = TRACKS + " WHERE t.agency = ? AND t.joint_id = ?";

    private final CanonicalCodec codec = new CanonicalCodec();

    /** The open tracks of {@code agency}, by call and joint reference. */
    public List<OpenTrack> of(Connection connection, String agency) throws SQLException {
        List<OpenTrack> tracks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OPEN)) {
            statement.setString(1, agency);
            Array closed = connection.createArrayOf("text", Arrays.stream(TrackState.values())
                    .filter(state -> state == TrackState.EXPECTED || TrackLifecycle.isTerminal(state)).map(Enum::name).toArray());
            statement.setArray(2, closed);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    tracks.add(track(row));
                }
            }
        }
        return tracks;
    }

    /** The track of {@code agency} in {@code jointId}, open or not (the name says what reconciliation asks about), if there is one. */
    public Optional<OpenTrack> find(Connection connection, UUID jointId, String agency) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setString(1, agency);
            statement.setObject(2, jointId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(track(row)) : Optional.empty();
            }
        }
    }

    private OpenTrack track(ResultSet row) throws SQLException {
        return new OpenTrack(row.getObject("joint_id", UUID.class), row.getString("call_id"), row.getString("joint_reference"),
                row.getString("agency"), TrackState.valueOf(row.getString("state")), row.getLong("last_sequence"),
                localProposalId(row.getBytes("part")));
    }

    private Optional<String> localProposalId(byte[] part) {
        if (part == null) {
            return Optional.empty();
        }
        try {
            CanonicalMessage message = codec.fromXml(part);
            return Optional.ofNullable(message.getProposalPart()).map(proposal -> proposal.getLocalProposalId());
        } catch (ContractViolation e) {
            // The ledger holds only canonical forms the gateway wrote itself; one that no longer parses has no id to ask about.
            return Optional.empty();
        }
    }
}
