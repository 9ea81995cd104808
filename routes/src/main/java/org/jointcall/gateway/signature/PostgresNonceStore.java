package org.jointcall.gateway.signature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.signature.verify.NonceStore;

/**
 * Nonces in the {@code signature_nonce} table, shared by every gateway instance on the database.
 * The primary key (key id, nonce) makes "first use" atomic: {@code INSERT … ON CONFLICT DO NOTHING}
 * reports a replay as zero inserted rows even when two instances see the same request at once.
 *
 * <p>Inbound messages spend their nonce with {@link #spend(Connection, String, String, Instant)} in the
 * transaction that writes the ledger row, so a nonce is consumed exactly when a message is accepted.
 */
@ApplicationScoped
public class PostgresNonceStore implements NonceStore {

    private static final String INSERT = "INSERT INTO signature_nonce (key_id, nonce, expires_at) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private DataSource dataSource;

    /** For the CDI proxy only. */
    protected PostgresNonceStore() {
    }

    @Inject
    public PostgresNonceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the nonce in a transaction of its own. */
    @Override
    public boolean firstUse(String keyId, String nonce, Instant expiresAt) {
        try (Connection connection = dataSource.getConnection()) {
            return spend(connection, keyId, nonce, expiresAt);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record nonce of key " + keyId + ": " + e.getMessage(), e);
        }
    }

    /** Records the nonce on the caller's connection (and transaction); false when it was used before. */
    public boolean spend(Connection connection, String keyId, String nonce, Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, keyId);
            insert.setString(2, nonce);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            return insert.executeUpdate() == 1;
        }
    }

    /** Whether the nonce is already recorded (a read only; the insert stays the arbiter). */
    public boolean seen(String keyId, String nonce) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM signature_nonce WHERE key_id = ? AND nonce = ?")) {
            query.setString(1, keyId);
            query.setString(2, nonce);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up nonce of key " + keyId + ": " + e.getMessage(), e);
        }
    }

    /** Deletes nonces whose signatures expired before {@code now}; returns how many. */
    public int purgeExpired(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM signature_nonce WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        }
    }
}
