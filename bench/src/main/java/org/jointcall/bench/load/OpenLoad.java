package org.jointcall.bench.load;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.jointcall.gateway.it.PartnerClient;
import org.jointcall.gateway.it.TestAgencies;

/**
 * Partners sending signed messages at a fixed rate, whatever the gateway's answers take (an open load, as
 * independent agencies produce): message n is due at start + n/rate, and its latency counts from then, so a
 * gateway that falls behind shows it in the figures instead of slowing the load down.
 */
public final class OpenLoad {

    private final TestAgencies agencies;
    private final MessageTemplates templates;
    private final int senders;

    public OpenLoad(TestAgencies agencies, MessageTemplates templates, int senders) {
        this.agencies = agencies;
        this.templates = templates;
        this.senders = senders;
    }

    /**
     * Sends {@code traffic} at {@code perSecond} for {@code duration}, message n to the partner API at
     * {@code target.apply(n)} ({@code http://localhost:<port>}), and returns once every message has its answer (or none).
     */
    public List<Sent> run(Iterator<Planned> traffic, double perSecond, Duration duration, IntFunction<URI> target) {
        int count = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        List<Sent> sent = new ArrayList<>(count);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders, task -> {
            Thread thread = new Thread(task, "partner-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        try {
            for (int n = 0; n < count; n++) {
                long dueNanos = startNanos + (long) (n * 1e9 / perSecond);
                LockSupport.parkNanos(dueNanos - System.nanoTime());
                Sent message = new Sent(traffic.next(), startMillis + (dueNanos - startNanos) / 1_000_000);
                sent.add(message);
                URI to = target.apply(n);
                pool.execute(() -> send(message, to, dueNanos));
            }
        } finally {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load was running", e);
        }
        return sent;
    }

    private void send(Sent message, URI to, long dueNanos) {
        Planned planned = message.planned();
        MessageTemplates.NativeMessage body = templates.write(planned);
        PartnerClient client = new PartnerClient(to);
        try {
            PartnerClient.Answer answer = client.send(client.signed(planned.agency(), agencies.key(planned.agency()),
                    body.mediaType(), body.body()).message());
            message.answered(answer.status(), System.nanoTime() - dueNanos, answer.status() == 202 ? null : answer.body());
        } catch (UncheckedIOException gatewayGone) {
            message.answered(Sent.NO_ANSWER, System.nanoTime() - dueNanos, gatewayGone.getMessage());
        }
    }

    /** One message of the load, and the gateway's answer once it came. */
    public static final class Sent {
        /** The status of a message the gateway never answered (connection refused or reset). */
        public static final int NO_ANSWER = -1;

        private final Planned planned;
        private final long dueAtMillis;
        private volatile int status;
        private volatile long answerNanos;
        private volatile String problem;

        Sent(Planned planned, long dueAtMillis) {
            this.planned = planned;
            this.dueAtMillis = dueAtMillis;
        }

        void answered(int status, long answerNanos, String problem) {
            this.answerNanos = answerNanos;
            this.problem = problem;
            this.status = status;
        }

        public Planned planned() {
            return planned;
        }

        /** When the partner meant to send it (epoch milliseconds): latencies count from here. */
        public long dueAtMillis() {
            return dueAtMillis;
        }

        public boolean accepted() {
            return status == 202;
        }

        public int status() {
            return status;
        }

        /** From due to the gateway's answer (the signed 202 receipt). */
        public long answerNanos() {
            return answerNanos;
        }

        /** What the gateway answered instead of 202, if it did. */
        public String problem() {
            return problem;
        }
    }
}
