package org.jointcall.gateway.console.action;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.decision.DecisionDeadlineExtension;
import org.jointcall.gateway.persistence.Transactions;

/** A coordinator's extension of one agency's decision deadline, with its console audit row in the same transaction. */
@ApplicationScoped
public class TrackDeadlineExtension {

    @Inject
    Transactions transactions;

    @Inject
    DecisionDeadlineExtension extension;

    @Inject
    ConsoleAudit audit;

    /**
     * @return the deadline that applied before; empty if there is no such proposal
     * @throws org.jointcall.contracts.validation.ContractViolation if the extension is refused (see
     *     {@link DecisionDeadlineExtension#extend})
     */
    public Optional<OffsetDateTime> extend(UUID jointId, AgencyId agency, OffsetDateTime deadline, String coordinator, String comment)
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
}
