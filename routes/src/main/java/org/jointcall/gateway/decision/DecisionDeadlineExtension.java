package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;

/**
 * A coordinator gives one agency more time to decide on one proposal (its panel was postponed, say), through the
 * domain's {@link JointProposal#extendDecisionDeadline}: the deadline sweep will not lapse that track before the new
 * deadline, and the approaching-deadline alert counts from it. Taken under the per-proposal lock the decision worker
 * and the sweep take, so a sweep cannot lapse the track in between. Nothing is sent: the deadline is the joint call's
 * own bookkeeping, not part of the record the agencies receive.
 */
@ApplicationScoped
public class DecisionDeadlineExtension {

    private CallRepository calls;
    private ProposalRepository proposals;
    private Clock clock;

    /** For the CDI proxy only. */
    protected DecisionDeadlineExtension() {
    }

    @Inject
    public DecisionDeadlineExtension(CallRepository calls, ProposalRepository proposals) {
        this(calls, proposals, Clock.systemUTC());
    }

    DecisionDeadlineExtension(CallRepository calls, ProposalRepository proposals, Clock clock) {
        this.calls = calls;
        this.proposals = proposals;
        this.clock = clock;
    }

    /**
     * Extends {@code agency}'s decision deadline on the proposal, on the caller's transaction.
     *
     * @return the deadline that applied before; empty if there is no such proposal
     * @throws ContractViolation if the agency has no track on it, its track has its decision already, or {@code newDeadline} is not
     *     later than both now and the deadline that applies
     */
    public Optional<OffsetDateTime> extend(Connection connection, UUID jointId, AgencyId agency, OffsetDateTime newDeadline,
            String coordinator, String why) throws SQLException {
        Optional<StoredProposal> found = ProposalLock.findLocked(connection, proposals, jointId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredProposal stored = found.get();
        JointProposal proposal = stored.proposal();
        CallTerms call = calls.find(connection, proposal.callId()).orElseThrow();
        AgencyTrack track = proposal.track(agency).orElseThrow(() -> new ContractViolation("agency",
                agency + " has no track on joint proposal " + proposal.jointReference() + "; its agencies are "
                        + proposal.tracks().keySet()));
        OffsetDateTime before = track.decisionDeadline(call.decisionDeadline());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!newDeadline.isAfter(before) || !newDeadline.isAfter(now)) {
            throw new ContractViolation("deadline", "an extension must be later than the deadline that applies now ("
                    + before + ") and than the present (" + now + "); " + newDeadline + " is not");
        }
        proposal.extendDecisionDeadline(agency, newDeadline, coordinator, now, why);
        proposals.update(connection, proposal, stored.version());
        return Optional.of(before);
    }
}
