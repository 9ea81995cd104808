package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL advisory lock that serialises all work on one joint proposal, across threads and instances,
 * until the holding transaction ends (see {@link DecisionApplier} for why it exists).
 */
final class ProposalLock {

    private ProposalLock() {
    }

    /** Waits for the lock on (call, joint reference). */
    static void lock(Connection connection, String callId, String jointReference) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            statement.setString(1, key(callId, jointReference));
            statement.execute();
        }
    }

    /** Takes the lock if no other transaction holds it; returns whether it did. */
    static boolean tryLock(Connection connection, String callId, String jointReference) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            statement.setString(1, key(callId, jointReference));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static String key(String callId, String jointReference) {
        return callId + "\n" + jointReference;
    }
}
