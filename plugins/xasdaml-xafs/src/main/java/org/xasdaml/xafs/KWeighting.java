package org.xasdaml.xafs;

/**
 * k-weighting of χ(k): kʷ·χ(k). EXAFS amplitudes fall off roughly as 1/k² at high k, so
 * weighting by k (w = 1…3) evens out the contribution of the whole k range before a transform.
 * As in numpy, 0⁰ = 1, so k = 0 keeps χ when w = 0 and gives 0 otherwise.
 */
public final class KWeighting {

    private KWeighting() {
    }

    /**
     * @param k       wavenumbers (Å⁻¹)
     * @param chi     χ(k), same length
     * @param kweight exponent w
     * @return a new array kʷ·χ
     */
    public static double[] apply(double[] k, double[] chi, double kweight) {
        ArrayChecks.requireSameLength("k", k, "chi", chi);
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = chi[i] * pow(k[i], kweight);
        }
        return out;
    }

    /** Integer exponents by multiplication (exact like numpy's integer power), others by Math.pow. */
    static double pow(double x, double w) {
        if (w == 0) {
            return 1.0;
        }
        if (w == Math.rint(w) && Math.abs(w) <= 8) {
            int n = (int) Math.abs(w);
            double p = 1.0;
            for (int i = 0; i < n; i++) {
                p *= x;
            }
            return w > 0 ? p : 1.0 / p;
        }
        return Math.pow(x, w);
    }
}
