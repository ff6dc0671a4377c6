package io.reelsmith.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics over a list of samples; benchmarks report medians and high percentiles. */
public final class Stats {
    private Stats() {}

    public static double median(List<Double> samples) {
        return percentile(samples, 50);
    }

    /** Nearest-rank percentile (p in 0..100): the smallest sample with at least p % of samples at or below it. */
    public static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no samples");
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        if (p == 50 && sorted.size() % 2 == 0) {
            int mid = sorted.size() / 2;
            return (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
