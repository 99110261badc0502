package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How far FEFF's own χ(k) (chi.dat, what the recipe trains on) is from what the measured chain
 * (pre_edge → autobk) makes of FEFF's μ(E) — the number behind keeping chi.dat for simulated
 * spectra (docs/architecture.md, "The feature recipe"; issue 17). Fixture
 * {@code fixtures/feff_symmetry_cu.txt} by {@code make_feff_symmetry_fixture.py} with Larch 0.9.58,
 * on Feff8L's fcc Cu (DEBYE 300 K): FEFF's μ(E) has no pre-edge, so a flat zero pre-edge is put
 * below its threshold, E0 is FEFF's threshold, the edge step pre_edge's, autobk the recipe's
 * (rbkg 1, kweight 2, dk 0.1, Hanning).
 *
 * <p>Asserted: (1) the Java chain equals Larch's (k²χ relative L2 ≤ 10⁻³ over 2–12 Å⁻¹: the same
 * measure as {@link AutobkBackgroundTest}, looser because pre_edge's fit enters too); (2) the
 * distance to chi.dat is Larch's in every band (± 0.005) and has the shape the recipe decision
 * rests on: ≥ 0.2 at 2–3 Å⁻¹, 0.1–0.2 at 3–5, ≤ 0.1 above 4 Å⁻¹ (Larch: 0.251, 0.160, 0.107,
 * 0.075). Above 4 Å⁻¹ the two chains agree to the normalisation (chi.dat divides by μ₀(E), a
 * measurement by one edge step; FEFF's μ₀ falls 7 % from the edge to k 10 Å⁻¹); below, autobk's
 * spline takes part of FEFF's χ. Neither moves the measured Cu foil's low-k residual (a scikit-learn
 * replica of the main job on both chains: foil domain score 1.009 → 1.067 for k²χ + |χ(R)|,
 * 1.360 → 1.259 for k²χ; README, "What the main job gives").
 */
class FeffRecipeSymmetryTest {

    @Test
    void autobkOnFeffMuAgainstFeffChi() {
        LarchFixture f = LarchFixture.load("fixtures/feff_symmetry_cu.txt");
        double[][] x = LarchFixture.data("feff8l_cu_xmu.dat", 0, 2, 3);
        double[] omega = x[0];
        double[] k = x[1];
        double thr = Double.NaN;
        for (int i = 0; i < k.length; i++) {
            if (Math.abs(k[i]) < 1e-9) {
                thr = omega[i];
            }
        }
        assertEquals(f.num("threshold"), thr, 1e-9);
        int npad = 0;
        while (thr - 200 + 2.0 * npad < thr - 0.5) {
            npad++;
        }
        double[] e = new double[npad + omega.length];
        double[] mu = new double[e.length];
        for (int i = 0; i < npad; i++) {
            e[i] = thr - 200 + 2.0 * i;
        }
        System.arraycopy(omega, 0, e, npad, omega.length);
        System.arraycopy(x[2], 0, mu, npad, omega.length);
        MuSpectrum spec = new MuSpectrum(e, mu);
        EdgeNormalization.Options pe = new EdgeNormalization.Options(thr, null, null, 0, null, null, null, null, true);
        double step = EdgeNormalization.preEdge(spec, pe).edgeStep();
        assertEquals(f.num("edge_step"), step, 1e-6 * step, "pre_edge's edge step of the padded FEFF μ");
        AutobkBackground.Options d = AutobkBackground.Options.defaults();
        AutobkBackground.Result r = AutobkBackground.autobk(spec, new AutobkBackground.Options(1.0, null, thr, step, 0, null, 2,
                0.1, FourierWindow.Shape.HANNING, d.nfft(), d.kstep(), d.nclamp(), d.clampLo(), d.clampHi(), pe));
        double[] kk = f.col("k");
        double[] larch = f.col("chi_autobk");
        double[] feff = f.col("chi_feff");
        double[] ours = r.chi().chi();
        assertEquals(kk.length, ours.length, "k points");
        double toLarch = relL2(kk, ours, larch, 2, 12);
        assertTrue(toLarch <= 1e-3, "Java chain vs Larch's, k²χ rel. L2 2-12 " + toLarch);
        double[][] bands = {{2, 3}, {3, 4}, {4, 5}, {4, 11}, {5, 11}};
        double[] got = new double[bands.length];
        for (int b = 0; b < bands.length; b++) {
            got[b] = relL2(kk, ours, feff, bands[b][0], bands[b][1]);
            String key = String.format(Locale.ROOT, "rel_l2_%d_%d", (int) bands[b][0], (int) bands[b][1]);
            assertEquals(f.num(key), got[b], 0.005, key);
        }
        System.out.printf("autobk(FEFF μ) vs chi.dat, k²χ rel. L2 by band 2-3/3-4/4-5/4-11/5-11: %s (to Larch %.1e)%n",
                Arrays.toString(got), toLarch);
        assertTrue(got[0] >= 0.2, "2-3: autobk's spline takes part of FEFF's χ near the edge");
        assertTrue(got[1] >= 0.1 && got[1] <= 0.2 && got[2] >= 0.1 && got[2] <= 0.2, "3-5");
        assertTrue(got[3] <= 0.1 && got[4] <= 0.1, "above 4: the normalisation only");
    }

    /** ‖k²(a − b)‖ / ‖k²b‖ over lo..hi. */
    static double relL2(double[] k, double[] a, double[] b, double lo, double hi) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] >= lo - 1e-9 && k[i] <= hi + 1e-9) {
                double d = k[i] * k[i] * (a[i] - b[i]);
                num += d * d;
                den += k[i] * k[i] * b[i] * k[i] * k[i] * b[i];
            }
        }
        return Math.sqrt(num / den);
    }
}
