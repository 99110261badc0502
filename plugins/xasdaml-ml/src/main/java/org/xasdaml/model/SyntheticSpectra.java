package org.xasdaml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * A seeded source of EXAFS-like spectra with known coordination number and bond length, for tests,
 * examples and benchmarks before (or besides) real FEFF data.
 *
 * <p>Each sample is a two-shell EXAFS equation in the plane-wave, single-scattering form
 * <pre>
 *   χ(k) = Σ_j S0² N_j / (k R_j²) · exp(−2 σ_j² k²) · exp(−2 R_j / λ) · sin(2 k R_j + φ_j(k))
 * </pre>
 * with a first shell of N_1 = CN atoms at R_1 = CR (the labels) and a second shell of 6 atoms at
 * √2·R_1 (fcc-like), σ² drawn per sample, a linear phase φ(k) = φ_0 − 0.8·k·0.1 and mean free path
 * λ = 8 Å; Gaussian noise is added. The returned spectrum is k²·χ(k). CN is an integer 3..12 with a
 * skew towards low values like the reference's JmolNN labels (many 3 and 4), CR ≈ 2.40..2.95 Å and
 * mildly correlated with CN. The frequency of χ(k) thus encodes CR and its amplitude CN, the two
 * things the models must learn.
 *
 * @param samples number of samples
 * @param kmin    first k point (Å⁻¹)
 * @param kmax    last k point (Å⁻¹)
 * @param kstep   k spacing (Å⁻¹)
 * @param noise   standard deviation of the added noise on k²χ
 * @param seed    random seed: the same seed gives the same data
 */
public record SyntheticSpectra(int samples, double kmin, double kmax, double kstep, double noise, long seed) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Label names, as the descriptor step writes them. */
    public static final String CN = "CN_JmolNN";
    public static final String CR = "CR_JmolNN";

    public SyntheticSpectra {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (!(kmin > 0 && kmax > kmin && kstep > 0)) {
            throw new IllegalArgumentException("need 0 < kmin < kmax and kstep > 0, got " + kmin + ", " + kmax + ", " + kstep);
        }
    }

    /** n samples on k = 2..12 Å⁻¹ in 0.05 Å⁻¹ steps, small noise. */
    public static SyntheticSpectra of(int samples, long seed) {
        return new SyntheticSpectra(samples, 2.0, 12.0, 0.05, 0.02, seed);
    }

    /** The spectra, their labels and a 7:2:1 split, all keyed by the same sample ids. */
    public record Dataset(SampleTable spectra, SampleTable labels, SampleTable split) {
    }

    /** The k grid. */
    public Axis axis() {
        int n = (int) Math.round((kmax - kmin) / kstep) + 1;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kmin + i * kstep;
        }
        return new Axis("k", "Å⁻¹", k);
    }

    private static final int[] CN_WEIGHTS = {30, 25, 8, 2, 3, 7, 10, 8, 5, 2}; // CN 3..12

    /** Generates the dataset. */
    public Dataset generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        Axis axis = axis();
        double[] k = axis.values();
        List<SampleId> ids = new ArrayList<>(samples);
        double[][] rows = new double[samples][];
        double[] cn = new double[samples];
        double[] cr = new double[samples];
        int total = 0;
        for (int w : CN_WEIGHTS) {
            total += w;
        }
        for (int s = 0; s < samples; s++) {
            ids.add(new SampleId(s, 0));
            int pick = rnd.nextInt(total);
            int c = 0;
            while (pick >= CN_WEIGHTS[c]) {
                pick -= CN_WEIGHTS[c];
                c++;
            }
            cn[s] = 3 + c;
            cr[s] = 2.45 + 0.025 * c + 0.12 * gaussian(rnd) * 0.5;
            cr[s] = Math.max(2.40, Math.min(2.95, cr[s]));
            double sigma2 = 0.006 + 0.006 * rnd.nextDouble();
            double phi0 = -0.3 + 0.1 * gaussian(rnd);
            rows[s] = chi(k, cn[s], cr[s], sigma2, phi0, rnd);
        }
        SampleTable spectra = SampleTable.spectra(ids, "chi_k2", axis, rows);
        SampleTable labels = SampleTable.ofColumns(ids, List.of(CN, CR), new double[][]{cn, cr});
        return new Dataset(spectra, labels, split(ids, 0.7, 0.2, seed));
    }

    private double[] chi(double[] k, double n1, double r1, double sigma2, double phi0, SplittableRandom rnd) {
        double[] y = new double[k.length];
        double r2 = Math.sqrt(2) * r1;
        double lambda = 8.0;
        for (int i = 0; i < k.length; i++) {
            double kk = k[i];
            double damp = Math.exp(-2 * sigma2 * kk * kk);
            double phase = phi0 - 0.08 * kk;
            double chi1 = 0.9 * n1 / (kk * r1 * r1) * damp * Math.exp(-2 * r1 / lambda) * Math.sin(2 * kk * r1 + phase);
            double chi2 = 0.9 * 6 / (kk * r2 * r2) * Math.exp(-2 * 1.5 * sigma2 * kk * kk) * Math.exp(-2 * r2 / lambda)
                    * Math.sin(2 * kk * r2 + phase - 0.5);
            y[i] = kk * kk * (chi1 + chi2) + noise * gaussian(rnd);
        }
        return y;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A seeded train/valid/test split table with the text column "set". */
    public static SampleTable split(List<SampleId> ids, double train, double valid, long seed) {
        int n = ids.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int nTrain = (int) (train * n);
        int nValid = (int) (valid * n);
        String[] set = new String[n];
        for (int r = 0; r < n; r++) {
            set[idx[r]] = r < nTrain ? "train" : r < nTrain + nValid ? "valid" : "test";
        }
        return SampleTable.ofColumns(ids, List.of(), new double[0][]).withText("set", set);
    }
}
