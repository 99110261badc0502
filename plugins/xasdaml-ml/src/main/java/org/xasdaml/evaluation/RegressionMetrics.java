package org.xasdaml.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression scores of predictions against true values (paper module M12), with scikit-learn's
 * definitions (function names in brackets), so numbers compare one to one with the reference:
 * <ul>
 * <li>MSE = mean (y − ŷ)² ({@code mean_squared_error}); RMSE = √MSE; MAE = mean |y − ŷ|
 *     ({@code mean_absolute_error});</li>
 * <li>MAPE = mean |y − ŷ| / max(|y|, ε), ε the double machine epsilon, as a fraction
 *     ({@code mean_absolute_percentage_error});</li>
 * <li>explained variance = 1 − Var(y − ŷ) / Var(y) ({@code explained_variance_score});</li>
 * <li>max error = max |y − ŷ| ({@code max_error});</li>
 * <li>R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² ({@code r2_score}).</li>
 * </ul>
 * When the truth is constant, R² and explained variance are 1 for a perfect prediction and 0
 * otherwise (scikit-learn's {@code force_finite}).
 *
 * @param n                 number of samples
 * @param mse               mean squared error
 * @param rmse              root mean squared error
 * @param mae               mean absolute error
 * @param mape              mean absolute percentage error (fraction)
 * @param explainedVariance explained variance score
 * @param maxError          largest absolute error
 * @param r2                coefficient of determination
 */
public record RegressionMetrics(int n, double mse, double rmse, double mae, double mape, double explainedVariance,
                                double maxError, double r2) {

    private static final double EPS = Math.ulp(1.0);

    /** Scores predictions against the truth. */
    public static RegressionMetrics of(double[] truth, double[] prediction) {
        int n = truth.length;
        if (n == 0 || prediction.length != n) {
            throw new IllegalArgumentException("need equally many (>0) true and predicted values, got "
                    + n + " and " + prediction.length);
        }
        double meanT = 0;
        double meanD = 0;
        for (int i = 0; i < n; i++) {
            meanT += truth[i];
            meanD += truth[i] - prediction[i];
        }
        meanT /= n;
        meanD /= n;
        double se = 0;
        double ae = 0;
        double ape = 0;
        double max = 0;
        double ssTot = 0;
        double varD = 0;
        for (int i = 0; i < n; i++) {
            double d = truth[i] - prediction[i];
            se += d * d;
            ae += Math.abs(d);
            ape += Math.abs(d) / Math.max(Math.abs(truth[i]), EPS);
            max = Math.max(max, Math.abs(d));
            ssTot += (truth[i] - meanT) * (truth[i] - meanT);
            varD += (d - meanD) * (d - meanD);
        }
        double mse = se / n;
        double r2 = ssTot == 0 ? (se == 0 ? 1 : 0) : 1 - se / ssTot;
        double ev = ssTot == 0 ? (varD == 0 ? 1 : 0) : 1 - (varD / n) / (ssTot / n);
        return new RegressionMetrics(n, mse, Math.sqrt(mse), ae / n, ape / n, ev, max, r2);
    }

    /** Name → value, in the order of the reference's report. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("MAE", mae);
        m.put("MSE", mse);
        m.put("RMSE", rmse);
        m.put("MAPE", mape);
        m.put("explained_variance", explainedVariance);
        m.put("max_error", maxError);
        m.put("R2", r2);
        return m;
    }
}
