package org.jointcall.bench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jointcall.bench.BenchMain;
import org.jointcall.bench.Machine;
import org.jointcall.bench.Percentiles;
import org.jointcall.bench.ProcessCpu;
import org.jointcall.bench.Report;
import org.jointcall.bench.load.JointCallTraffic;
import org.jointcall.bench.load.LoadSettings;
import org.jointcall.bench.load.MessageTemplates;
import org.jointcall.bench.load.OpenLoad;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.it.JointCallGateway;
import org.jointcall.gateway.it.PartnerSimulators;
import org.jointcall.gateway.it.TestAgencies;

/**
 * What this machine carries when the gateway does nothing but the signed API profile's HTTP and ECDSA
 * ({@link ProtocolRelay}): the same four WireMock partners, the same load of signed partner messages at fixed
 * rates, each message relayed signed to the three other partners (the gateway sends about four per message), each
 * receipt verified. Whatever the gateway does beyond that — the ledger, PostgreSQL, the XML, the joint decision —
 * comes on top, so the highest rate kept up here bounds what any gateway following the profile can reach on this
 * machine. Settings (system properties): {@code floor.rates} (default {@code 50,100,150,200,300,500}),
 * {@code floor.step-seconds} (60), {@code floor.warmup-rate} (100), {@code floor.warmup-seconds} (60),
 * {@code floor.senders} (64, as {@code bench/run}; see {@link LoadSettings}), {@code floor.relay-options} (more JVM
 * options for the relay, space-separated, e.g. {@code -XX:+PrintCompilation}: its output goes to {@code relay.out}).
 */
public final class FloorBenchmark {

    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(150);
    private static final Duration JIT_PATIENCE = Duration.ofSeconds(180);
    /** The partner message ids of {@link JointCallTraffic} with prefixes {@code F<rate>} and {@code FWARM}. */
    private static final String MESSAGE_IDS = "\\b(?:dfg|nsf|nwo|ukri)-f(?:warm|\\d+)-\\d+\\b";

