package org.jointcall.gateway.decision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jointcall.gateway.bootstrap.StartupFailure;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.call.CallDefinitions;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the joint calls of {@code gateway.config.dir/calls/*.xml} into the database when the gateway
 * starts, after the bootstrap has migrated the schema. Every file is validated before any is stored,
 * and all are stored in one transaction: a broken definition stops the start with the file and the
 * field named instead of leaving half the calls updated. Storing is an upsert, so a restart, or two
 * instances starting together, store the same definitions without conflict. Messages held because
 * their call was not known yet are put back in the queue.
 */
@ApplicationScoped
public class CallLoading {

    private static final Logger LOG = LoggerFactory.getLogger(CallLoading.class);

    @Inject
    Transactions transactions;

    @Inject
    CallRepository calls;

    @Inject
    DecisionLedger ledger;

    @Inject
    ConfigDirectory config;

    @Inject
    StartupFailure failure;

    void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object started) {
        Path directory = config.calls();
        try {
            Map<Path, JointCall> definitions = read(directory);
            List<String> callIds = transactions.inTransaction(connection -> store(connection, definitions.values()));
            LOG.info("Loaded {} joint call(s) from {}: {}", callIds.size(), directory, callIds);
        } catch (SQLException | RuntimeException e) {
            throw failure.of("joint calls in " + directory, e);
        }
    }

    /** Every call definition in {@code directory}, checked; none if it does not exist. */
    Map<Path, JointCall> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.info("No joint call definitions: {} does not exist", directory);
        }
        try {
            return CallDefinitions.read(directory);
        } catch (ConfigurationRejected e) {
            throw new IllegalStateException("Joint call definition " + e.source() + " is invalid: " + String.join("; ", e.problems()), e);
        }
    }

    /**
     * Stores {@code definitions} in the caller's transaction and puts the messages held because their call
     * was not known back in the queue; returns the call ids.
     */
    public List<String> store(Connection connection, Collection<JointCall> definitions) throws SQLException {
        List<String> stored = new ArrayList<>();
        for (JointCall call : definitions) {
            stored.add(calls.save(connection, call).callId());
        }
        if (!stored.isEmpty()) {
            ledger.requeueHeld(connection, stored);
        }
        return stored;
    }
}
