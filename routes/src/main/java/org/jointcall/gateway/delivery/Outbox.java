package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

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

    /**
     * Adds each message unless the same one is already there, in one round trip (a fan-out writes one message per
     * agency); returns how many were added.
     */
    public int enqueue(Connection connection, List<OutboundMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (OutboundMessage message : messages) {
                statement.setString(1, message.messageId());
                statement.setString(2, message.recipient());
                statement.setString(3, message.kind().name());
                statement.setObject(4, message.cause().jointId());
                statement.setObject(5, message.cause().ledgerId(), java.sql.Types.BIGINT);
                statement.setBytes(6, message.canonicalXml());
                statement.addBatch();
            }
            return Arrays.stream(statement.executeBatch()).sum();
        }
    }
}
