package org.jointcall.gateway.signature;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.metrics.MessageMetrics;
import org.jointcall.gateway.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every refused inbound request to {@code security_event}, in a transaction of its own so
 * that the record survives whatever rolled back the request. The application log gets a line too;
 * if the database write itself fails, that line is the only trace, so it says so. Refusals are
 * counted by problem type for the metrics.
 */
@ApplicationScoped
public class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);
    private static final String INSERT = "INSERT INTO security_event"
            + " (agency, remote_address, problem_type, status, detail, key_id, message_digest) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private Transactions transactions;
    private MessageMetrics metrics;

    /** For the CDI proxy only. */
    protected SecurityLog() {
    }

    @Inject
    public SecurityLog(Transactions transactions, MessageMetrics metrics) {
        this.transactions = transactions;
        this.metrics = metrics;
    }

    public void record(SecurityEvent event) {
        metrics.refused(event.problemType());
        try (Correlation ignored = Correlation.of(Correlation.AGENCY, event.agency())) {
            LOG.warn("Refused request from {} for agency {}: {} ({}) key {}", event.remoteAddress(), event.agency(),
                    event.problemType(), event.detail(), event.keyId());
        }
        try {
            transactions.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, event.agency());
                    insert.setString(2, event.remoteAddress());
                    insert.setString(3, event.problemType());
                    insert.setInt(4, event.status());
                    insert.setString(5, event.detail());
                    insert.setString(6, event.keyId());
                    insert.setString(7, event.messageDigest());
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.error("Security event NOT stored in the database ({}): {}", e.getMessage(), event);
        }
    }
}
