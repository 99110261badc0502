package org.xasdaml.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often prediction intervals contain the true value, and how wide they are: the check that a
 * 90 % interval calibrated on the validation set covers about 90 % of samples it has not seen.
 *
 * @param n         samples scored
 * @param coverage  fraction of samples with lo ≤ truth ≤ hi
 * @param meanWidth mean of hi − lo
 * @param nominal   the level the intervals were calibrated for (e.g. "0.9"), or null when unknown
 */
public record IntervalCoverage(int n, double coverage, double meanWidth, String nominal) {

    public static IntervalCoverage of(double[] truth, double[] lo, double[] hi, String nominal) {
        if (truth.length != lo.length || truth.length != hi.length) {
            throw new IllegalArgumentException("truth and interval bounds differ in length");
        }
        int in = 0;
        double w = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= lo[i] && truth[i] <= hi[i]) {
                in++;
            }
            w += hi[i] - lo[i];
        }
        int n = truth.length;
        return new IntervalCoverage(n, n == 0 ? Double.NaN : (double) in / n, n == 0 ? Double.NaN : w / n, nominal);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interval_coverage", coverage);
        m.put("interval_mean_width", meanWidth);
        if (nominal != null) {
            m.put("interval_level", nominal);
        }
        return m;
    }
}
