package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.proposal.EventResult;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.delivery.MessageCause;
import org.jointcall.gateway.delivery.Outbox;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;

/**
 * An administrator reopens a REJECTED joint proposal (after a successful appeal, say): the rejecting
 * agency's track goes back to AWAITING_DECISION through the domain's {@link JointProposal#reopen},
 * under the same per-proposal lock the decision worker and the deadline sweep take, and every agency
 * is told as after any gateway-made change (the record, and the notice of the changed outcome).
 */
@ApplicationScoped
public class ProposalReopening {

    private CallRepository calls;
    private ProposalRepository proposals;
    private Outbox outbox;
    private FanOut fanOut;
    private Clock clock;

    /** For the CDI proxy only. */
    protected ProposalReopening() {
    }

    @Inject
    public ProposalReopening(CallRepository calls, ProposalRepository proposals, Outbox outbox, DecisionLedger ledger) {
        this.calls = calls;
        this.proposals = proposals;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
        this.fanOut = new FanOut(new CanonicalCodec(), ledger, clock);
    }

    /**
     * Reopens the proposal on the caller's transaction.
     *
     * @return the outcome after reopening; empty if there is no such proposal
     * @throws ContractViolation if the proposal is not REJECTED
     */
    public Optional<JointOutcome> reopen(Connection connection, UUID jointId, String administrator, String why) throws SQLException {
        Optional<StoredProposal> found = ProposalLock.findLocked(connection, proposals, jointId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredProposal stored = found.get();
        JointProposal proposal = stored.proposal();
        CallTerms call = calls.find(connection, proposal.callId()).orElseThrow();
        JointOutcome before = proposal.outcome();
        AgencyId decider = before.decidingAgencyIfAny().orElseThrow(() -> new ContractViolation("jointStatus",
                "joint proposal " + jointId + " is " + before.status() + ", not REJECTED; only a rejection is reopened"));
        proposal.reopen(decider, TrackState.AWAITING_DECISION, administrator, OffsetDateTime.now(clock), why);
        JointOutcome after = proposal.outcome();
        long version = proposals.update(connection, proposal, stored.version()).version();
        JointProposal.Change change = new JointProposal.Change(EventResult.APPLIED, proposal.track(decider).orElseThrow(), before, after);
        outbox.enqueue(connection, fanOut.sweepMessages(connection, MessageCause.gateway(jointId, version), call, proposal,
                List.of(change)));
        return Optional.of(after);
    }
}
