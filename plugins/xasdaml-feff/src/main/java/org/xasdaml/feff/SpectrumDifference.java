package org.xasdaml.feff;

/**
 * How far one simulated spectrum is from another: the relative L2 difference of k²χ(k) over a k range,
 * ‖k²(χ − χ_ref)‖ / ‖k²χ_ref‖ on the points of FEFF's common k grid with kmin ≤ k ≤ kmax. This is the
 * figure by which the fast FEFF modes are judged against full per-sample runs.
 */
public final class SpectrumDifference {
    private SpectrumDifference() {
    }

    /**
     * @param x    the spectrum to judge
     * @param ref  the reference spectrum, on the same k grid
     * @param kmin lower end of the range (Å⁻¹)
     * @param kmax upper end (Å⁻¹)
     * @return the relative L2 difference of k²χ
     */
    public static double relativeL2K2Chi(FeffOutput x, FeffOutput ref, double kmin, double kmax) {
        double[] k = ref.chiK();
        double[] c = ref.chi();
        double[] kx = x.chiK();
        double[] cx = x.chi();
        if (kx.length != k.length) {
            throw new IllegalArgumentException("the two χ(k) have " + kx.length + " and " + k.length + " points");
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < k.length; i++) {
            if (Math.abs(kx[i] - k[i]) > 1e-6) {
                throw new IllegalArgumentException("the two χ(k) are on different k grids at point " + i);
            }
            if (k[i] >= kmin - 1e-9 && k[i] <= kmax + 1e-9) {
                double w = k[i] * k[i];
                double d = w * (cx[i] - c[i]);
                num += d * d;
                den += w * c[i] * w * c[i];
            }
        }
        return Math.sqrt(num / den);
    }
}
