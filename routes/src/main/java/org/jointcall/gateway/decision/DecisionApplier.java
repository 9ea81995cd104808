package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.binding.ValidatedMessage;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.EventResult;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.proposal.TrackEvent;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.delivery.MessageCause;
import org.jointcall.gateway.delivery.Outbox;
import org.jointcall.gateway.delivery.OutboundMessage;
import org.jointcall.gateway.proposal.ConcurrentProposalUpdate;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one claimed ledger message inside the caller's transaction: the track change, the joint
 * outcome the contracts' policy computes from it, the outbox messages it causes and the ledger's
 * processing state all commit together or not at all.
 *
 * <p>Messages of one joint proposal are applied one at a time across all instances: a transaction
 * first takes a PostgreSQL advisory lock on (call, joint reference). Without it, a decision held
 * because its part had not arrived could be held just as another instance stores that part and
 * re-queues the held messages it can see, and stay held for ever. Optimistic locking still guards
 * the proposal itself; a conflict (or two instances opening the same proposal) is retried from a
 * savepoint, which is safe because the domain ignores a report it has already applied.
 */
@ApplicationScoped
public class DecisionApplier {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionApplier.class);
    private static final int MAX_CONFLICT_RETRIES = 5;
    private static final String UNIQUE_VIOLATION = "23505";

    private final CanonicalCodec codec = new CanonicalCodec();
    private DecisionLedger ledger;
    private CallRepository calls;
    private ProposalRepository proposals;
    private Outbox outbox;
    private FanOut fanOut;

    /** For the CDI proxy only. */
    protected DecisionApplier() {
    }

    @Inject
    public DecisionApplier(DecisionLedger ledger, CallRepository calls, ProposalRepository proposals, Outbox outbox) {
        this(ledger, calls, proposals, outbox, Clock.systemUTC());
    }

    DecisionApplier(DecisionLedger ledger, CallRepository calls, ProposalRepository proposals, Outbox outbox, Clock clock) {
        this.ledger = ledger;
        this.calls = calls;
        this.proposals = proposals;
        this.outbox = outbox;
        this.fanOut = new FanOut(codec, ledger, clock);
    }

    /** Applies {@code entry} and settles its ledger row; returns how it was settled. */
    public Settlement apply(Connection connection, LedgerEntry entry) throws SQLException {
        CanonicalMessage message;
        try {
            message = codec.fromXml(entry.canonicalXml());
            if (!message.getSender().equals(entry.agency())) {
                throw new ContractViolation("sender", "the canonical message names " + message.getSender()
                        + " but was received from " + entry.agency());
            }
        } catch (ContractViolation e) {
            return settle(connection, entry, Settlement.refused(e.getMessage()));
        }
        ProposalLock.lock(connection, message.getCallId(), message.getJointReference());
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Settlement settlement = applyOnce(connection, entry, message);
                connection.releaseSavepoint(savepoint);
                return settlement;
            } catch (ContractViolation e) {
                connection.rollback(savepoint);
                return settle(connection, entry, Settlement.refused(e.getMessage()));
            } catch (ConcurrentProposalUpdate e) {
                connection.rollback(savepoint);
                retryOrGiveUp(attempt, entry, e);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                retryOrGiveUp(attempt, entry, e);
            }
        }
    }

    private static void retryOrGiveUp(int attempt, LedgerEntry entry, Exception conflict) {
        if (attempt >= MAX_CONFLICT_RETRIES) {
            throw new IllegalStateException("ledger message " + entry.ledgerId() + " still conflicts with other instances after "
                    + attempt + " attempts; it stays RECEIVED and is tried again: " + conflict.getMessage(), conflict);
        }
        LOG.debug("ledger message {}: concurrent change, applying again ({})", entry.ledgerId(), conflict.getMessage());
    }

    private Settlement applyOnce(Connection connection, LedgerEntry entry, CanonicalMessage message) throws SQLException {
        // The joint proposal record and outcome notice are the gateway's to send: intake refuses them (TranslationStep),
        // and a ledger row from before it did is refused here.
        TrackEvent event = TrackEvent.reportedBy(message);
        Optional<CallTerms> call = calls.find(connection, message.getCallId());
        if (call.isEmpty()) {
            return settle(connection, entry, Settlement.held("call " + message.getCallId() + " is not configured; held until a call"
                    + " definition with that id is loaded from gateway.config.dir/calls"));
        }
        Optional<StoredProposal> stored = proposals.findByReference(connection, message.getCallId(), message.getJointReference());
        boolean isPart = message.getKind() == MessageKind.PROPOSAL_PART;
        if (stored.isEmpty() && !isPart) {
            return settle(connection, entry, Settlement.held("no proposal part with joint reference " + message.getJointReference()
                    + " in call " + message.getCallId() + " has arrived yet; held until one does"));
        }
        JointProposal proposal = stored.map(StoredProposal::proposal)
                .orElseGet(() -> JointProposal.open(UUID.randomUUID(), call.get(), message.getJointReference()));
        AgencyId sender = event.agency();
        if (!isPart && proposal.track(sender).map(track -> track.state() == TrackState.EXPECTED).orElse(false)) {
            return settle(connection, entry, Settlement.held(sender + "'s own proposal part for joint reference "
                    + message.getJointReference() + " has not arrived yet; held until it does"));
        }
        JointProposal.Change change = proposal.apply(event);
        if (change.result() != EventResult.APPLIED) {
            return settle(connection, entry, Settlement.applied(change.result() + ": " + explain(change.result())));
        }
        long version = stored.isPresent()
                ? proposals.update(connection, proposal, stored.get().version()).version()
                : proposals.insert(connection, proposal).version();
        Settlement settlement = settle(connection, entry, Settlement.applied("APPLIED to joint proposal " + proposal.id()
                + ": " + sender + " track " + change.track().state() + ", joint outcome " + change.after().status()));
        List<OutboundMessage> messages = fanOut.messages(connection, MessageCause.ledger(entry.ledgerId(), proposal.id(), version),
                new ValidatedMessage(message, entry.canonicalXml()), call.get(), proposal, change);
        outbox.enqueue(connection, messages);
        if (isPart) {
            ledger.requeueHeld(connection, message.getCallId(), message.getJointReference());
        }
        return settlement;
    }

    private static String explain(EventResult result) {
        switch (result) {
            case DUPLICATE: return "the same report was applied before; nothing changed and nothing was sent";
            case STALE: return "a newer report of this agency was applied already; nothing changed and nothing was sent";
            case CONFLICTING: return "another report with the same sequence but a different state was applied already;"
                    + " nothing changed and nothing was sent (reconciliation should look)";
            case NO_TRACK: return "the agency is a self-funded partner without a track; nothing changed";
            default: throw new IllegalArgumentException(result.name());
        }
    }

    private Settlement settle(Connection connection, LedgerEntry entry, Settlement settlement) throws SQLException {
        ledger.settle(connection, entry.ledgerId(), settlement);
        return settlement;
    }
}
