package org.jointcall.gateway.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.instance.InstanceRegistry;
import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.metrics.MessageMetrics;
import org.jointcall.gateway.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the delivery worker: claims due outbox messages, puts those for pull agencies into
 * their inbox and pushes the others, then records each attempt and its result (several pushers' in
 * one transaction, see {@link AttemptRecorder}). A failure is retried after an exponential backoff
 * with jitter until {@code gateway.delivery.max-attempts}, then the message is DEAD (an operator can
 * resend it); failures of a partner that is down open its circuit.
 * Each delivery logs with the message's ids in the MDC and is counted for the metrics.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long one poll goes on while batches keep filling (bench/ showed the timer's pause capping throughput). */
    static final long POLL_LIMIT_NANOS = 2_000_000_000L;

    private Transactions transactions;
    private OutboxQueue queue;
    private PartnerCircuits circuits;
    private PartnerPush push;
    private AgencyDirectory agencies;
    private DeliverySettings settings;
    private Clock clock;
    private MessageMetrics metrics;
    private ExecutorService pushers;
    private OutboxArrivals arrivals;
    private AttemptRecorder recorder;
    /** Permits for messages claimed and not yet finished by this instance. */
    private Semaphore unfinished;

    /** For the CDI proxy only. */
    protected DeliveryWorker() {
    }

    @Inject
    public DeliveryWorker(Transactions transactions, OutboxQueue queue, PartnerCircuits circuits, PartnerPush push,
            AgencyDirectory agencies, DeliverySettings settings, InstanceRegistry instance, MessageMetrics metrics,
            OutboxArrivals arrivals) {
        this(transactions, queue, circuits, push, agencies, settings, instance.instanceId(), Clock.systemUTC(), metrics, arrivals);
    }

    public DeliveryWorker(Transactions transactions, OutboxQueue queue, PartnerCircuits circuits, PartnerPush push,
            AgencyDirectory agencies, DeliverySettings settings, String instanceId, Clock clock, MessageMetrics metrics,
            OutboxArrivals arrivals) {
        this.transactions = transactions;
        this.queue = queue;
        this.circuits = circuits;
        this.push = push;
        this.agencies = agencies;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.arrivals = arrivals;
        this.recorder = new AttemptRecorder(transactions, queue, circuits, settings, instanceId);
    }

    /**
     * Claims due messages and hands them to the pushers until none is left or for at most
     * {@link #POLL_LIMIT_NANOS}; returns how many were claimed. The claims run ahead of the pushes: a new batch is
     * claimed as soon as a batch's worth of pushes has finished while the other {@code gateway.delivery.concurrency}
     * are still in flight, so no pusher waits for the slowest partner of a batch, and a poll does not wait for the
     * pushes it started (a partner that hangs until the request timeout holds up one pusher, not the next poll).
     * At most concurrency + batch size messages are claimed and unfinished; their leases cover the wait.
     */
    public int poll() throws Exception {
        long started = System.nanoTime();
        int batchSize = settings.batchSize();
        int claimed = 0;
        int batch;
        do {
            unfinished().acquire(batchSize);
            List<ClaimedMessage> due = List.of();
            try {
                due = claimDeliverable(batchSize);
            } finally {
                unfinished().release(batchSize - due.size());
            }
            for (ClaimedMessage message : due) {
                pushers().execute(() -> {
                    try {
                        deliver(message);
                    } catch (Exception e) {
                        // Nobody waits for a push: say here what went wrong; the message stays PENDING and is claimed again after its lease.
                        LOG.error("Outbox message {} to {}: delivery attempt {} failed unexpectedly", message.messageId(),
                                message.recipient(), message.attempt(), e);
                    } finally {
                        unfinished().release();
                    }
                });
            }
            batch = due.size();
            claimed += batch;
        } while (batch == batchSize && System.nanoTime() - started < POLL_LIMIT_NANOS);
        return claimed;
    }

    /**
     * Polls, and while the poll limit lasts waits for this instance's next outbox commit whenever nothing is
     * due, so a message the decision worker has just written goes out at once rather than at the next tick.
     */
    public int work() throws Exception {
        return arrivals.pollAsCommitted(this::poll, Duration.ofNanos(POLL_LIMIT_NANOS));
    }

    /**
     * Claims up to {@code limit} due messages and gives back, untried, those whose partner's circuit another
     * delivery has opened since (one look for the batch's partners, inside the claim's transaction).
     */
    private List<ClaimedMessage> claimDeliverable(int limit) throws SQLException {
        return transactions.inTransaction(connection -> {
            List<ClaimedMessage> due = queue.claimDue(connection, limit, settings.claimLease());
            if (due.isEmpty()) {
                return due;
            }
            Map<String, Instant> openUntil = circuits.openUntil(connection, due.stream().map(ClaimedMessage::recipient).distinct().toList());
            List<ClaimedMessage> deliverable = new ArrayList<>();
            for (ClaimedMessage message : due) {
                Instant open = openUntil.get(message.recipient());
                if (open != null) {
                    queue.postpone(connection, message, open);
                } else {
                    deliverable.add(message);
                }
            }
            return deliverable;
        });
    }

    private synchronized Semaphore unfinished() {
        if (unfinished == null) {
            unfinished = new Semaphore(settings.concurrency() + settings.batchSize());
        }
        return unfinished;
    }

    private synchronized ExecutorService pushers() {
        if (pushers == null) {
            AtomicInteger threads = new AtomicInteger();
            pushers = Executors.newFixedThreadPool(settings.concurrency(), task -> {
                Thread thread = new Thread(task, "delivery-push-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pushers;
    }

    /** Stops the push threads; a delivery cut short stays PENDING and is claimed again when its lease ends. */
    @PreDestroy
    public synchronized void stop() {
        if (pushers != null) {
            pushers.shutdownNow();
            pushers = null;
            unfinished = null;
        }
    }

    private void deliver(ClaimedMessage message) throws SQLException {
        try (Correlation ignored = Correlation.of(Correlation.OUTBOX_ID, message.outboxId())
                .and(Correlation.MESSAGE_ID, message.messageId()).and(Correlation.AGENCY, message.recipient())) {
            deliverCorrelated(message);
        }
    }

    private void deliverCorrelated(ClaimedMessage message) throws SQLException {
        Optional<Agency> recipient = agencies.find(message.recipient());
        if (recipient.isEmpty()) {
            fail(message, "no agency " + message.recipient() + " is configured (gateway.config.dir/agencies/"
                    + message.recipient() + "/agency.json)");
            return;
        }
        Agency agency = recipient.get();
        if (agency.mode() == DeliveryMode.PULL) {
            transactions.inTransaction(connection -> {
                queue.offerForPull(connection, message);
                return null;
            });
            metrics.offeredForPull(message.recipient(), message.kind());
            LOG.info("Outbox message {} ({}) is in the pull inbox of {}", message.messageId(), message.kind(), message.recipient());
            return;
        }
        Instant started = clock.instant();
        PushResult result = push.push(message, agency);
        long millis = clock.millis() - started.toEpochMilli();
        Optional<Instant> retryAt = result.outcome() == PushResult.Outcome.UNDELIVERABLE ? Optional.empty() : retryAt(message);
        try {
            recorder.record(new PushAttempt(message, result, started, millis, retryAt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Outbox message {} to {}: stopped while attempt {} waited to be recorded; unless it was, the message is"
                    + " pushed again when its lease ends", message.messageId(), message.recipient(), message.attempt());
            return;
        }
        if (result.outcome() == PushResult.Outcome.DELIVERED) {
            metrics.delivered(message.recipient(), message.kind(), Duration.ofMillis(millis));
            LOG.info("Outbox message {} ({}) delivered to {} on attempt {} in {} ms", message.messageId(), message.kind(),
                    message.recipient(), message.attempt(), millis);
        } else {
            logFailure(message, result.error(), retryAt);
        }
    }

    /** When to try again after the attempt {@code message} is on failed; empty once it was the last. */
    private Optional<Instant> retryAt(ClaimedMessage message) {
        return message.attempt() < settings.maxAttempts()
                ? Optional.of(clock.instant().plus(settings.backoff().after(message.attempt(), ThreadLocalRandom.current()::nextDouble)))
                : Optional.empty();
    }

    private void fail(ClaimedMessage message, String error) throws SQLException {
        Optional<Instant> retryAt = retryAt(message);
        transactions.inTransaction(connection -> {
            queue.failed(connection, message, error, retryAt, Optional.empty(), Optional.empty());
            return null;
        });
        logFailure(message, error, retryAt);
    }

    private void logFailure(ClaimedMessage message, String error, Optional<Instant> retryAt) {
        if (retryAt.isEmpty()) {
            metrics.deadLettered(message.recipient());
            LOG.warn("Outbox message {} to {} is DEAD after attempt {}: {}", message.messageId(), message.recipient(), message.attempt(), error);
        } else {
            metrics.retryScheduled(message.recipient());
            LOG.info("Outbox message {} to {}: attempt {} failed ({}), next at {}", message.messageId(), message.recipient(),
                    message.attempt(), error, retryAt.get());
        }
    }
}
