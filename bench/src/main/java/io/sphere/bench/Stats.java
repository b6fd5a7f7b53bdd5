package io.sphere.bench;

import java.util.Arrays;
import java.util.List;

/** The few statistics the benchmark prints: medians of repetitions, percentiles of latencies, and spreads. */
final class Stats {

    private Stats() {
    }

    /** Median of the values; the mean of the two middle ones for an even count. */
    static double median(List<Double> values) {
        double[] v = sorted(values);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Nearest-rank percentile ({@code p} in (0, 100]): the smallest value such that at least p percent of the values
     * are at or below it. Works on a sorted copy.
     */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(rank, 1) - 1];
    }

    /** (max − min) ÷ median, as a fraction: 0.1 means the repetitions lie within 10% of their median. */
    static double spread(List<Double> values) {
        double[] v = sorted(values);
        double m = median(values);
        return m == 0 ? 0 : (v[v.length - 1] - v[0]) / Math.abs(m);
    }

    static double min(List<Double> values) {
        return sorted(values)[0];
    }

    static double max(List<Double> values) {
        double[] v = sorted(values);
        return v[v.length - 1];
    }

    private static double[] sorted(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }
}
