package org.jointcall.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.gateway.decision.DecisionWorker;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's claim on a real PostgreSQL: a lease keeps a message from every other claim until it ends, and
 * taking it leaves the outbox's indexes alone (migration V13).
 */
class OutboxQueueTest {

    private final OutboxQueue queue = new OutboxQueue();
    private TestDatabase.Database database;
    private Transactions transactions;

    @BeforeEach
    void aProposalPartWithItsRecordsInTheOutbox() throws Exception {
        database = TestDatabase.fresh("outbox_queue");
        transactions = LedgerFixture.migrateWithTheTestCall(database);
        new LedgerFixture(database).receive(sample("NSF", "proposal", "JR-O-" + System.nanoTime(), 1));
        DecisionWorker decisions = LedgerFixture.decisionWorker(transactions);
        while (decisions.poll() > 0) {
            // applies the part, which writes the joint proposal record for each of the four agencies
        }
        assertThat(database.column("SELECT count(*) FROM outbox_message WHERE state = 'PENDING'")).containsExactly("4");
    }

    @Test
    void aLeasedMessageIsNotClaimedAgainUntilItsLeaseEnds() throws Exception {
        List<ClaimedMessage> first = transactions.inTransaction(connection -> queue.claimDue(connection, 10, Duration.ofMillis(300)));
        assertThat(first).hasSize(4).allSatisfy(message -> assertThat(message.attempt()).isEqualTo(1));

        List<ClaimedMessage> whileLeased = transactions.inTransaction(connection -> queue.claimDue(connection, 10, Duration.ofMinutes(1)));
        assertThat(whileLeased).as("claimed while leased").isEmpty();

        Thread.sleep(400);
        List<ClaimedMessage> again = transactions.inTransaction(connection -> queue.claimDue(connection, 10, Duration.ofMinutes(1)));
        assertThat(again).as("claimed again after the lease, as after a crashed worker")
                .extracting(ClaimedMessage::messageId).containsExactlyInAnyOrderElementsOf(first.stream().map(ClaimedMessage::messageId).toList());
        assertThat(again).allSatisfy(message -> assertThat(message.attempt()).isEqualTo(2));
    }

    /**
     * The lease is a column no index holds, so PostgreSQL updates each claimed row in place (a HOT update) instead
     * of adding an entry to each of the outbox's indexes. Indexing leased_until, or leasing by next_attempt_at
     * again, breaks this.
     */
    @Test
    void claimingIsAHotUpdateOfTheOutboxRows() throws Exception {
        List<Long> updates = transactions.inTransaction(connection -> {
            assertThat(queue.claimDue(connection, 10, Duration.ofMinutes(1))).hasSize(4);
            return TestDatabase.updatesInThisTransaction(connection, "outbox_message");
        });

        assertThat(updates).as("updates, HOT updates of outbox_message").containsExactly(4L, 4L);
    }

    /** The last request on the wire and its answer stay on record until another request is sent. */
    @Test
    void aFailureBeforeAnythingWasSentKeepsTheLastRequestAndItsReceipt() throws Exception {
        // All four claimed, so the three others stay leased and each claim below finds this message alone.
        ClaimedMessage message = transactions.inTransaction(connection -> queue.claimDue(connection, 10, Duration.ofMinutes(1))).get(0);
        SentRequest first = new SentRequest(URI.create("https://partner.example/in"), "[[\"Signature\",\"jointcall=:Zmlyc3Q=:\"]]");
        Receipt busy = new Receipt(503, "[[\"Retry-After\",\"5\"]]", "busy".getBytes(StandardCharsets.UTF_8), null);
        record(message, "answered 503", first, busy);
        assertThat(evidence(message)).containsExactly("PENDING answered 503 jointcall=:Zmlyc3Q=: 503 busy");

        ClaimedMessage again = transactions.inTransaction(connection -> queue.claimDue(connection, 1, Duration.ofMinutes(1))).get(0);
        transactions.inTransaction(connection -> {
            queue.failed(connection, again, "the adapter cannot write it", Optional.empty(), Optional.empty(), Optional.empty());
            return null;
        });
        assertThat(evidence(message)).as("nothing sent: the last request and its receipt stay")
                .containsExactly("DEAD the adapter cannot write it jointcall=:Zmlyc3Q=: 503 busy");

        transactions.inTransaction(connection -> queue.resend(connection, message.outboxId()));
        ClaimedMessage resent = transactions.inTransaction(connection -> queue.claimDue(connection, 1, Duration.ofMinutes(1))).get(0);
        SentRequest second = new SentRequest(URI.create("https://partner.example/in"), "[[\"Signature\",\"jointcall=:c2Vjb25k:\"]]");
        record(resent, "connection reset", second, null);
        assertThat(evidence(message)).as("a request sent without an answer replaces the last one and its receipt")
                .containsExactly("PENDING connection reset jointcall=:c2Vjb25k: - -");
    }

    private void record(ClaimedMessage message, String error, SentRequest sent, Receipt answer) throws Exception {
        transactions.inTransaction(connection -> {
            queue.failed(connection, message, error, Optional.of(Instant.now()), Optional.of(sent), Optional.ofNullable(answer));
            return null;
        });
    }

    private List<String> evidence(ClaimedMessage message) throws SQLException {
        return database.column("SELECT state || ' ' || last_error || ' ' || (request_headers -> 0 ->> 1) || ' '"
                + " || coalesce(receipt_status::text, '-') || ' ' || coalesce(convert_from(receipt_body, 'UTF8'), '-')"
                + " FROM outbox_message WHERE outbox_id = " + message.outboxId());
    }

    @Test
    void theSameMessageIsAddedOnce() throws Exception {
        List<String> stored = database.column("SELECT message_id FROM outbox_message ORDER BY outbox_id");
        List<String> row = database.column("SELECT recipient || ' ' || kind || ' ' || joint_id || ' ' || caused_by"
                + " FROM outbox_message WHERE message_id = '" + stored.get(0) + "'");
        String[] fields = row.get(0).split(" ");
        MessageCause cause = MessageCause.ledger(Long.parseLong(fields[3]), UUID.fromString(fields[2]), 1);
        OutboundMessage again = new OutboundMessage(fields[0], MessageKind.valueOf(fields[1]), cause,
                "<other/>".getBytes(StandardCharsets.UTF_8));
        assertThat(again.messageId()).isEqualTo(stored.get(0));

        OutboundMessage other = new OutboundMessage(fields[0].equals("NSF") ? "UKRI" : "NSF", MessageKind.valueOf(fields[1]),
                MessageCause.ledger(Long.parseLong(fields[3]) + 1000, UUID.fromString(fields[2]), 1),
                "<other/>".getBytes(StandardCharsets.UTF_8));

        int added = transactions.inTransaction(connection -> new Outbox().enqueue(connection, List.of(again, other)));
        assertThat(added).as("only the new one of the batch").isEqualTo(1);
        assertThat(database.column("SELECT count(*) FROM outbox_message")).containsExactly("5");
        transactions.inTransaction(connection -> new Outbox().enqueue(connection, List.of()));
        assertThat(database.column("SELECT count(*) FROM outbox_message")).containsExactly("5");
    }
}
