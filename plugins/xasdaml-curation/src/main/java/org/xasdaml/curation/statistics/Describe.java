package org.xasdaml.curation.statistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xasdaml.plot.Chart;

/**
 * Summary statistics of one column, as pandas' {@code Series.describe()} plus variance (paper
 * M5): count of finite values, mean, standard deviation and variance with n - 1, minimum,
 * quartiles and median by linear interpolation between order statistics (NumPy's default
 * {@code percentile}, the one {@link Chart#percentile} that the box plots use too, so table and
 * figure agree), maximum. NaN when there are no values (std and var need two).
 */
public record Describe(long count, double mean, double std, double var, double min, double q25, double median,
                       double q75, double max) {

    /** Column names of a statistics table, in order. */
    public static final String[] FIELDS = {"count", "mean", "std", "var", "min", "25%", "50%", "75%", "max"};

    public static Describe of(double[] values) {
        double[] s = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = s.length;
        if (n == 0) {
            return new Describe(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        double var = n > 1 ? ss / (n - 1) : Double.NaN;
        return new Describe(n, mean, Math.sqrt(var), var, s[0], Chart.percentile(s, 25), Chart.percentile(s, 50),
                Chart.percentile(s, 75), s[n - 1]);
    }

    /** In the order of {@link #FIELDS}. */
    public double[] values() {
        return new double[] {count, mean, std, var, min, q25, median, q75, max};
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] v = values();
        for (int i = 0; i < FIELDS.length; i++) {
            m.put(FIELDS[i], v[i]);
        }
        return m;
    }
}
