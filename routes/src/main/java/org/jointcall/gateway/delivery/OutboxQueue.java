package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The delivery side of the outbox. A worker claims due messages by leasing them ({@code leased_until}) in
 * one short transaction ({@code FOR UPDATE SKIP LOCKED}, so instances never claim the same row), then
 * talks to the partner with no database lock held, then records the result. A
 * worker killed in between leaves its messages PENDING; they are claimed again when the lease ends
 * and sent under the same message id, which the partner's idempotency makes harmless.
 */
@ApplicationScoped
public class OutboxQueue {

    private static final String CLAIM = """
            UPDATE outbox_message SET attempts = attempts + 1, leased_until = now() + (? * interval '1 millisecond')
             WHERE outbox_id IN (
                   SELECT m.outbox_id FROM outbox_message m
                    WHERE m.state = 'PENDING' AND m.next_attempt_at <= now()
                      AND (m.leased_until IS NULL OR m.leased_until <= now())
                      AND NOT EXISTS (SELECT 1 FROM partner_circuit c
                                       WHERE c.agency = m.recipient AND c.state = 'OPEN' AND c.open_until > now())
                    ORDER BY m.next_attempt_at, m.outbox_id
                    LIMIT ?
                      FOR UPDATE SKIP LOCKED)
            RETURNING outbox_id, message_id, recipient, kind, canonical_xml, attempts
            """;
    private static final String DELIVERED = """
            UPDATE outbox_message SET state = 'DELIVERED', delivered_at = now(), last_error = NULL,
                   request_uri = ?, request_headers = ?::jsonb,
                   receipt_status = ?, receipt_headers = ?::jsonb, receipt_body = ?, receipt_verdict = ?::jsonb
             WHERE outbox_id = ? AND state = 'PENDING'
            """;
    // A request that was sent replaces the last one with its answer, or with none: an older receipt answered an
    // older request. A failure before anything was sent (the adapter could not write the message) leaves the last
    // request and its receipt as they were: they are still the evidence of what happened last on the wire.
    private static final String FAILED_SENT = """
            UPDATE outbox_message SET state = ?, last_error = ?, next_attempt_at = ?, leased_until = NULL,
                   request_uri = ?, request_headers = ?::jsonb,
                   receipt_status = ?, receipt_headers = ?::jsonb, receipt_body = ?, receipt_verdict = NULL
             WHERE outbox_id = ? AND state = 'PENDING'
            """;
    private static final String FAILED_UNSENT = """
            UPDATE outbox_message SET state = ?, last_error = ?, next_attempt_at = ?, leased_until = NULL
             WHERE outbox_id = ? AND state = 'PENDING'
            """;
    private static final String POSTPONE = """
            UPDATE outbox_message SET attempts = attempts - 1, next_attempt_at = ?, leased_until = NULL WHERE outbox_id = ? AND state = 'PENDING'
            """;
    // Numbered after the last attempt on record, not by the claim's retry count: a resend starts the
    // retry budget again at 0, and the attempts before it must stay in the message's history.
    private static final String ATTEMPT = """
            INSERT INTO delivery_attempt (outbox_id, attempt, instance_id, started_at, duration_ms, http_status, outcome, error)
            SELECT ?, COALESCE(MAX(attempt), 0) + 1, ?, ?, ?, ?, ?, ? FROM delivery_attempt WHERE outbox_id = ?
            """;
    private static final String OFFER = """
            UPDATE outbox_message SET state = 'AWAITING_PULL', pull_sequence = nextval('outbox_pull_sequence'),
                   next_attempt_at = now(), offered_at = now()
             WHERE outbox_id = ? AND state = 'PENDING'
            """;
    private static final String RESEND = """
            UPDATE outbox_message SET state = 'PENDING', attempts = 0, next_attempt_at = now(), leased_until = NULL, last_error = NULL,
                   delivered_at = NULL, pull_sequence = NULL
             WHERE outbox_id = ?
            RETURNING state
            """;
    /** Serialises offering to pull inboxes, so pull sequences are assigned in commit order and a cursor never skips a message. */
    private static final long PULL_OFFER_LOCK = 0x6a6f696e7443616cL;

