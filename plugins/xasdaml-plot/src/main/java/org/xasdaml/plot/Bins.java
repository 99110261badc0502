package org.xasdaml.plot;

import java.util.Arrays;

/**
 * Histogram bins and counts, with NumPy's {@code histogram} rules: equal bins from the minimum to
 * the maximum, each bin half-open [a, b) except the last, which includes its right edge; NaN and
 * infinite values are left out.
 *
 * @param edges  bin edges, one more than counts
 * @param counts values per bin
 */
public record Bins(double[] edges, long[] counts) {
    public Bins {
        edges = edges.clone();
        counts = counts.clone();
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** {@code bins} equal bins over [min, max] of the finite values (a single value gets [v - 0.5, v + 0.5]). */
    public static Bins of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram needs at least 1 bin, got " + bins);
        }
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        double lo = Arrays.stream(v).min().orElse(0);
        double hi = Arrays.stream(v).max().orElse(1);
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = lo + (hi - lo) * i / bins;
        }
        e[bins] = hi;
        return count(v, e);
    }

    /** Bins of width {@code width} whose edges are multiples of it, covering all finite values. */
    public static Bins ofWidth(double[] values, double width) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("histogram bin width must be positive, got " + width);
        }
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        double lo = Arrays.stream(v).min().orElse(0);
        double hi = Arrays.stream(v).max().orElse(width);
        long first = (long) Math.floor(lo / width);
        long last = (long) Math.floor(hi / width) + 1;
        int n = (int) Math.max(1, last - first);
        if (n > 100_000) {
            throw new IllegalArgumentException("bin width " + width + " gives " + n + " bins over [" + lo + ", " + hi + "]");
        }
        double[] e = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            e[i] = (first + i) * width;
        }
        return count(v, e);
    }

    private static Bins count(double[] v, double[] e) {
        int n = e.length - 1;
        long[] c = new long[n];
        for (double x : v) {
            if (x < e[0] || x > e[n]) {
                continue;
            }
            int i = Arrays.binarySearch(e, x);
            int bin = i >= 0 ? Math.min(i, n - 1) : -i - 2;
            c[Math.max(0, Math.min(n - 1, bin))]++;
        }
        return new Bins(e, c);
    }

    public double width() {
        return edges[1] - edges[0];
    }

    public double[] centers() {
        double[] c = new double[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (edges[i] + edges[i + 1]) / 2;
        }
        return c;
    }

    double[] countsAsDouble() {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }
}
