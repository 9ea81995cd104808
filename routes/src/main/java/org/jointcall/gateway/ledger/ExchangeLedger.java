package org.jointcall.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * JDBC access to {@code exchange_ledger} on the caller's connection (and transaction). Inserting
 * uses {@code ON CONFLICT (agency, message_id) DO NOTHING}: of two concurrent copies of one message
 * exactly one inserts, the other waits for it and then finds the stored row.
 */
@ApplicationScoped
public class ExchangeLedger {

    private static final String INSERT = "INSERT INTO exchange_ledger (ledger_id, agency, message_id, kind, joint_reference, call_id,"
            + " local_proposal_id, title, lead_researchers, media_type, body, body_digest, request_uri, request_headers, signature_input,"
            + " signature, key_id, algorithm, verdict, canonical_xml, translation_report, receipt_status, receipt_headers, receipt_body,"
            + " received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT message_once_per_agency DO NOTHING";

    /** Reserves the id of the next ledger row (the receipt names it before the row exists). */
    public long nextId(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval(pg_get_serial_sequence('exchange_ledger', 'ledger_id'))");
             ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Inserts the entry; false when the agency already sent a message with this id. */
    public boolean insert(Connection connection, LedgerEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setLong(++i, entry.ledgerId());
            insert.setString(++i, entry.agency());
            insert.setString(++i, entry.messageId());
            insert.setString(++i, entry.kind());
            insert.setString(++i, entry.jointReference());
            insert.setString(++i, entry.callId());
            insert.setString(++i, entry.localProposalId());
            insert.setString(++i, entry.title());
            if (entry.leadResearchers() == null) {
                insert.setNull(++i, Types.ARRAY);
            } else {
                insert.setArray(++i, connection.createArrayOf("text", entry.leadResearchers().toArray()));
            }
            insert.setString(++i, entry.mediaType());
            insert.setBytes(++i, entry.body());
            insert.setString(++i, entry.bodyDigest());
            insert.setString(++i, entry.requestUri());
            insert.setString(++i, HeaderLines.toJson(entry.requestHeaders()));
            insert.setString(++i, entry.signatureInput());
            insert.setString(++i, entry.signature());
            insert.setString(++i, entry.keyId());
            insert.setString(++i, entry.algorithm());
            insert.setString(++i, entry.verdictJson());
            insert.setBytes(++i, entry.canonicalXml());
            if (entry.translationReportJson() == null) {
                insert.setNull(++i, Types.VARCHAR);
            } else {
                insert.setString(++i, entry.translationReportJson());
            }
            insert.setInt(++i, entry.receipt().status());
            insert.setString(++i, HeaderLines.toJson(entry.receipt().headers()));
            insert.setBytes(++i, entry.receipt().body());
            insert.setTimestamp(++i, Timestamp.from(entry.receivedAt()));
            return insert.executeUpdate() == 1;
        }
    }

    /** The stored digest and receipt of {@code agency}'s message {@code messageId}, if any. */
    public Optional<StoredMessage> find(Connection connection, String agency, String messageId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ledger_id, body_digest, receipt_status,"
                + " receipt_headers::text, receipt_body FROM exchange_ledger WHERE agency = ? AND message_id = ?")) {
            query.setString(1, agency);
            query.setString(2, messageId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredMessage(row.getLong(1), row.getString(2),
                        new Receipt(row.getInt(3), HeaderLines.fromJson(row.getString(4)), row.getBytes(5))));
            }
        }
    }

    /** How far processing of {@code agency}'s message {@code messageId} has got, if the ledger holds it. */
    public Optional<Processing> processing(Connection connection, String agency, String messageId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ledger_id, received_at, processing_state,"
                + " processing_detail, processed_at FROM exchange_ledger WHERE agency = ? AND message_id = ?")) {
            query.setString(1, agency);
            query.setString(2, messageId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Processing(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        Optional.ofNullable(row.getString(4)), Optional.ofNullable(row.getTimestamp(5)).map(Timestamp::toInstant)));
            }
        }
    }
}
