package org.jointcall.gateway.console.action;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.ResearchSecurityStatus;
import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.decision.DecisionDeadlineExtension;
import org.jointcall.gateway.decision.ResearchSecurityRecording;
import org.jointcall.gateway.persistence.Transactions;

/**
 * A coordinator's bookkeeping on one proposal, each change with its console audit row in the same transaction: one
 * agency's decision deadline extended, the research-security step recorded.
 */
@ApplicationScoped
public class ProposalBookkeeping {

    @Inject
    Transactions transactions;

    @Inject
    DecisionDeadlineExtension extension;

    @Inject
    ResearchSecurityRecording researchSecurity;

    @Inject
    ConsoleAudit audit;

    /**
     * @return the deadline that applied before; empty if there is no such proposal
     * @throws org.jointcall.contracts.validation.ContractViolation if the extension is refused (see
     *     {@link DecisionDeadlineExtension#extend})
     */
    public Optional<OffsetDateTime> extendDeadline(UUID jointId, AgencyId agency, OffsetDateTime deadline, String coordinator, String comment)
            throws SQLException {
        return transactions.inTransaction(connection -> {
            Optional<OffsetDateTime> before = extension.extend(connection, jointId, agency, deadline, coordinator, comment);
            if (before.isPresent()) {
                audit.record(connection, coordinator, "EXTEND_DEADLINE", "proposal " + jointId + " track " + agency,
                        before.get() + " → " + deadline + ": " + comment);
            }
            return before;
        });
    }

    /** @return the status before; empty if there is no such proposal */
    public Optional<ResearchSecurityStatus> recordResearchSecurity(UUID jointId, ResearchSecurityStatus status, String coordinator,
            String comment) throws SQLException {
        return transactions.inTransaction(connection -> {
            Optional<ResearchSecurityStatus> before = researchSecurity.record(connection, jointId, status, coordinator, comment);
            if (before.isPresent()) {
                audit.record(connection, coordinator, "RECORD_RESEARCH_SECURITY", "proposal " + jointId,
                        before.get() + " → " + status + ": " + comment);
            }
            return before;
        });
    }
}
