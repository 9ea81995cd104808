package org.jointcall.bench.console;

import java.util.Arrays;

/** Response times of one query, in milliseconds, and their percentiles (nearest rank). */
final class Latencies {

    private final String name;
    private final double[] millis;
    private int count;

    Latencies(String name, int capacity) {
        this.name = name;
        this.millis = new double[capacity];
    }

    void add(long nanos) {
        millis[count++] = nanos / 1_000_000.0;
    }

    double percentile(double p) {
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    String row() {
        return String.format("| %s | %d | %.1f | %.1f | %.1f |", name, count, percentile(50), percentile(95), percentile(99));
    }
}
