package org.jointcall.gateway.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.agency.ConfigDirectory;
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

    private final CanonicalCodec codec = new CanonicalCodec();

    void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object started)
            throws SQLException {
        Path directory = config.calls();
        Map<Path, JointCall> definitions = read(directory);
        List<String> callIds = transactions.inTransaction(connection -> {
            List<String> stored = new ArrayList<>();
            for (JointCall call : definitions.values()) {
                stored.add(calls.save(connection, call).callId());
            }
            if (!stored.isEmpty()) {
                ledger.requeueHeld(connection, stored);
            }
            return stored;
        });
        LOG.info("Loaded {} joint call(s) from {}: {}", callIds.size(), directory, callIds);
    }

    /** Every call definition in {@code directory}, checked; none if it does not exist. */
    Map<Path, JointCall> read(Path directory) {
        Map<Path, JointCall> definitions = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            LOG.info("No joint call definitions: {} does not exist", directory);
            return definitions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.xml")) {
            for (Path file : files) {
                definitions.put(file, parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read joint call definitions in " + directory + ": " + e.getMessage(), e);
        }
        return definitions;
    }

    private JointCall parse(Path file) throws IOException {
        try {
            JointCall call = codec.callFromXml(Files.readAllBytes(file));
            CallTerms.of(call);
            return call;
        } catch (ContractViolation e) {
            throw new IllegalStateException("Joint call definition " + file + " is invalid: " + e.getMessage(), e);
        }
    }
}
