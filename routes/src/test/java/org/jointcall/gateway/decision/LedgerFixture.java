package org.jointcall.gateway.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.delivery.Outbox;
import org.jointcall.gateway.delivery.OutboxArrivals;
import org.jointcall.gateway.demo.SampleMessages;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.ledger.ProposalSubject;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.proposal.ProposalRepository;

/**
 * Puts agency messages into the exchange ledger as the inbound API would after verifying them, from
 * the demo's sample messages ({@link SampleMessages}, the canonical forms of the adapters' samples) moved
 * into the test call {@code ASPIRE-2026-QUAD}.
 */
public final class LedgerFixture {

    public static final String CALL = "ASPIRE-2026-QUAD";
    public static final CanonicalCodec CODEC = new CanonicalCodec();

    private final TestDatabase.Database database;
    private int messages;

    public LedgerFixture(TestDatabase.Database database) {
        this.database = database;
    }

    /** Migrates {@code database} and stores the test call in it; returns transactions on it. */
    public static Transactions migrateWithTheTestCall(TestDatabase.Database database) throws Exception {
        return migrateWithCalls(database, "/delivery/calls/aspire-2026-quad.xml");
    }

    /** Migrates {@code database} and stores the calls of these test resources in it; returns transactions on it. */
    public static Transactions migrateWithCalls(TestDatabase.Database database, String... callResources) throws Exception {
        SchemaMigration.migrate(database.dataSource());
        Transactions transactions = new Transactions(database.dataSource());
        for (String resource : callResources) {
            byte[] definition = Files.readAllBytes(Path.of(LedgerFixture.class.getResource(resource).toURI()));
            transactions.inTransaction(connection -> new CallRepository().save(connection, CODEC.callFromXml(definition)));
        }
        return transactions;
    }

    /** A decision worker as the gateway builds it, on {@code transactions}. */
    public static DecisionWorker decisionWorker(Transactions transactions) {
        return decisionWorker(transactions, 1);
    }

    /** The same with {@code concurrency} applying threads. */
    public static DecisionWorker decisionWorker(Transactions transactions, int concurrency) {
        DecisionLedger decisionLedger = new DecisionLedger();
        return new DecisionWorker(transactions, decisionLedger,
                new DecisionApplier(decisionLedger, new CallRepository(), new ProposalRepository(), new Outbox()), 100, concurrency,
                new LedgerArrivals(), new OutboxArrivals());
    }

    /** The sample {@code <agency>-<kind>} re-addressed to {@code jointReference} with {@code sequence}, changed further by {@code change}. */
    public static CanonicalMessage sample(String agency, String kind, String jointReference, long sequence, Consumer<CanonicalMessage> change) {
        CanonicalMessage message = SampleMessages.of(agency, kind);
        message.setCallId(CALL);
        message.setJointReference(jointReference);
        message.setJointProposalId(null);
        message.setAgencySequence(sequence);
        change.accept(message);
        return message;
    }

    public static CanonicalMessage sample(String agency, String kind, String jointReference, long sequence) {
        return sample(agency, kind, jointReference, sequence, message -> { });
    }

    /** Stores {@code message} as received and not yet processed; returns its ledger id. */
    public long receive(CanonicalMessage message) throws SQLException {
        message.setMessageId(message.getSender().toLowerCase() + "-test-" + (++messages) + "-" + System.nanoTime());
        byte[] xml = CODEC.toXml(message);
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO exchange_ledger (agency, message_id, kind, joint_reference, call_id, title, lead_researchers, media_type, body,
                            body_digest, request_headers, signature_input, signature, key_id, algorithm, verdict,
                            canonical_xml, receipt_status, receipt_headers, receipt_body)
                     VALUES (?, ?, ?, ?, ?, ?, ?, 'application/xml', ?, 'sha-256=:test:', '{}', 'sig=()', 'sig=:test:',
                             'test-key', 'ecdsa-p256-sha256', '{}', ?, 202, '{}', '')
                     RETURNING ledger_id
                     """)) {
            statement.setString(1, message.getSender());
            statement.setString(2, message.getMessageId());
            statement.setString(3, message.getKind().name());
            statement.setString(4, message.getJointReference());
            statement.setString(5, message.getCallId());
            statement.setString(6, ProposalSubject.title(message));
            List<String> leads = ProposalSubject.leadResearchers(message);
            statement.setArray(7, leads == null ? null : connection.createArrayOf("text", leads.toArray()));
            statement.setBytes(8, xml);
            statement.setBytes(9, xml);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** processing_state and processing_detail of a ledger row. */
    public List<String> processing(long ledgerId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT processing_state, processing_detail FROM exchange_ledger WHERE ledger_id = ?")) {
            statement.setLong(1, ledgerId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                List<String> result = new ArrayList<>();
                result.add(row.getString(1));
                result.add(row.getString(2));
                return result;
            }
        }
    }
}