    /** Claims up to {@code limit} due messages of partners whose circuit is not open, for {@code lease}. */
    public List<ClaimedMessage> claimDue(Connection connection, int limit, Duration lease) throws SQLException {
        List<ClaimedMessage> claimed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setLong(1, lease.toMillis());
            statement.setInt(2, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(new ClaimedMessage(row.getLong("outbox_id"), row.getString("message_id"), row.getString("recipient"),
                            row.getString("kind"), row.getBytes("canonical_xml"), row.getInt("attempts")));
                }
            }
        }
        return claimed;
    }

    /** Marks the messages of these pushes DELIVERED with the requests sent and their partners' receipts, in one round trip. */
    public void delivered(Connection connection, List<PushAttempt> pushes) throws SQLException {
        if (pushes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(DELIVERED)) {
            for (PushAttempt push : pushes) {
                SentRequest request = push.result().request().orElseThrow();
                Receipt receipt = push.result().receipt().orElseThrow();
                statement.setString(1, request.target().toString());
                statement.setString(2, request.headersJson());
                statement.setInt(3, receipt.status());
                statement.setString(4, receipt.headersJson());
                statement.setBytes(5, receipt.body());
                statement.setString(6, receipt.verdictJson());
                statement.setLong(7, push.message().outboxId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Records a failed attempt: PENDING again at {@code retryAt}, or DEAD when {@code retryAt} is empty.
     *
     * @param request what was sent; empty when the message failed before anything was sent, which leaves the last
     *     request and its receipt on record
     * @param receipt what the partner answered to {@code request}, if it answered at all
     */
    public void failed(Connection connection, ClaimedMessage message, String error, Optional<Instant> retryAt,
            Optional<SentRequest> request, Optional<Receipt> receipt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(request.isPresent() ? FAILED_SENT : FAILED_UNSENT)) {
            statement.setString(1, retryAt.isPresent() ? "PENDING" : "DEAD");
            statement.setString(2, error);
            statement.setObject(3, OffsetDateTime.ofInstant(retryAt.orElse(Instant.now()), ZoneOffset.UTC));
            if (request.isPresent()) {
                statement.setString(4, request.get().target().toString());
                statement.setString(5, request.get().headersJson());
                statement.setObject(6, receipt.map(Receipt::status).orElse(null), Types.INTEGER);
                statement.setString(7, receipt.map(Receipt::headersJson).orElse(null));
                statement.setBytes(8, receipt.map(Receipt::body).orElse(null));
                statement.setLong(9, message.outboxId());
            } else {
                statement.setLong(4, message.outboxId());
            }
            statement.executeUpdate();
        }
    }

    /** Gives a claimed message back untried (its partner's circuit opened meanwhile): the attempt does not count. */
    public void postpone(Connection connection, ClaimedMessage message, Instant until) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(POSTPONE)) {
            statement.setObject(1, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            statement.setLong(2, message.outboxId());
            statement.executeUpdate();
        }
    }

    /** Adds these pushes to their messages' histories, in one round trip. */
    public void recordAttempts(Connection connection, List<PushAttempt> pushes, String instanceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ATTEMPT)) {
            for (PushAttempt push : pushes) {
                statement.setLong(1, push.message().outboxId());
                statement.setString(2, instanceId);
                statement.setObject(3, OffsetDateTime.ofInstant(push.startedAt(), ZoneOffset.UTC));
                statement.setInt(4, (int) Math.min(Integer.MAX_VALUE, push.millis()));
                if (push.result().httpStatus() == null) {
                    statement.setNull(5, Types.INTEGER);
                } else {
                    statement.setInt(5, push.result().httpStatus());
                }
                statement.setString(6, push.outcome());
                statement.setString(7, push.result().error());
                statement.setLong(8, push.message().outboxId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Puts a message for a pull-mode agency into its inbox with the next cursor position. */
    public void offerForPull(Connection connection, ClaimedMessage message) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, PULL_OFFER_LOCK);
            lock.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(OFFER)) {
            statement.setLong(1, message.outboxId());
            statement.executeUpdate();
        }
    }

    /**
     * Sends a message again from the start (operator's resend): PENDING, attempts reset, due now,
     * under its original message id.
     *
     * @return false if there is no such message
     */
    public boolean resend(Connection connection, long outboxId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RESEND)) {
            statement.setLong(1, outboxId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
