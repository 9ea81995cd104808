package org.jointcall.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jointcall.bench.load.JointCallTraffic;
import org.jointcall.bench.load.OpenLoad;
import org.jointcall.bench.load.Owed;
import org.jointcall.bench.load.PartnerArrivals;
import org.jointcall.gateway.it.JointCallGateway;

/**
 * Sustained end-to-end throughput: after a warm-up, the four partners send the joint-call mix at each rate for
 * a fixed time; a message's latency runs from when it was due to when the last partner it concerns accepted
 * what it caused (the consolidated record, the outcome notice), as the partners recorded it. Between rates the
 * gateway works off its backlog, so each rate starts clean; how long that took is reported.
 */
public final class ThroughputBenchmark {

    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(90);
    private static final Duration JIT_PATIENCE = Duration.ofSeconds(180);

    private final JointCallGateway setup;
    private final PartnerArrivals arrivals;
    private final OpenLoad load;
    /** Steps run so far: each step's proposals get references of their own, even when a rate is given twice. */
    private int steps;

    public ThroughputBenchmark(JointCallGateway setup, PartnerArrivals arrivals, OpenLoad load) {
        this.setup = setup;
        this.arrivals = arrivals;
        this.load = load;
    }

    /**
     * Warms the gateway up at {@code rate} for {@code duration}, waits for its backlog to clear, then for its JIT
     * compilers to finish (at most {@code JIT_PATIENCE}); returns how long that took. Under load on two cores the
     * one C2 compiler thread gets a small share: after a minute at 50 msg/s hundreds of hot methods were still
     * queued for it (thousands after an overloaded step) and ran as profiling C1 code: the gateway's CPU per
     * message at 100 msg/s read 20 ms in 30-s steps straight after the warm-up, 12 ms after two minutes at 5 msg/s.
     * A gateway that runs for days has long compiled them; without load the queue emptied within 20 s.
     */
    public Duration warmUp(double rate, Duration duration) {
        load.run(new JointCallTraffic("WARM"), rate, duration, n -> setup.gateway().uri(""));
        drain();
        return ProcessCpu.awaitQuietCompilers(setup.gateway().pid(), JIT_PATIENCE);
    }

    public Step run(int rate, Duration duration) {
        JointCallTraffic traffic = new JointCallTraffic("R" + rate + "S" + ++steps);
        long pid = setup.gateway().pid();
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(ProcessMemory.residentMiB(pid), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int postgresPort = URI.create(setup.database.url().substring("jdbc:".length())).getPort();
        ProcessCpu.Sample cpuBefore = ProcessCpu.sample(pid, postgresPort);
        long started = System.currentTimeMillis();
        List<OpenLoad.Sent> sent = load.run(traffic, rate, duration, n -> setup.gateway().uri(""));
        long loadEnded = System.currentTimeMillis();
        long heap = ProcessMemory.heapUsedMiB(pid);
        Duration drain = drain();
        ProcessCpu.Sample cpu = ProcessCpu.sample(pid, postgresPort).minus(cpuBefore);
        sampler.interrupt();

        Owed owed = Owed.read(setup.database, traffic.referencePrefix());
        List<Long> endToEnd = new ArrayList<>();
        int undelivered = 0;
        int withoutEffect = 0;
        long lastArrival = started;
        for (OpenLoad.Sent message : sent) {
            if (!message.accepted()) {
                continue;
            }
            if (owed.appliedWithoutEffect(message.planned().messageId())) {
                withoutEffect++;
                continue;
            }
            // Every other message of the mix causes deliveries: one that caused none yet was not applied by the end of the drain.
            List<String> caused = owed.outboxByCause().getOrDefault(message.planned().messageId(), List.of());
            long completed = caused.isEmpty() ? Long.MAX_VALUE : 0;
            for (String id : caused) {
                PartnerArrivals.Arrival arrival = arrivals.arrival(id);
                completed = arrival == null ? Long.MAX_VALUE : Math.max(completed, arrival.firstAt());
            }
            if (completed == Long.MAX_VALUE) {
                undelivered++;
            } else {
                endToEnd.add(completed - message.dueAtMillis());
                lastArrival = Math.max(lastArrival, completed);
            }
        }
        long[] answers = sent.stream().filter(OpenLoad.Sent::accepted).mapToLong(message -> message.answerNanos() / 1_000_000).toArray();
        int accepted = answers.length;
        return new Step(rate, duration, sent.size(), accepted, new Percentiles(answers),
                new Percentiles(endToEnd.stream().mapToLong(Long::longValue).toArray()), undelivered, withoutEffect,
                DeliveryCount.of(sent, owed, arrivals), (lastArrival - started) / 1000.0, (loadEnded - started) / 1000.0,
                peakRss.get(), heap, drain, cpu);
    }

    /** Waits until the gateway has applied and delivered everything; returns how long that took. */
    public Duration drain() {
        return Owed.awaitSettled(setup.database, DRAIN_PATIENCE);
    }

    /**
     * One rate's figures.
     *
     * @param answerMillis from due to the gateway's signed 202
     * @param endToEndMillis from due to the last partner's acceptance of what the message caused
     * @param undelivered accepted messages not applied or not fully delivered by the end of the drain
     * @param withoutEffect accepted messages applied as stale, which rightly caused nothing (not in the latencies)
     * @param deliveredWithinSeconds from the start of the load to the last partner acceptance
     * @param loadSeconds how long sending took (longer than planned if the senders could not keep up)
     * @param cpu CPU time used from the start of the load to the end of the drain, by party
     */
    public record Step(int rate, Duration duration, int sent, int accepted, Percentiles answerMillis, Percentiles endToEndMillis,
            int undelivered, int withoutEffect, DeliveryCount count, double deliveredWithinSeconds, double loadSeconds, long peakRssMiB,
            long heapUsedMiB, Duration drain, ProcessCpu.Sample cpu) {

        /** "gateway (JIT) / PostgreSQL / load and partners" CPU milliseconds per accepted message. */
        public String cpuPerMessage() {
            return cpu.perMessage(accepted);
        }

        /** Partner messages accepted and fully delivered per second, over the time it took to deliver them all. */
        public double endToEndPerSecond() {
            return (accepted - undelivered) / Math.max(deliveredWithinSeconds, duration.toMillis() / 1000.0);
        }

        /** Deliveries to partners per second, over the same time. */
        public double deliveriesPerSecond() {
            return (count.owed() - count.lostDeliveries()) / Math.max(deliveredWithinSeconds, duration.toMillis() / 1000.0);
        }

        /** Whether the gateway kept up: everything accepted and delivered, p99 under 200 ms, no backlog left after the load. */
        public boolean keptUp() {
            return accepted == sent && undelivered == 0 && endToEndMillis.at(99) < 200 && drain.toMillis() < 1000;
        }
    }
}