    private FloorBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.run(FloorBenchmark::run);
    }

    private static void run() throws Exception {
        LoadSettings settings = LoadSettings.read("floor", "50,100,150,200,300,500", 100);
        Path work = Files.createDirectories(Path.of(System.getProperty("gateway.it-logs")).resolve("floor-" + System.currentTimeMillis()));

        Report report = new Report();
        report.line("# The protocol's floor on this machine").line("")
                .line("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .line("- machine: " + Machine.current().describe())
                .line("- relay: signature, digest and nonce checked, signed 202 receipt, a signed push to each of the three other"
                        + " partners with its receipt verified; no database, no XML, no joint decision (ProtocolRelay, its own JVM,"
                        + " -Xmx512m)")
                .line("- load and partners: as bench/run (the 4-agency joint-call mix signed ecdsa-p256, " + settings.senders()
                        + " partner connections; four WireMock partners verifying every push and signing receipts), all on this machine");

        FloorArrivals arrivals = new FloorArrivals();
        TestAgencies agencies = TestAgencies.writeTo(work);
        try (PartnerSimulators partners = PartnerSimulators.recording(agencies, JointCallGateway.AGENCIES, arrivals);
                RelayProcess relay = RelayProcess.start(work, agencies, partners)) {
            OpenLoad load = new OpenLoad(agencies, new MessageTemplates(new AgencyAdapters().registry()), settings.senders());
            Report.progress("warm-up: " + settings.warmupRate() + " msg/s for " + settings.warmup().toSeconds() + " s");
            List<OpenLoad.Sent> warm = load.run(new JointCallTraffic("FWARM"), settings.warmupRate(), settings.warmup(), n -> relay.origin());
            arrivals.awaitAll(accepted(warm), DRAIN_PATIENCE);
            Duration jit = ProcessCpu.awaitQuietCompilers(relay.pid(), JIT_PATIENCE);
            Report.progress(String.format(Locale.ROOT, "  JIT compilers quiet %.0f s after the warm-up", jit.toMillis() / 1000.0));

            List<Row> rows = new ArrayList<>();
            for (int rate : settings.rates()) {
                Report.progress("floor: " + rate + " msg/s for " + settings.step().toSeconds() + " s");
                rows.add(measure(load, relay, arrivals, rate, settings.step()));
                Report.progress("  " + rate + " msg/s: " + rows.get(rows.size() - 1).cells() + "; relay " + relay.stats());
            }
            report.section("Relayed end to end (" + settings.step().toSeconds() + " s per rate, after " + settings.warmup().toSeconds() + " s at "
                    + (int) settings.warmupRate() + " msg/s and a quiet JIT)");
            report.table(List.of("offered msg/s", "accepted", "end-to-end msg/s", "202 p50/p99 ms", "end-to-end p50/p99/max ms",
                    "backlog drain s", "CPU ms per message: relay (of it JIT) / PostgreSQL (none here) / load + partners", "kept up"), rows.stream().map(Row::cells).toList());
            report.line("").line("End to end = from when a message was due until the last of its three pushes was accepted by its partner."
                    + " Kept up = every message accepted and relayed, p99 < 200 ms, backlog cleared within 1 s of the load's end."
                    + " CPU per message from /proc, from the start of the load to the end of the drain; 2 cores give 2,000 CPU ms per second.");
            report.line("Relay counters at the end: " + relay.stats() + ".");
            report.line("Highest offered rate kept up: " + rows.stream().filter(Row::keptUp).mapToInt(Row::rate).max().stream()
                    .mapToObj(rate -> rate + " msg/s").findFirst().orElse("none")
                    + " (issue #5's target for the whole gateway: 500 msg/s with p99 < 200 ms).");
        }
        report.writeTo(Path.of(System.getProperty("floor.report", "bench/target/floor.md")));
    }

    private static List<OpenLoad.Sent> accepted(List<OpenLoad.Sent> sent) {
        return sent.stream().filter(OpenLoad.Sent::accepted).collect(Collectors.toList());
    }

    /** One rate: the load, then the drain until every message has its pushes, then the figures. */
    private static Row measure(OpenLoad load, RelayProcess relay, FloorArrivals arrivals, int rate, Duration step) throws InterruptedException {
        ProcessCpu.Sample before = ProcessCpu.sample(relay.pid(), 0);
        long started = System.currentTimeMillis();
        List<OpenLoad.Sent> sent = load.run(new JointCallTraffic("F" + rate), rate, step, n -> relay.origin());
        List<OpenLoad.Sent> accepted = accepted(sent);
        long drainStarted = System.currentTimeMillis();
        boolean drained = arrivals.awaitAll(accepted, DRAIN_PATIENCE);
        long drain = System.currentTimeMillis() - drainStarted;
        ProcessCpu.Sample cpu = ProcessCpu.sample(relay.pid(), 0).minus(before);

        List<Long> latencies = new ArrayList<>();
        long lastArrival = started;
        for (OpenLoad.Sent message : accepted) {
            FloorArrivals.Completion done = arrivals.completion(message.planned().messageId());
            if (done != null && done.count() >= FloorArrivals.PUSHES_PER_MESSAGE) {
                latencies.add(done.lastAt() - message.dueAtMillis());
                lastArrival = Math.max(lastArrival, done.lastAt());
            }
        }
        Percentiles endToEnd = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
        Percentiles answers = new Percentiles(accepted.stream().mapToLong(message -> message.answerNanos() / 1_000_000).toArray());
        double seconds = Math.max(lastArrival - started, step.toMillis()) / 1000.0;
        boolean keptUp = accepted.size() == sent.size() && drained && endToEnd.at(99) < 200 && drain < 1000;
        return new Row(rate, keptUp, List.of(Integer.toString(rate), accepted.size() + "/" + sent.size(), format(latencies.size() / seconds),
                answers.at(50) + " / " + answers.at(99), endToEnd.at(50) + " / " + endToEnd.at(99) + " / " + endToEnd.max(),
                format(drain / 1000.0), cpu.perMessage(accepted.size()),
                keptUp ? "yes" : "no"));
    }

    /** One rate's line of the report. */
    private record Row(int rate, boolean keptUp, List<String> cells) {
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The relay in a JVM of its own, as the gateway runs. */
    private static final class RelayProcess implements AutoCloseable {
        private final Process process;
        private final URI origin;

        private RelayProcess(Process process, URI origin) {
            this.process = process;
            this.origin = origin;
        }

        static RelayProcess start(Path work, TestAgencies agencies, PartnerSimulators partners) throws IOException {
            String endpoints = JointCallGateway.AGENCIES.stream().map(code -> code + "=" + partners.partner(code).endpoint())
                    .collect(Collectors.joining(","));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    // Without it the JDK's server waits for Nagle's algorithm before each answer's body.
                    "-Dsun.net.httpserver.nodelay=true"));
            command.addAll(Arrays.stream(System.getProperty("floor.relay-options", "").split(" ")).filter(option -> !option.isBlank()).toList());
            command.addAll(List.of("-Drelay.config=" + agencies.configDirectory(), "-Drelay.keystore=" + agencies.gatewayKeystore(),
                    "-Drelay.keystore-password=" + agencies.gatewayKeystorePassword(), "-Drelay.key-id=" + TestAgencies.GATEWAY_KEY_ID,
                    "-Drelay.partners=" + endpoints, "-Drelay.message-ids=" + MESSAGE_IDS,
                    "-cp", System.getProperty("java.class.path"), ProtocolRelay.class.getName()));
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectError(work.resolve("relay.err").toFile()).start();
            String line = listeningLine(process.getInputStream());
            if (line == null || !line.startsWith("listening ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the relay did not start (see " + work.resolve("relay.err") + "): " + line);
            }
            Path rest = work.resolve("relay.out");
            Thread copy = new Thread(() -> {
                try {
                    Files.copy(process.getInputStream(), rest);
                } catch (IOException e) {
                    // the relay ended
                }
            }, "relay-out");
            copy.setDaemon(true);
            copy.start();
            return new RelayProcess(process, URI.create("http://localhost:" + line.substring("listening ".length()).trim()));
        }

        /**
         * The relay's {@code listening} line, skipping what JVM diagnostics printed before it; read byte by byte, so
         * that nothing after it is buffered here and lost to {@code relay.out}.
         */
        private static String listeningLine(InputStream out) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = out.read(); b >= 0; b = out.read()) {
                if (b != '\n') {
                    line.append((char) b);
                } else if (line.indexOf("listening ") >= 0) { // JVM diagnostics may share the line
                    return line.substring(line.indexOf("listening "));
                } else {
                    line.setLength(0);
                }
            }
            return null;
        }

        URI origin() {
            return origin;
        }

        long pid() {
            return process.pid();
        }

        String stats() {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(origin.resolve("/stats")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown (interrupted)";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
