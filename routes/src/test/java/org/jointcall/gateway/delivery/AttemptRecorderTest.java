package org.jointcall.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jointcall.gateway.decision.DecisionWorker;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.it.CountingTransactions;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Push results recorded together on a real PostgreSQL: the attempts of pushers that finish while a record is being
 * written share the next transaction, and an attempt that cannot be written does not take the others with it.
 */
class AttemptRecorderTest {

    private final OutboxQueue queue = new OutboxQueue();
    private final ExecutorService pushers = Executors.newCachedThreadPool();
    private TestDatabase.Database database;
    private CountingTransactions transactions;
    private List<ClaimedMessage> claimed;

    @BeforeEach
    void fourClaimedMessages() throws Exception {
        database = TestDatabase.fresh("attempt_recorder");
        Transactions plain = LedgerFixture.migrateWithTheTestCall(database);
        new LedgerFixture(database).receive(sample("NSF", "proposal", "JR-A-" + System.nanoTime(), 1));
        DecisionWorker decisions = LedgerFixture.decisionWorker(plain);
        while (decisions.poll() > 0) {
            // applies the part, which writes the joint proposal record for each of the four agencies
        }
        claimed = plain.inTransaction(connection -> queue.claimDue(connection, 10, Duration.ofMinutes(1)));
        assertThat(claimed).hasSize(4);
        transactions = CountingTransactions.holdingTheFirst(database.dataSource());
    }

    @AfterEach
    void stopPushers() {
        pushers.shutdownNow();
    }

    @Test
    void pushesFinishingWhileOneIsWrittenShareTheNextTransaction() throws Exception {
        AttemptRecorder recorder = recorder();
        List<Future<?>> records = recordAllWhileTheFirstIsWritten(recorder, claimed.stream().map(this::delivered).toList());
        for (Future<?> record : records) {
            record.get(10, TimeUnit.SECONDS);
        }

        assertThat(transactions.begun()).as("transactions for 4 attempts: the first alone, then the 3 that waited").isEqualTo(2);
        assertThat(database.column("SELECT state || ' ' || receipt_status FROM outbox_message")).containsOnly("DELIVERED 200").hasSize(4);
        assertThat(database.column("SELECT request_uri || ' ' || (request_headers -> 2 ->> 1) FROM outbox_message"))
                .as("each message keeps the request it was delivered with").containsExactlyInAnyOrderElementsOf(claimed.stream()
                        .map(message -> "https://partner.example/jointcall/inbound jointcall=:" + message.messageId() + ":").toList());
        assertThat(database.column("SELECT attempt || ' ' || outcome || ' ' || instance_id FROM delivery_attempt"))
                .containsOnly("1 DELIVERED recorder-test").hasSize(4);
        assertThat(database.column("SELECT count(*) FROM partner_circuit WHERE state <> 'CLOSED'")).containsExactly("0");
    }

