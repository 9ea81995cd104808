package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.proposal.TrackLifecycle;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.delivery.MessageCause;
import org.jointcall.gateway.delivery.Outbox;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.proposal.ConcurrentProposalUpdate;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline sweep: joint proposals still PENDING in a call whose parallel-submission window or
 * decision deadline has passed are handed to the domain's {@link JointProposal#sweepDeadlines}, which
 * makes missing parts INELIGIBLE and lapses undecided tracks (unless a coordinator extended them). A
 * change is stored and its messages written to the outbox in one transaction, as for an agency's
 * report; each agency then learns of it through the record and, if the joint outcome changed, the
 * notice. Several instances may sweep at once: each proposal is swept under the same advisory lock
 * the decision worker takes, and a proposal changed meanwhile is left for the next sweep.
 */
@ApplicationScoped
public class DeadlineSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweep.class);
    // Only proposals with a track that JointProposal.sweepDeadlines would change: a missing part after the window, an
    // undecided track after its (possibly extended) deadline. Selecting every PENDING proposal of a past window let the
    // oldest unchanged ones fill each batch for ever, and the ones behind them were never swept.
    private static final String DUE = """
            SELECT p.joint_id, p.call_id, p.joint_reference FROM joint_proposal p JOIN joint_call c USING (call_id)
             WHERE p.joint_status = 'PENDING'
               AND EXISTS (SELECT 1 FROM agency_track t WHERE t.joint_id = p.joint_id
                            AND ((t.state = 'EXPECTED' AND c.parallel_submission_closes < ?)
                              OR (t.state = ANY (?) AND coalesce(t.extended_decision_deadline, c.decision_deadline) < ?)))
             ORDER BY p.updated_at LIMIT ?
            """;

    private record Due(UUID jointId, String callId, String jointReference) {
    }

    private Transactions transactions;
    private CallRepository calls;
    private ProposalRepository proposals;
    private Outbox outbox;
    private FanOut fanOut;
    private Clock clock;

    /** For the CDI proxy only. */
    protected DeadlineSweep() {
    }

    @Inject
    public DeadlineSweep(Transactions transactions, CallRepository calls, ProposalRepository proposals, Outbox outbox,
            DecisionLedger ledger) {
        this(transactions, calls, proposals, outbox, ledger, Clock.systemUTC());
    }

    DeadlineSweep(Transactions transactions, CallRepository calls, ProposalRepository proposals, Outbox outbox,
            DecisionLedger ledger, Clock clock) {
        this.transactions = transactions;
        this.calls = calls;
        this.proposals = proposals;
        this.outbox = outbox;
        this.clock = clock;
        this.fanOut = new FanOut(new CanonicalCodec(), ledger, clock);
    }

    /** Sweeps up to {@code limit} candidate proposals; returns how many it changed. */
    public int sweep(int limit) throws SQLException {
        List<Due> due = transactions.inTransaction(connection -> candidates(connection, limit));
        int changed = 0;
        for (Due proposal : due) {
            try {
                if (transactions.inTransaction(connection -> sweepOne(connection, proposal))) {
                    changed++;
                }
            } catch (ConcurrentProposalUpdate e) {
                LOG.debug("deadline sweep: {} changed meanwhile; the next sweep looks again", proposal.jointId());
            }
        }
        return changed;
    }

    private boolean sweepOne(Connection connection, Due due) throws SQLException {
        ProposalLock.lock(connection, due.callId(), due.jointReference());
        Optional<StoredProposal> stored = proposals.find(connection, due.jointId());
        Optional<CallTerms> call = calls.find(connection, due.callId());
        if (stored.isEmpty() || call.isEmpty()) {
            return false;
        }
        JointProposal proposal = stored.get().proposal();
        List<JointProposal.Change> changes = proposal.sweepDeadlines(call.get(), OffsetDateTime.now(clock));
        if (changes.isEmpty()) {
            return false;
        }
        long version = proposals.update(connection, proposal, stored.get().version()).version();
        outbox.enqueue(connection, fanOut.sweepMessages(connection, MessageCause.gateway(proposal.id(), version), call.get(),
                proposal, changes));
        LOG.info("Deadline sweep: joint proposal {} ({}) now {}", proposal.id(), proposal.jointReference(), proposal.outcome().status());
        return true;
    }

    private List<Due> candidates(Connection connection, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            statement.setTimestamp(1, now);
            statement.setArray(2, connection.createArrayOf("text", TrackLifecycle.undecided().stream().map(Enum::name).toArray()));
            statement.setTimestamp(3, now);
            statement.setInt(4, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    due.add(new Due(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
                }
            }
        }
        return due;
    }
}
