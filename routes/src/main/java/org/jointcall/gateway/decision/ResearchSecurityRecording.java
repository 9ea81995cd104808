package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.proposal.ResearchSecurityStatus;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;

/**
 * A JST coordinator records where a proposal stands in the research-security step, through the domain's
 * {@link JointProposal#recordResearchSecurity}, under the proposal's lock. JST's own bookkeeping: it is part of no
 * canonical message, so nothing is sent.
 */
@ApplicationScoped
public class ResearchSecurityRecording {

    private ProposalRepository proposals;
    private Clock clock;

    /** For the CDI proxy only. */
    protected ResearchSecurityRecording() {
    }

    @Inject
    public ResearchSecurityRecording(ProposalRepository proposals) {
        this.proposals = proposals;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records {@code status} on the caller's transaction.
     *
     * @return the status before; empty if there is no such proposal
     */
    public Optional<ResearchSecurityStatus> record(Connection connection, UUID jointId, ResearchSecurityStatus status,
            String coordinator, String note) throws SQLException {
        Optional<StoredProposal> found = ProposalLock.findLocked(connection, proposals, jointId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JointProposal proposal = found.get().proposal();
        ResearchSecurityStatus before = proposal.researchSecurity();
        proposal.recordResearchSecurity(status, coordinator, OffsetDateTime.now(clock), note);
        proposals.update(connection, proposal, found.get().version());
        return Optional.of(before);
    }
}
