package org.jointcall.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jointcall.bench.load.JointCallTraffic;
import org.jointcall.bench.load.OpenLoad;
import org.jointcall.bench.load.Owed;
import org.jointcall.bench.load.PartnerArrivals;
import org.jointcall.gateway.it.JointCallGateway;

/**
 * The fault ITs' scenarios under a steady load, counted at the partners by message id: a partner answering
 * 503 for a while, and the gateway killed with SIGKILL mid-load and restarted. The gateway runs with the ITs'
 * short retry intervals and short partner timeouts, so a claim left by the killed instance is free again after
 * its lease (timeouts + 30 s) and the run stays within minutes.
 */
public final class FaultBenchmark {

    /** The ITs' fast settings, with partner timeouts short enough for a lease of 34 s. */
    public static final Map<String, String> SETTINGS = withTimeouts();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final JointCallGateway setup;
    private final PartnerArrivals arrivals;
    private final OpenLoad load;
    private final double rate;

    public FaultBenchmark(JointCallGateway setup, PartnerArrivals arrivals, OpenLoad load, double rate) {
        this.setup = setup;
        this.arrivals = arrivals;
        this.load = load;
        this.rate = rate;
    }

    /** UKRI answers 503 for {@code down} while the load runs for {@code loadFor}; then everything must arrive once. */
    public Result partnerDown(Duration loadFor, Duration down) throws Exception {
        JointCallTraffic traffic = new JointCallTraffic("DOWN");
        setup.partners.partner("UKRI").failWith(503);
        CompletableFuture<List<OpenLoad.Sent>> sent = CompletableFuture.supplyAsync(() -> load.run(traffic, rate, loadFor, n -> setup.gateway().uri("")));
        Thread.sleep(down.toMillis());
        setup.partners.partner("UKRI").recover();
        return settle(traffic, sent.get(), "UKRI answered 503 for " + down.toSeconds() + " s");
    }

    /** The gateway is killed (SIGKILL) {@code killAfter} into a load of {@code loadFor}, and restarted at once. */
    public Result killedMidLoad(Duration loadFor, Duration killAfter) throws Exception {
        JointCallTraffic traffic = new JointCallTraffic("KILL");
        CompletableFuture<List<OpenLoad.Sent>> sent = CompletableFuture.supplyAsync(() -> load.run(traffic, rate, loadFor, n -> setup.gateway().uri("")));
        Thread.sleep(killAfter.toMillis());
        setup.gateway().kill();
        long killed = System.nanoTime();
        setup.replacedBy(setup.gateway().restart());
        Duration restart = Duration.ofNanos(System.nanoTime() - killed);
        return settle(traffic, sent.get(), "kill -9 after " + killAfter.toSeconds() + " s, back after " + restart.toSeconds() + " s");
    }

    private Result settle(JointCallTraffic traffic, List<OpenLoad.Sent> sent, String fault) {
        Duration settled = Owed.awaitSettled(setup.database, PATIENCE);
        return new Result(fault, DeliveryCount.of(sent, Owed.read(setup.database, traffic.referencePrefix()), arrivals), settled);
    }

    private static Map<String, String> withTimeouts() {
        Map<String, String> settings = new java.util.HashMap<>(JointCallGateway.FAST);
        settings.put("gateway.delivery.connect-timeout-ms", "1000");
        settings.put("gateway.delivery.request-timeout-ms", "3000");
        return Map.copyOf(settings);
    }

    /** @param settledAfter from the end of the load until nothing was left to apply or deliver */
    public record Result(String fault, DeliveryCount count, Duration settledAfter) {
    }
}
