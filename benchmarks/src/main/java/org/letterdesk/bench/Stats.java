package org.letterdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Latency samples (nanoseconds) and the percentiles of them; nearest-rank on the sorted samples. */
final class Stats {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Stats other) {
        long[] o = other.snapshot();
        for (long v : o) {
            add(v);
        }
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(values, size);
    }

    synchronized int count() {
        return size;
    }

    static Stats merge(Collection<Stats> all) {
        Stats merged = new Stats();
        all.forEach(merged::addAll);
        return merged;
    }

    /** The p-th percentile in milliseconds (p in 0..100); NaN without samples. */
    double percentileMillis(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        int index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
        return sorted[index] / 1_000_000.0;
    }

    /** The median of a few run results (the middle one; mean of the two middle ones for an even count). */
    static double median(List<Double> runs) {
        List<Double> sorted = new ArrayList<>(runs.stream().filter(d -> !Double.isNaN(d)).toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
