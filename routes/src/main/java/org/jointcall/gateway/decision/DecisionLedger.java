package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The decision worker's view of {@code exchange_ledger}: it claims received messages, records how
 * each was settled, and puts held messages back in the queue once what they waited for has arrived.
 * Claims use {@code FOR UPDATE SKIP LOCKED}, so every gateway instance can poll the same ledger and
 * each message is worked on by exactly one of them; the claim ends with the caller's transaction.
 * The queue is {@code decision_queue}, which triggers keep equal to the ledger rows in state RECEIVED
 * (migration V12 says why it is a table of its own); this class only ever changes the ledger's state.
 */
@ApplicationScoped
public class DecisionLedger {

    private static final String CANDIDATES = """
            SELECT ledger_id, call_id, joint_reference FROM decision_queue
             ORDER BY ledger_id LIMIT ?
            """;
    private static final String CLAIM = """
            SELECT ledger_id, agency, canonical_xml FROM exchange_ledger
             WHERE ledger_id = ? AND processing_state = 'RECEIVED'
               FOR UPDATE SKIP LOCKED
            """;
    /** How far down the queue a claim looks for a proposal nobody is working on. */
    private static final int CANDIDATES_LOOKED_AT = 64;
    /*
     * Settling a proposal part also adds its title to its proposal's part_titles (V14), which the console's
     * matrix searches, unless the proposal has that title already. Doing it here, in the same statement, covers
     * every way a part is settled (applied, a duplicate, refused) without another round trip. A part settled
     * before its proposal exists has no row to add to; the part that creates the proposal is settled after it.
     */
    private static final String SETTLE = """
            WITH settled AS (
                UPDATE exchange_ledger SET processing_state = ?, processing_detail = ?, processed_at = now()
                 WHERE ledger_id = ?
                RETURNING kind, call_id, joint_reference, title
            ), titled AS (
                UPDATE joint_proposal p
                   SET part_titles = CASE WHEN p.part_titles = '' THEN s.title ELSE p.part_titles || E'\\n' || s.title END
                  FROM settled s
                 WHERE s.kind = 'PROPOSAL_PART' AND s.title <> '' AND p.call_id = s.call_id AND p.joint_reference = s.joint_reference
                   AND strpos(E'\\n' || p.part_titles || E'\\n', E'\\n' || s.title || E'\\n') = 0
            )
            SELECT count(*) FROM settled
            """;
    private static final String REQUEUE_HELD_OF_PROPOSAL = """
            UPDATE exchange_ledger SET processing_state = 'RECEIVED', processing_detail = NULL
             WHERE processing_state = 'HELD' AND call_id = ? AND joint_reference = ?
            """;
    private static final String REQUEUE_HELD_OF_CALLS = """
            UPDATE exchange_ledger SET processing_state = 'RECEIVED', processing_detail = NULL
             WHERE processing_state = 'HELD' AND call_id = ANY (?)
            """;
    private static final String APPLIED_OF_PROPOSAL = """
            SELECT canonical_xml FROM exchange_ledger
             WHERE call_id = ? AND joint_reference = ? AND processing_state = 'APPLIED' AND kind = ANY (?)
             ORDER BY ledger_id
            """;

    /**
     * The oldest received message of a joint proposal no other transaction is working on, with that proposal's
     * lock ({@link ProposalLock}) and the row locked until the caller's transaction ends. Skipping the proposals
     * others hold lets several threads and instances apply different proposals at once: partners send a
     * proposal's messages in bursts, and claiming simply the oldest rows had every thread queue on one proposal.
     * A proposal's own messages still go one at a time, oldest first.
     */
    public Optional<Claim> claimNext(Connection connection) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setInt(1, CANDIDATES_LOOKED_AT);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    candidates.add(new Candidate(row.getLong(1), new Proposal(row.getString(2), row.getString(3))));
                }
            }
        }
        Set<Proposal> busy = new HashSet<>();
        for (Candidate candidate : candidates) {
            Proposal proposal = candidate.proposal();
            if (busy.contains(proposal)) {
                continue;
            }
            // A lock taken for a row that is gone by then is held until this transaction ends: harmless, brief.
            if (!ProposalLock.tryLock(connection, proposal.callId(), proposal.jointReference())) {
                busy.add(proposal);
                continue;
            }
            Optional<LedgerEntry> claimed = claim(connection, candidate.ledgerId());
            if (claimed.isPresent()) {
                long others = candidates.stream().map(Candidate::proposal).distinct().filter(other -> !other.equals(proposal)).count();
                return Optional.of(new Claim(claimed.get(), (int) others));
            }
        }
        return Optional.empty();
    }

    /**
     * A claimed message, and how many other proposals had messages waiting when it was claimed (of the first
     * {@value #CANDIDATES_LOOKED_AT} waiting messages, some perhaps being applied by others already).
     */
    public record Claim(LedgerEntry entry, int otherProposalsWaiting) {
    }

    private static Optional<LedgerEntry> claim(Connection connection, long ledgerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setLong(1, ledgerId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LedgerEntry(row.getLong("ledger_id"), row.getString("agency"), row.getBytes("canonical_xml")));
            }
        }
    }

    private record Proposal(String callId, String jointReference) {
    }

    private record Candidate(long ledgerId, Proposal proposal) {
    }

    public void settle(Connection connection, long ledgerId, Settlement settlement) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SETTLE)) {
            statement.setString(1, settlement.state().name());
            statement.setString(2, settlement.detail());
            statement.setLong(3, ledgerId);
            try (ResultSet settled = statement.executeQuery()) {
                if (!settled.next() || settled.getInt(1) != 1) {
                    throw new IllegalStateException("ledger row " + ledgerId + " vanished while it was being settled");
                }
            }
        }
    }

    /** Puts the held messages of one joint proposal back in the queue; returns how many. */
    public int requeueHeld(Connection connection, String callId, String jointReference) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REQUEUE_HELD_OF_PROPOSAL)) {
            statement.setString(1, callId);
            statement.setString(2, jointReference);
            return statement.executeUpdate();
        }
    }

    /** Puts the held messages of these calls back in the queue (after the calls were (re)loaded); returns how many. */
    public int requeueHeld(Connection connection, Collection<String> callIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REQUEUE_HELD_OF_CALLS)) {
            statement.setArray(1, connection.createArrayOf("text", callIds.toArray()));
            return statement.executeUpdate();
        }
    }

    /** The canonical XML of the applied messages of these kinds for one joint proposal, oldest first. */
    public List<byte[]> applied(Connection connection, String callId, String jointReference, Collection<String> kinds)
            throws SQLException {
        List<byte[]> messages = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(APPLIED_OF_PROPOSAL)) {
            statement.setString(1, callId);
            statement.setString(2, jointReference);
            statement.setArray(3, connection.createArrayOf("text", kinds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    messages.add(row.getBytes(1));
                }
            }
        }
        return messages;
    }
}
