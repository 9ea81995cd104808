package org.jointcall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Runs the benchmarks in one go and prints the report, also written to {@code bench/target/report.md}. */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder report = new StringBuilder("# jointcall-gateway benchmark\n\n")
                .append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append("- machine: ").append(Machine.current().describe()).append('\n');
        System.out.print(report);
        Path file = Path.of(System.getProperty("bench.report", "bench/target/report.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
    }
}