    @Test
    void anAttemptThatCannotBeWrittenFailsAloneAndTheOthersAreRecorded() throws Exception {
        AttemptRecorder recorder = recorder();
        ClaimedMessage gone = new ClaimedMessage(-1, "no-such-message", "NSF", "JOINT_PROPOSAL_RECORD",
                "<x/>".getBytes(StandardCharsets.UTF_8), 1);
        List<PushAttempt> attempts = new ArrayList<>(claimed.stream().map(this::delivered).toList());
        attempts.add(2, delivered(gone));
        List<Future<?>> records = recordAllWhileTheFirstIsWritten(recorder, attempts);

        for (int i = 0; i < records.size(); i++) {
            Future<?> record = records.get(i);
            if (i == 2) {
                assertThatThrownBy(() -> record.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class)
                        .hasMessageContaining("delivery_attempt");
            } else {
                record.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(database.column("SELECT state FROM outbox_message")).containsOnly("DELIVERED").hasSize(4);
        assertThat(database.column("SELECT count(*) FROM delivery_attempt")).containsExactly("4");
        assertThat(transactions.begun()).as("the first alone, the 4 that waited together (rolled back), then each of them alone")
                .isEqualTo(6);
    }

    @Test
    void failuresOfAPartnerThatIsDownInOneTransactionOpenItsCircuit() throws Exception {
        AttemptRecorder recorder = recorder();
        List<PushAttempt> attempts = claimed.stream().map(message -> new ClaimedMessage(message.outboxId(), message.messageId(),
                "UKRI", message.kind(), message.canonicalXml(), message.attempt())).map(this::unavailable).toList();
        List<Future<?>> records = recordAllWhileTheFirstIsWritten(recorder, attempts);
        for (Future<?> record : records) {
            record.get(10, TimeUnit.SECONDS);
        }

        assertThat(database.column("SELECT state || ' ' || consecutive_failures FROM partner_circuit WHERE agency = 'UKRI'"))
                .containsExactly("OPEN 4");
        assertThat(database.column("SELECT state || ' ' || last_error || ' ' || receipt_status || ' ' || (request_headers -> 2 ->> 1)"
                + " FROM outbox_message")).as("a refused request is kept with the answer it got")
                .containsExactlyInAnyOrderElementsOf(claimed.stream()
                        .map(message -> "PENDING UKRI answered 503: busy 503 jointcall=:" + message.messageId() + ":").toList());
        assertThat(database.column("SELECT outcome FROM delivery_attempt")).containsOnly("FAILED").hasSize(4);
    }

    /**
     * Starts recording the first attempt, holds its transaction until every other attempt is waiting for the recorder,
     * then lets it commit; returns the records in the order of {@code attempts}.
     */
    private List<Future<?>> recordAllWhileTheFirstIsWritten(AttemptRecorder recorder, List<PushAttempt> attempts) throws Exception {
        List<Thread> waiting = new ArrayList<>();
        List<Future<?>> records = new ArrayList<>();
        records.add(pushers.submit(() -> {
            recorder.record(attempts.get(0));
            return null;
        }));
        assertThat(transactions.awaitFirstWorkDone()).as("first transaction started").isTrue();
        for (PushAttempt attempt : attempts.subList(1, attempts.size())) {
            CountDownLatch started = new CountDownLatch(1);
            Thread[] pusher = new Thread[1];
            Future<?> record = pushers.submit(() -> {
                pusher[0] = Thread.currentThread();
                started.countDown();
                recorder.record(attempt);
                return null;
            });
            started.await();
            waiting.add(pusher[0]);
            records.add(record);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("the other pushers wait for the recorder").isLessThan(deadline);
            Thread.sleep(5);
        }
        transactions.releaseFirst();
        return records;
    }

    private AttemptRecorder recorder() {
        return new AttemptRecorder(transactions, queue, new PartnerCircuits(),
                new DeliverySettings(8, 50, 400, 2000, 5000, 50, 4, 2, 300), "recorder-test");
    }

    private PushAttempt delivered(ClaimedMessage message) {
        Receipt receipt = new Receipt(200, "[[\"Content-Type\",\"application/json\"]]", "{}".getBytes(StandardCharsets.UTF_8), null);
        return new PushAttempt(message, PushResult.delivered(sent(message), receipt), Instant.now(), 12, Optional.empty());
    }

    private PushAttempt unavailable(ClaimedMessage message) {
        Receipt busy = new Receipt(503, "[[\"Content-Type\",\"text/plain\"]]", "busy".getBytes(StandardCharsets.UTF_8), null);
        return new PushAttempt(message, PushResult.failed(PushResult.Outcome.PARTNER_UNAVAILABLE, 503,
                message.recipient() + " answered 503: busy", sent(message), Optional.of(busy)), Instant.now(), 12,
                Optional.of(Instant.now().plusSeconds(60)));
    }

    private static SentRequest sent(ClaimedMessage message) {
        return new SentRequest(URI.create("https://partner.example/jointcall/inbound"),
                "[[\"Content-Type\",\"application/json\"],[\"Signature-Input\",\"jointcall=()\"],[\"Signature\",\"jointcall=:"
                        + message.messageId() + ":\"]]");
    }
}
