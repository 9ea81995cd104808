package org.jointcall.gateway.console.action;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.decision.ProposalReopening;
import org.jointcall.gateway.persistence.Transactions;

/** An administrator's reopening of a rejected proposal, with its console audit row in the same transaction. */
@ApplicationScoped
public class ProposalReopen {

    @Inject
    Transactions transactions;

    @Inject
    ProposalReopening reopening;

    @Inject
    ConsoleAudit audit;

    /**
     * @return the outcome after reopening; empty if there is no such proposal
     * @throws org.jointcall.contracts.validation.ContractViolation if it is not REJECTED
     */
    public Optional<JointOutcome> reopen(UUID jointId, String administrator, String comment) throws SQLException {
        return transactions.inTransaction(connection -> {
            Optional<JointOutcome> after = reopening.reopen(connection, jointId, administrator, comment);
            if (after.isPresent()) {
                audit.record(connection, administrator, "REOPEN", "proposal " + jointId, comment);
            }
            return after;
        });
    }
}
