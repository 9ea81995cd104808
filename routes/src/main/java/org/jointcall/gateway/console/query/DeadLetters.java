package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Dead letters: outbox messages delivery gave up on (state DEAD), newest first, each with its
 * resolution if a coordinator marked it resolved. A resent message leaves the list (it is PENDING
 * again); a resolved one stays, marked, so the record of what happened remains visible.
 */
@ApplicationScoped
public class DeadLetters {

    public record Resolution(String by, OffsetDateTime at, String comment) {
    }

    public record DeadLetter(long outboxId, String messageId, String recipient, String kind, UUID jointId, String jointReference,
            int attempts, String lastError, OffsetDateTime createdAt, boolean resolved, Resolution resolution) {
    }

    private static final String QUERY = """
            SELECT o.outbox_id, o.message_id, o.recipient, o.kind, o.joint_id, p.joint_reference, o.attempts, o.last_error,
                   o.created_at, r.resolved_by, r.resolved_at, r.comment
              FROM outbox_message o
              JOIN joint_proposal p ON p.joint_id = o.joint_id
              LEFT JOIN dead_letter_resolution r ON r.outbox_id = o.outbox_id
             WHERE o.state = 'DEAD'
             ORDER BY o.created_at DESC, o.outbox_id DESC
             LIMIT ?
            """;
    /** A page shows at most this many; a partner down for long enough must not make the list unreadable. */
    private static final int MAX_LISTED = 1000;

    @Inject
    DataSource dataSource;

    public List<DeadLetter> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setInt(1, MAX_LISTED);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String by = row.getString(10);
                    letters.add(new DeadLetter(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getObject(5, UUID.class), row.getString(6), row.getInt(7), row.getString(8),
                            row.getObject(9, OffsetDateTime.class), by != null,
                            by == null ? null : new Resolution(by, row.getObject(11, OffsetDateTime.class), row.getString(12))));
                }
            }
            return letters;
        }
    }
}
