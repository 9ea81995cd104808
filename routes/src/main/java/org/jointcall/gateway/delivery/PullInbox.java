package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.gateway.exchange.RequestEvidence;

/**
 * The inbox of a pull-mode agency: the outbox messages offered to it, in pull-sequence order, which is
 * the order they were offered in (see {@link OutboxQueue#offerForPull}). A message stays offered until
 * the agency acknowledges it, so reading from an older cursor, or from none, offers every
 * unacknowledged message again.
 */
@ApplicationScoped
public class PullInbox {

    /** One offered message, in canonical form; the route writes it in the agency's format. */
    public record Offered(String messageId, String kind, byte[] canonicalXml, long cursor) {
    }

    private static final String PENDING = """
            SELECT message_id, kind, canonical_xml, pull_sequence FROM outbox_message
             WHERE recipient = ? AND state = 'AWAITING_PULL' AND pull_sequence > ?
             ORDER BY pull_sequence LIMIT ?
            """;
    private static final String ACKNOWLEDGE = """
            UPDATE outbox_message SET state = 'ACKNOWLEDGED', delivered_at = coalesce(delivered_at, now()),
                   ack_uri = coalesce(ack_uri, ?), ack_headers = coalesce(ack_headers, ?::jsonb),
                   ack_verdict = coalesce(ack_verdict, ?::jsonb)
             WHERE recipient = ? AND message_id = ? AND state IN ('AWAITING_PULL', 'ACKNOWLEDGED')
            """;

    /** The highest cursor given out so far (0 before any), for telling a cursor the gateway gave out from one it did not. */
    public long highestCursor(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_pull_sequence");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public List<Offered> after(Connection connection, String agency, long cursor, int limit) throws SQLException {
        List<Offered> offered = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setString(1, agency);
            statement.setLong(2, cursor);
            statement.setInt(3, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    offered.add(new Offered(row.getString(1), row.getString(2), row.getBytes(3), row.getLong(4)));
                }
            }
        }
        return offered;
    }

    /**
     * Marks a message acknowledged (again, harmlessly), keeping the first acknowledgement's signed request as the
     * agency's evidence of receipt; false if the agency has no such message in its inbox.
     */
    public boolean acknowledge(Connection connection, String agency, String messageId, RequestEvidence acknowledgement)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ACKNOWLEDGE)) {
            statement.setString(1, acknowledgement.uri());
            statement.setString(2, acknowledgement.headersJson());
            statement.setString(3, acknowledgement.verdictJson());
            statement.setString(4, agency);
            statement.setString(5, messageId);
            return statement.executeUpdate() == 1;
        }
    }
}
