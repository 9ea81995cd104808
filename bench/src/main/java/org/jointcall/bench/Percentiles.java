package org.jointcall.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100); 0 when there are no measurements. */
    public long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
