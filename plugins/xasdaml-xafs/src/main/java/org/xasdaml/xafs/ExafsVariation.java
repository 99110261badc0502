package org.xasdaml.xafs;

import java.util.SplittableRandom;

/**
 * The physical variations a measured EXAFS spectrum shows against a simulated one, each one
 * operation on χ(k) or μ(E) (used to augment training spectra so that models see what separates
 * a FEFF spectrum from a measurement):
 *
 * <ul>
 *   <li>{@link #amplitude}: the amplitude reduction factor S0², χ → S0²·χ (FEFF is run with S02 1);</li>
 *   <li>{@link #debyeWaller}: extra thermal/static disorder, χ → χ·exp(−2k²Δσ²) (the EXAFS
 *       equation's Debye–Waller factor for a change Δσ² of the mean square relative displacement);</li>
 *   <li>{@link #shiftE0} on χ(k) and {@link #shiftEnergy} on μ(E): another choice of the edge
 *       energy E0, k = √((E − E0)/KTOE) (Larch's {@code etok});</li>
 *   <li>{@link #noise}: Gaussian noise of a given standard deviation.</li>
 * </ul>
 * Energy broadening of μ(E) is {@link EnergyBroadening}. Pure functions: arrays in, new arrays out.
 */
public final class ExafsVariation {
    private ExafsVariation() {
    }

    /** S0²·χ. */
    public static double[] amplitude(double[] chi, double s02) {
        if (!(s02 > 0) || !Double.isFinite(s02)) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "S0²", s02, "must be positive");
        }
        double[] out = new double[chi.length];
        for (int i = 0; i < chi.length; i++) {
            out[i] = s02 * chi[i];
        }
        return out;
    }

    /**
     * χ(k)·exp(−2k²Δσ²).
     *
     * @param dsigma2 change of σ² in Å² (negative sharpens, as a colder sample would)
     */
    public static double[] debyeWaller(double[] k, double[] chi, double dsigma2) {
        ArrayChecks.requireSameLength("k", k, "chi", chi);
        double[] out = new double[chi.length];
        for (int i = 0; i < chi.length; i++) {
            out[i] = chi[i] * Math.exp(-2 * k[i] * k[i] * dsigma2);
        }
        return out;
    }

    /**
     * χ(k) as it would read with E0 moved by dE0: the point at energy E keeps its value but its k
     * becomes √(k² − dE0/KTOE); returned on the same k grid (linear interpolation; points whose
     * energy falls below the old E0 get χ = 0, as autobk's χ starts at 0 at its E0).
     *
     * @param dE0 new E0 minus old E0 (eV)
     */
    public static double[] shiftE0(double[] k, double[] chi, double dE0) {
        ArrayChecks.requireSameLength("k", k, "chi", chi);
        double[] kOld = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            double e = k[i] * k[i] + dE0 * XafsConstants.ETOK;
            kOld[i] = e > 0 ? Math.sqrt(e) : -1;
        }
        double[] out = new double[k.length];
        double[] inside = GridInterpolation.linear(k, chi, clampInto(kOld, k), GridInterpolation.Extrapolation.CLAMP);
        for (int i = 0; i < k.length; i++) {
            out[i] = kOld[i] < k[0] || kOld[i] > k[k.length - 1] ? 0 : inside[i];
        }
        return out;
    }

    private static double[] clampInto(double[] x, double[] grid) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(grid[grid.length - 1], Math.max(grid[0], x[i]));
        }
        return c;
    }

    /** μ(E) with its energies moved by dE (eV): E → E + dE. */
    public static double[] shiftEnergy(double[] energy, double dE) {
        double[] out = new double[energy.length];
        for (int i = 0; i < energy.length; i++) {
            out[i] = energy[i] + dE;
        }
        return out;
    }

    /** y + N(0, sigma²) per point, from the given generator (seeded by the caller). */
    public static double[] noise(double[] y, double sigma, SplittableRandom random) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + sigma * gaussian(random);
        }
        return out;
    }

    /** Standard normal deviate (Marsaglia's polar method; SplittableRandom has none). */
    static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
