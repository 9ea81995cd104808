package org.jointcall.gateway.console.action;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.persistence.Transactions;

/** Coordinators' notes on a joint proposal, each one audited. */
@ApplicationScoped
public class ProposalAnnotations {

    @Inject
    Transactions transactions;

    @Inject
    ConsoleAudit audit;

    /** Adds {@code author}'s note; false if there is no such proposal. */
    public boolean add(UUID jointId, String author, String text) throws SQLException {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO proposal_annotation (joint_id, author, text)"
                    + " SELECT joint_id, ?, ? FROM joint_proposal WHERE joint_id = ? RETURNING annotation_id")) {
                insert.setString(1, author);
                insert.setString(2, text);
                insert.setObject(3, jointId);
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                }
            }
            audit.record(connection, author, "ANNOTATE", "proposal " + jointId, text);
            return true;
        });
    }
}
