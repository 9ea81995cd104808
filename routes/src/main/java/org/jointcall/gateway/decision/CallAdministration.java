package org.jointcall.gateway.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.Participation;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.call.CallDefinitions;
import org.jointcall.gateway.persistence.Transactions;

/**
 * Changing the joint calls at runtime (the admin API): a definition is checked by the same code that
 * reads {@code calls/*.xml} at startup, stored like a loaded call (messages held for an unknown call are
 * queued again), and written to the configuration directory atomically in the same transaction, so
 * files and database stay one source of truth. Every participant must be a configured agency. Every instance reads calls from the database, so the
 * new definition is in service everywhere at once. A definition that does not pass is refused with
 * what is wrong, and nothing is written or stored.
 */
@ApplicationScoped
public class CallAdministration {

    /** A call as configured: its file and its definition. */
    public record Configured(String callId, Path file, JointCall call) {
    }

    /** What a PUT did: {@code created} when there was no definition of the call before. */
    public record Change(boolean created, Configured call) {
    }

    /** Work done in the transaction that stores a definition (the audit entry), told whether the call is new. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(Connection connection, boolean created) throws SQLException;
    }

    private ConfigDirectory config;
    private CallLoading loading;
    private Transactions transactions;
    private AgencyDirectory agencies;

    /** For the CDI proxy only. */
    protected CallAdministration() {
    }

    @Inject
    public CallAdministration(ConfigDirectory config, CallLoading loading, Transactions transactions, AgencyDirectory agencies) {
        this.config = config;
        this.loading = loading;
        this.transactions = transactions;
        this.agencies = agencies;
    }

    public List<Configured> list() {
        return CallDefinitions.read(config.calls()).entrySet().stream()
                .map(entry -> new Configured(entry.getValue().getCallId(), entry.getKey(), entry.getValue())).toList();
    }

    public Optional<Configured> find(String callId) {
        return CallDefinitions.fileOf(config.calls(), callId).map(file -> {
            try {
                return new Configured(callId, file, CallDefinitions.parse(Files.readAllBytes(file), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Creates or replaces the definition of {@code callId}; {@code alsoInTransaction} (the audit entry) runs in
     * the transaction that stores it, and fails it by throwing.
     *
     * @throws ConfigurationRejected when the definition is invalid or defines another call; nothing is written then
     */
    public Change put(String callId, byte[] definition, AlsoInTransaction alsoInTransaction) throws SQLException {
        String source = "joint call " + callId;
        JointCall call = CallDefinitions.parse(definition, source);
        if (!call.getCallId().equals(callId)) {
            throw new ConfigurationRejected(source, List.of("the definition is of call " + call.getCallId()
                    + "; send it to .../admin/calls/" + call.getCallId() + " or correct its callId"));
        }
        List<String> unconfigured = call.getParticipants().stream().map(Participation::getAgency)
                .filter(agency -> agencies.find(agency).isEmpty()).toList();
        if (!unconfigured.isEmpty()) {
            // Its proposals would wait for parts nobody can send, and its fan-out would go to nobody.
            throw new ConfigurationRejected(source, List.of("participants " + unconfigured + " are not configured agencies;"
                    + " configure them first (PUT .../admin/agencies/{code}); configured are "
                    + agencies.all().stream().map(agency -> agency.code().code()).toList()));
        }
        Optional<Path> existing = CallDefinitions.fileOf(config.calls(), callId);
        Path file = existing.orElse(config.calls().resolve(CallDefinitions.fileName(callId)));
        transactions.inTransaction(connection -> {
            loading.store(connection, List.of(call));
            alsoInTransaction.run(connection, existing.isEmpty());
            try {
                config.writeAtomically(file, definition);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return null;
        });
        return new Change(existing.isEmpty(), new Configured(callId, file, call));
    }
}
