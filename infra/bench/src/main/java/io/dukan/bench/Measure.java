package io.dukan.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One measured figure: a sample's median and spread in one unit. A rate (requests per second over a window) has
 * one value; it is a cost when inverted, which is how {@link Report} compares it with its floor.
 */
record Measure(String unit, boolean rate, double median, double p99, double min, double max, int n) {

    /** p99 means something from this many samples on; below it the table shows min..max. */
    static final int P99_FROM = 50;

    static Measure millis(List<Double> values) {
        return of("ms", values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Measure megabytes(List<Double> values) {
        return of("MB", values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Latencies in nanoseconds, the first {@code count} of the array, as milliseconds. */
    static Measure nanosAsMillis(long[] nanos, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        return of("ms", millis);
    }

    static Measure rate(String unit, double perSecond, int n) {
        return new Measure(unit, true, perSecond, Double.NaN, perSecond, perSecond, n);
    }

    static Measure single(String unit, double value) {
        return new Measure(unit, false, value, Double.NaN, value, value, 1);
    }

    /** A count (requests a page sent): shown as a whole number. */
    static Measure count(String unit, long value) {
        return new Measure(unit, false, value, Double.NaN, value, value, 1);
    }

    /** The units of counts, shown without decimals. */
    static boolean counted(String unit) {
        return unit.strip().equals("requests");
    }

    static Measure of(String unit, double[] values) {
        if (values.length == 0) {
            return new Measure(unit, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * n) - 1)]; // nearest rank
        return new Measure(unit, false, median, p99, sorted[0], sorted[n - 1], n);
    }

    boolean isEmpty() {
        return n == 0 || Double.isNaN(median);
    }

    String medianText() {
        if (isEmpty()) {
            return "-";
        }
        return (counted(unit) ? String.format("%,d", Math.round(median)) : format(median)) + " " + unit;
    }

    /** p99 when the sample is large enough, else min..max; nothing for a rate or a single value. */
    String spreadText() {
        if (isEmpty() || rate || n == 1) {
            return "-";
        }
        return n >= P99_FROM ? "p99 " + format(p99) : format(min) + ".." + format(max);
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format("%,.0f", value);
        }
        return magnitude >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
