package org.jointcall.gateway.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The pull agencies' side of reconciliation: messages put into an agency's inbox more than a
 * threshold ago and still not acknowledged, one finding per agency and joint proposal. A pull agency
 * cannot be asked anything, so its acknowledgements are what tells whether it has what the gateway sent.
 */
@ApplicationScoped
public class UnacknowledgedMessages {

    private static final String WAITING = """
            SELECT m.recipient, m.joint_id, p.joint_reference, t.state, count(*) AS waiting, min(m.offered_at) AS oldest,
                   (array_agg(m.message_id ORDER BY m.offered_at, m.outbox_id))[1] AS first_message
              FROM outbox_message m JOIN joint_proposal p USING (joint_id)
              LEFT JOIN agency_track t ON t.joint_id = m.joint_id AND t.agency = m.recipient
             WHERE m.state = 'AWAITING_PULL' AND m.offered_at < ?
             GROUP BY m.recipient, m.joint_id, p.joint_reference, t.state
             ORDER BY m.recipient, p.joint_reference
            """;

    private OpenTracks tracks;

    /** For the CDI proxy only. */
    protected UnacknowledgedMessages() {
    }

    @Inject
    public UnacknowledgedMessages(OpenTracks tracks) {
        this.tracks = tracks;
    }

    /** One finding per agency and proposal with messages offered before {@code now - threshold} and not acknowledged. */
    public List<Finding> findings(Connection connection, Instant now, Duration threshold) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(WAITING)) {
            statement.setObject(1, OffsetDateTime.ofInstant(now.minus(threshold), ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String agency = row.getString("recipient");
                    UUID jointId = row.getObject("joint_id", UUID.class);
                    Optional<String> localId = tracks.find(connection, jointId, agency).flatMap(OpenTrack::localProposalId);
                    findings.add(new Finding(agency, jointId, row.getString("joint_reference"), localId.orElse(null),
                            DiscrepancyKind.UNACKNOWLEDGED, row.getString("state"), null,
                            agency + " has not acknowledged " + row.getLong("waiting") + " message(s) about joint reference "
                                    + row.getString("joint_reference") + " waiting in its inbox since "
                                    + row.getObject("oldest", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                                    + " (the first is " + row.getString("first_message") + "): its system may have stopped pulling"
                                    + " GET /api/v1/exchange/" + agency + "/inbox, or fails to acknowledge what it reads"));
                }
            }
        }
        return findings;
    }
}
