package org.jointcall.gateway.console.action;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.delivery.OutboxQueue;
import org.jointcall.gateway.persistence.Transactions;

/**
 * What a coordinator does with a dead letter: send it again (the outbox's own resend: PENDING,
 * attempts reset, same message id) or mark it resolved with a comment. Each is audited in the same
 * transaction.
 */
@ApplicationScoped
public class DeadLetterActions {

    /** What an action found. */
    public enum Outcome { DONE, NOT_FOUND, NOT_DEAD }

    @Inject
    Transactions transactions;

    @Inject
    OutboxQueue queue;

    @Inject
    ConsoleAudit audit;

    public Outcome resend(long outboxId, String actor) throws SQLException {
        return transactions.inTransaction(connection -> {
            Outcome found = deadOrNot(connection, outboxId);
            if (found != Outcome.DONE) {
                return found;
            }
            queue.resend(connection, outboxId);
            audit.record(connection, actor, "RESEND", "outbox " + outboxId, null);
            return Outcome.DONE;
        });
    }

    public Outcome resolve(long outboxId, String actor, String comment) throws SQLException {
        return transactions.inTransaction(connection -> {
            Outcome found = deadOrNot(connection, outboxId);
            if (found != Outcome.DONE) {
                return found;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter_resolution (outbox_id, resolved_by, comment)"
                    + " VALUES (?, ?, ?) ON CONFLICT (outbox_id) DO UPDATE SET resolved_by = excluded.resolved_by,"
                    + " resolved_at = now(), comment = excluded.comment")) {
                insert.setLong(1, outboxId);
                insert.setString(2, actor);
                insert.setString(3, comment);
                insert.executeUpdate();
            }
            audit.record(connection, actor, "RESOLVE_DEAD_LETTER", "outbox " + outboxId, comment);
            return Outcome.DONE;
        });
    }

    /** Locks the message so a concurrent delivery or resend sees this action's result. */
    private static Outcome deadOrNot(java.sql.Connection connection, long outboxId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT state FROM outbox_message WHERE outbox_id = ? FOR UPDATE")) {
            query.setLong(1, outboxId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Outcome.NOT_FOUND;
                }
                return "DEAD".equals(row.getString(1)) ? Outcome.DONE : Outcome.NOT_DEAD;
            }
        }
    }
}
