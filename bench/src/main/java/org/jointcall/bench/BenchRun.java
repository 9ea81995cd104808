package org.jointcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jointcall.bench.load.LoadSettings;
import org.jointcall.bench.load.MessageTemplates;
import org.jointcall.bench.load.OpenLoad;
import org.jointcall.bench.load.PartnerArrivals;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.it.JointCallGateway;

/**
 * Runs every benchmark once and prints the report, also written to {@code bench.report}
 * ({@code bench/target/report.md}). Settings, as system properties ({@code bench/run -Dname=value} passes none:
 * set {@code BENCH_OPTS}): {@code bench.rates} (partner messages per second, one step each; default
 * {@code 25,50,100,150,200}), {@code bench.step-seconds} (60: shorter steps measured the JIT's bursts more than the gateway), {@code bench.warmup-rate} (50),
 * {@code bench.warmup-seconds} (60, followed by a pause until the gateway's JIT compilers are idle), {@code bench.senders} (concurrent partner connections, 64),
 * {@code bench.fault-rate} (40), {@code bench.faults} (true: run the fault scenarios).
 */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) {
        BenchMain.run(BenchRun::run);
    }

    private static void run() throws Exception {
        LoadSettings settings = LoadSettings.read("bench", "25,50,100,150,200", 50);
        double faultRate = Double.parseDouble(System.getProperty("bench.fault-rate", "40"));
        Path work = Files.createDirectories(Path.of(System.getProperty("gateway.it-logs"))).resolve("run-" + System.currentTimeMillis());
        Path emptyBundle = Path.of(System.getProperty("bench.empty-bundle"));

        Report report = new Report();
        report.line("# jointcall-gateway benchmark").line("")
                .line("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .line("- machine: " + Machine.current().describe())
                .line("- load: the 4-agency joint-call mix (4 proposal parts, 2 shareable reviews, 4 decisions per proposal, every"
                        + " 5th rejected by DFG first), signed ecdsa-p256 by the partners, " + settings.senders() + " partner connections;"
                        + " partners are WireMock servers verifying the gateway's signatures and signing receipts,"
                        + " PostgreSQL 17 embedded (zonky), all on this machine");
        MessageTemplates templates = new MessageTemplates(new AgencyAdapters().registry());

        Report.progress("startup: empty Payara Micro WAR");
        long emptyStartup;
        long emptyPayara;
        long emptyRss;
        try (EmptyPayara empty = EmptyPayara.start(emptyBundle, Files.createDirectories(work.resolve("empty")))) {
            emptyStartup = empty.startup().toMillis();
            emptyPayara = empty.payaraReportedMillis();
            Thread.sleep(2000);
            emptyRss = ProcessMemory.residentMiB(empty.pid());
        }

        Report.progress("startup: gateway (defaults, external PostgreSQL)");
        PartnerArrivals arrivals = new PartnerArrivals();
        List<ThroughputBenchmark.Step> steps = new ArrayList<>();
        long gatewayStartup;
        long gatewayPayara;
        long gatewayRss;
        long gatewayHeapIdle;
        Duration jitSettled = Duration.ZERO;
        try (JointCallGateway setup = JointCallGateway.measured("bench-throughput", Files.createDirectories(work.resolve("throughput")),
                Map.of(), arrivals)) {
            gatewayStartup = setup.gateway().startup().toMillis();
            gatewayPayara = EmptyPayara.payaraReportedMillis(setup.gateway().log());
            Thread.sleep(2000);
            gatewayRss = ProcessMemory.residentMiB(setup.gateway().pid());
            gatewayHeapIdle = ProcessMemory.heapUsedMiB(setup.gateway().pid());

            report.section("Startup and memory at rest: gateway vs. an empty WAR on the same Payara Micro");
            report.line("Same run, same java and `-Xmx512m`; ready = Payara logged the end of its boot and the application answers"
                    + " (the gateway: `/health/ready` UP with its database check; polled every 250 ms). The gateway's PostgreSQL is"
                    + " external here (not in its RSS).").line("");
            report.table(List.of("", "to ready (s)", "Payara's own \"ready in\" (s)", "RSS at rest (MiB)"), List.of(
                    List.of("empty WAR", seconds(emptyStartup), seconds(emptyPayara), Long.toString(emptyRss)),
                    List.of("gateway", seconds(gatewayStartup), seconds(gatewayPayara), gatewayRss + " (heap used " + gatewayHeapIdle + ")"),
                    List.of("difference", seconds(gatewayStartup - emptyStartup), seconds(gatewayPayara - emptyPayara),
                            Long.toString(gatewayRss - emptyRss))));

            OpenLoad load = new OpenLoad(setup.agencies, templates, settings.senders());
            ThroughputBenchmark throughput = new ThroughputBenchmark(setup, arrivals, load);
            Report.progress("warm-up: " + settings.warmupRate() + " msg/s for " + settings.warmup().toSeconds() + " s");
            jitSettled = throughput.warmUp(settings.warmupRate(), settings.warmup());
            Report.progress(String.format(Locale.ROOT, "  JIT compilers quiet %.0f s after the warm-up's backlog", jitSettled.toMillis() / 1000.0));
            for (int rate : settings.rates()) {
                Report.progress("throughput: " + rate + " msg/s for " + settings.step().toSeconds() + " s");
                ThroughputBenchmark.Step result = throughput.run(rate, settings.step());
                steps.add(result);
                Report.progress(String.format(Locale.ROOT, "  %d msg/s: accepted %d/%d, end-to-end p50 %d ms p99 %d ms, drain %.1f s",
                        rate, result.accepted(), result.sent(), result.endToEndMillis().at(50), result.endToEndMillis().at(99),
                        result.drain().toMillis() / 1000.0));
            }
        }
        report.section("Sustained end-to-end throughput (default settings)");
        report.line("Open load: message n is due at n/rate and latencies count from then. End to end = from due until the last"
                + " partner concerned accepted what the message caused (signed record/notice, receipt verified), as the partners"
                + " recorded it. Warm-up " + settings.warmup().toSeconds() + " s at " + (int) settings.warmupRate() + " msg/s, then no load until the"
                + " gateway's JIT compilers fell quiet (" + jitSettled.toSeconds() + " s; a gateway running for days has compiled"
                + " its hot code, one that just started has not); each rate runs "
                + settings.step().toSeconds() + " s, then the backlog drains before the next.").line("");
        List<List<String>> rows = new ArrayList<>();
        for (ThroughputBenchmark.Step s : steps) {
            rows.add(List.of(Integer.toString(s.rate()), s.accepted() + "/" + s.sent(), format(s.endToEndPerSecond()),
                    format(s.deliveriesPerSecond()), s.answerMillis().at(50) + " / " + s.answerMillis().at(99),
                    s.endToEndMillis().at(50) + " / " + s.endToEndMillis().at(99) + " / " + s.endToEndMillis().max(),
                    s.undelivered() + " / " + s.withoutEffect(), format(s.drain().toMillis() / 1000.0), s.peakRssMiB() + " / " + s.heapUsedMiB(),
                    s.cpuPerMessage(), s.keptUp() ? "yes" : "no"));
        }
        report.table(List.of("offered msg/s", "accepted", "end-to-end msg/s", "deliveries/s", "202 p50/p99 ms",
                "end-to-end p50/p99/max ms", "undelivered / changed nothing", "backlog drain s", "peak RSS / heap used MiB",
                "CPU ms per message: gateway (of it JIT) / PostgreSQL / load + partners", "kept up"), rows);
        report.line("").line("Kept up = every message accepted and delivered, p99 < 200 ms, backlog cleared within 1 s of the load's end."
                + " Changed nothing = applied without anything to send: an agency's report that overtook a newer one of the same"
                + " agency among the load's connections is stale (these count as processed, not in the latencies)."
                + " Partner deliveries are consolidated records and outcome notices (about 4 per partner message). CPU per"
                + " message = CPU time of each process (from /proc) from the start of the load to the end of the drain, divided by"
                + " the messages accepted; 2 cores give 2,000 CPU ms per second in all.");
        report.line("Highest offered rate kept up: " + steps.stream().filter(ThroughputBenchmark.Step::keptUp)
                .mapToInt(ThroughputBenchmark.Step::rate).max().stream().mapToObj(rate -> rate + " msg/s").findFirst().orElse("none")
                + " (target: 500 msg/s with p99 < 200 ms, issue #5).");

        if (!Boolean.parseBoolean(System.getProperty("bench.faults", "true"))) {
            report.writeTo(Path.of(System.getProperty("bench.report", "bench/target/report.md")));
            return;
        }
        Report.progress("faults: partner down, gateway killed");
        PartnerArrivals faultArrivals = new PartnerArrivals();
        List<FaultBenchmark.Result> faults = new ArrayList<>();
        try (JointCallGateway setup = JointCallGateway.measured("bench-faults", Files.createDirectories(work.resolve("faults")),
                FaultBenchmark.SETTINGS, faultArrivals)) {
            FaultBenchmark benchmark = new FaultBenchmark(setup, faultArrivals, new OpenLoad(setup.agencies, templates, settings.senders()), faultRate);
            faults.add(benchmark.partnerDown(Duration.ofSeconds(15), Duration.ofSeconds(10)));
            faults.add(benchmark.killedMidLoad(Duration.ofSeconds(35), Duration.ofSeconds(6)));
        }
        report.section("Faults under load (" + (int) faultRate + " msg/s), counted at the partners by message id");
        report.table(List.of("fault", "sent", "accepted (202)", "accepted, not in ledger", "deliveries owed", "lost", "duplicates",
                "settled after load (s)"), faults.stream().map(fault -> List.of(fault.fault(), Integer.toString(fault.count().sent()),
                Integer.toString(fault.count().accepted()), Integer.toString(fault.count().lostInbound()), Integer.toString(fault.count().owed()),
                Integer.toString(fault.count().lostDeliveries()), Long.toString(fault.count().duplicates()),
                format(fault.settledAfter().toMillis() / 1000.0))).toList());
        report.line("").line("Lost = accepted by the gateway but missing from its ledger, or owed to a partner that never accepted it;"
                + " duplicates = a message id a partner accepted more than once. Messages sent while the gateway was down were refused"
                + " at the connection (no 202), as a partner would see and resend them.");
        if (arrivals.unrecognised() + faultArrivals.unrecognised() > 0) {
            report.line("WARNING: " + (arrivals.unrecognised() + faultArrivals.unrecognised())
                    + " accepted deliveries carried no recognisable gateway message id; the counts above miss them.");
        }
        report.writeTo(Path.of(System.getProperty("bench.report", "bench/target/report.md")));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
