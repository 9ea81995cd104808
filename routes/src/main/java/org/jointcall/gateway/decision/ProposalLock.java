package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;

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

    /**
     * Proposal {@code jointId} as it stands once its lock is held, for a change made by hand (a coordinator's): it is
     * read again under the lock, since the worker or the sweep may have changed it between the first read, which
     * names the lock, and the lock. Empty if there is no such proposal.
     */
    static Optional<StoredProposal> findLocked(Connection connection, ProposalRepository proposals, UUID jointId) throws SQLException {
        Optional<StoredProposal> found = proposals.find(connection, jointId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        lock(connection, found.get().proposal().callId(), found.get().proposal().jointReference());
        return proposals.find(connection, jointId);
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
