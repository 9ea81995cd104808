package org.jointcall.bench.console;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.bench.BenchMain;
import org.jointcall.bench.Machine;
import org.jointcall.gateway.it.ConsoleClient;
import org.jointcall.gateway.it.JointCallGateway;

/**
 * The console API's latency on a production-sized database (issue 6: p95 under 150 ms): starts the real
 * gateway bundle on a fresh database, seeds it ({@link ConsoleSeed}: 1,000,000 ledger rows, 200,000
 * outbox rows, 10,000 proposals), signs in over HTTP like the console page does, and times the matrix
 * and exchange-log queries — first page, a filtered page, a deep keyset page — each
 * {@value #ROUNDS} times after {@value #WARM_UP} warm-up calls, one request at a time. Prints p50, p95
 * and p99 in milliseconds, also to {@code bench/target/console-queries.md}. A benchmark, not a test.
 */
public final class ConsoleQueryBenchmark {

    private static final int WARM_UP = 30;
    private static final int ROUNDS = 200;
    /** How deep the deep pages are: this many pages are walked with the cursor first. */
    private static final int DEEP_PAGES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleQueryBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.run(ConsoleQueryBenchmark::run);
    }

    private static void run() throws Exception {
        Path root = Files.createTempDirectory("console-bench");
        // Reconciliation would ask the simulated partners about 40,000 seeded tracks during the measurement.
        try (JointCallGateway setup = JointCallGateway.measured("console-bench", root, Map.of(
                "gateway.console.admin-password", JointCallGateway.ADMIN_PASSWORD,
                "gateway.reconciliation.initial-delay", "86400000"), null)) {
            long seedStart = System.nanoTime();
            try (Connection connection = setup.database.connect()) {
                ConsoleSeed.seed(connection);
            }
            long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
            ConsoleClient console = ConsoleClient.signIn(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);

            String matrix = "/calls/" + ConsoleSeed.CALL + "/matrix?limit=50";
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("matrix, first page (50 rows)", matrix);
            queries.put("matrix, filtered (REJECTED, NSF DECLINED, by update time desc)",
                    matrix + "&jointState=REJECTED&agency=NSF&trackState=DECLINED&sort=updated&dir=desc");
            queries.put("matrix, search q=BENCH-0421", matrix + "&q=BENCH-0421");
            // Titles: one proposal's, and a word in every title (all 10,000 proposals match).
            queries.put("matrix, search title q=project 4217", matrix + "&q=project+4217");
            queries.put("matrix, search title q=research (every proposal)", matrix + "&q=research");
            queries.put("matrix, deep keyset page (after " + DEEP_PAGES + " pages)", deep(console, matrix, DEEP_PAGES));
            String log = "/exchange-log?limit=100";
            queries.put("exchange log, first page (100 rows)", log);
            queries.put("exchange log, filtered (NSF FUNDING_DECISION IN)", log + "&agency=NSF&kind=FUNDING_DECISION&direction=IN");
            queries.put("exchange log, filtered (last 7 days, OUT, DELIVERED)", log + "&direction=OUT&status=DELIVERED&from="
                    + URLEncoder.encode(Instant.now().minus(7, ChronoUnit.DAYS).toString(), StandardCharsets.UTF_8));
            queries.put("exchange log, search q=BENCH-04210", log + "&q=BENCH-04210");
            queries.put("exchange log, deep keyset page (after " + DEEP_PAGES + " pages)", deep(console, log, DEEP_PAGES));

            List<Latencies> results = new ArrayList<>();
            for (Map.Entry<String, String> query : queries.entrySet()) {
                results.add(time(console, query.getKey(), query.getValue()));
            }
            StringBuilder report = new StringBuilder("# Console query latency\n\n")
                    .append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                    .append("- machine: ").append(Machine.current().describe()).append('\n')
                    .append("- data: ").append(ConsoleSeed.LEDGER_ROWS).append(" ledger rows, ").append(ConsoleSeed.OUTBOX_ROWS)
                    .append(" outbox rows, ").append(ConsoleSeed.PROPOSALS).append(" proposals (seeded in ").append(seedMillis)
                    .append(" ms)\n")
                    .append("- method: HTTP with a signed-in session, one request at a time, ").append(WARM_UP)
                    .append(" warm-up calls then ").append(ROUNDS).append(" timed calls per query; target p95 < 150 ms\n\n")
                    .append("| query | calls | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |\n");
            results.forEach(result -> report.append(result.row()).append('\n'));
            System.out.print(report);
            Path file = Path.of(System.getProperty("bench.console-report", "bench/target/console-queries.md"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
        }
    }

    /** The query of the page {@code pages} pages into the list, reached by following {@code next}. */
    private static String deep(ConsoleClient console, String first, int pages) throws Exception {
        String path = first;
        for (int i = 0; i < pages; i++) {
            JsonNode next = body(console, path).path("next");
            if (!next.isTextual()) {
                throw new IllegalStateException(first + " has fewer than " + pages + " pages");
            }
            path = first + "&after=" + next.asText();
        }
        return path;
    }

    private static Latencies time(ConsoleClient console, String name, String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            body(console, path);
        }
        Latencies latencies = new Latencies(name, ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            body(console, path);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static JsonNode body(ConsoleClient console, String path) throws Exception {
        HttpResponse<String> answer = console.get(path);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode rows = JSON.readTree(answer.body());
        if (!rows.path("rows").isArray()) {
            throw new IllegalStateException("GET " + path + " has no rows: " + answer.body());
        }
        return rows;
    }

}
