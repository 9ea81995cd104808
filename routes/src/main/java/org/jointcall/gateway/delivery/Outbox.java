package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The writing side of the transactional outbox: the decision worker adds the messages a state change
 * causes on the connection of the transaction that stores the change, so they exist exactly when the
 * change does. A message whose cause, kind and recipient are already in the outbox is not added again: they
 * make its message id ({@link MessageCause#messageId}), which the outbox holds unique.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_message (message_id, recipient, kind, joint_id, caused_by, canonical_xml)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO NOTHING
            """;

    /** Adds the message unless the same one is already there; returns whether it was added. */
    public boolean enqueue(Connection connection, OutboundMessage message) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, message.messageId());
            statement.setString(2, message.recipient());
            statement.setString(3, message.kind().name());
            statement.setObject(4, message.cause().jointId());
            statement.setObject(5, message.cause().ledgerId(), java.sql.Types.BIGINT);
            statement.setBytes(6, message.canonicalXml());
            return statement.executeUpdate() == 1;
        }
    }
}
