package org.xasdaml.xafs;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Continuous Cauchy wavelet transform of χ(k), as Larch's {@code cauchy_wavelet} (after Muñoz,
 * Argoul and Farges, Am. Mineral. 88, 694 (2003)): a map W(k, R) that shows which distances R
 * contribute at which k, separating e.g. light and heavy backscatterers at the same R.
 *
 * <p>Procedure (Larch's arithmetic, reproduced step by step):
 * <ol>
 * <li>kstep = round(1000·(k₁ − k₀))/1000; the input must be on a uniform grid (checked here, not
 *     by Larch), and, as in Larch, its first point is treated as k = 0 (a χ starting at 0.05 Å⁻¹
 *     is shifted by one step);
 *     rstep = (π/2048)/kstep, nrpts = round((rmax_out − 10⁻⁷)/rstep);</li>
 * <li>χ ← kʷ·χ, placed in (or truncated to) nfft/2 points, FFT with 2·nfft points;</li>
 * <li>r = linspace(0, rmax_out, nrpts) with r₀ = 10⁻¹⁹, scale a = nrpts/(2r),
 *     ω_j = 2π·j/(2·nfft·kstep) for j &lt; nfft;</li>
 * <li>for every r: filter F_j = exp(c + nrpts·ln(a·ω_j) − a·ω_j) with
 *     c = ln 2π − ln(nrpts!) (the Cauchy wavelet of order nrpts in Fourier space), and
 *     W(r, ·) = IFFT₂ₙ(F·FFT(χ)[0:nfft])[0:len(k)].</li>
 * </ol>
 * Note that the hard-coded 2048 in rstep is Larch's, not nfft. Step 4 is evaluated as the
 * equivalent short circular convolution of χ with each row's wavelet (same sums, a quarter of the
 * FFT length; see {@code Kernel}).
 *
 * <p>The full transform of one 401-point χ with rmax_out 8 is 261 × 401 complex doubles
 * (≈ 1.7 MB); for 5000 spectra that would be several GB, hence
 * {@link #magnitudeSubsampled}, which keeps only the magnitudes the reference stored (every 2nd
 * R, every 2nd k without k = 0: 131 × 200) as floats and only transforms the rows it keeps.
 */
public final class CauchyWavelet {

    /**
     * Uniformity tolerance of the k grid: Larch reads the step with 10⁻³ Å⁻¹ resolution and FEFF
     * prints k with 3 decimals, so spacings may deviate by 10⁻³ (or 2 % of the step, if larger).
     * Larch itself does not check; a non-uniform χ would give a silently wrong map.
     */
    static final double UNIFORM_ABS = 1.001e-3;
    static final double UNIFORM_REL = 0.02;

    private CauchyWavelet() {
    }

    /**
     * Options with Larch's names.
     *
     * @param kweight k-weight exponent applied before the transform [0 in Larch; the project uses 2]
     * @param rmaxOut largest R (Å) [10 in Larch; the project uses 8]
     * @param nfft    FFT length parameter, a power of 2 [2048]
     */
    public record Options(double kweight, double rmaxOut, int nfft) {
        /** Validates. */
        public Options {
            if (!(rmaxOut > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "rmax_out", rmaxOut, "must be > 0");
            }
            Fft.of(nfft);
        }

        /** @return the settings of the XASDAML reference (kweight 2, rmax_out 8, nfft 2048) */
        public static Options xasdaml() {
            return new Options(2, 8, 2048);
        }
    }

    /**
     * The full complex transform, R rows × k columns (Larch's {@code wcauchy} layout). Immutable:
     * built once from the arrays the transform fills (no defensive copy of its own arrays:
     * measured, copying the 261 × 401 map twice on construction doubled the time of a transform);
     * the array getters return copies, {@link #re(int, int)} and {@link #im(int, int)} read one value.
     */
    public static final class Result {
        private final double[] k;
        private final double[] r;
        private final double[][] re;
        private final double[][] im;
        private final Options options;

        private Result(double[] k, double[] r, double[][] re, double[][] im, Options options) {
            this.k = k;
            this.r = r;
            this.re = re;
            this.im = im;
            this.options = options;
        }

        /** @return the input k (Å⁻¹) */
        public double[] k() {
            return k.clone();
        }

        /** @return R values (Å), r[0] = 10⁻¹⁹ as in Larch */
        public double[] r() {
            return r.clone();
        }

        /** @return real part, [r][k] */
        public double[][] re() {
            return deepCopy(re);
        }

        /** @return imaginary part, [r][k] */
        public double[][] im() {
            return deepCopy(im);
        }

        /**
         * @param ir R index
         * @param ik k index
         * @return Re W(r[ir], k[ik])
         */
        public double re(int ir, int ik) {
            return re[ir][ik];
        }

        /**
         * @param ir R index
         * @param ik k index
         * @return Im W(r[ir], k[ik])
         */
        public double im(int ir, int ik) {
            return im[ir][ik];
        }

        /** @return the options used */
        public Options options() {
            return options;
        }

        /** @return |W(r, k)|, [r][k] (Larch {@code wcauchy_mag}) */
        public double[][] mag() {
            double[][] m = new double[re.length][];
            for (int i = 0; i < re.length; i++) {
                m[i] = XafsFourierTransform.magnitude(re[i], im[i]);
            }
            return m;
        }
    }

    /**
     * Subsampled magnitudes as floats, R-major: {@code mag[ir * k.length + ik]}.
     *
     * @param k   the k values kept (Å⁻¹)
     * @param r   the R values kept (Å)
     * @param mag |W|, r-major
     */
    public record Magnitude(float[] k, float[] r, float[] mag) {
        /** Copies and checks the shape. */
        public Magnitude {
            k = k.clone();
            r = r.clone();
            mag = mag.clone();
            if (mag.length != k.length * r.length) {
                throw new XafsArgumentException(XafsArgumentException.LENGTH_MISMATCH, "mag", mag.length,
                        "k x r", k.length * r.length);
            }
        }

        @Override
        public float[] k() {
            return k.clone();
        }

        @Override
        public float[] r() {
            return r.clone();
        }

        @Override
        public float[] mag() {
            return mag.clone();
        }

        /**
         * @param ir R index
         * @param ik k index
         * @return |W(r[ir], k[ik])|
         */
        public float at(int ir, int ik) {
            return mag[ir * k.length + ik];
        }
    }

    /**
     * Full transform (Larch {@code cauchy_wavelet}).
     *
     * @param spectrum χ(k) on a uniform grid starting at k = 0
     * @param options  options
     * @return W(k, R)
     */
    public static Result transform(ChiSpectrum spectrum, Options options) {
        Plan plan = new Plan(spectrum, options);
        int nk = plan.nkout;
        double[][] re = new double[plan.nrpts][nk];
        double[][] im = new double[plan.nrpts][nk];
        double[] z = new double[plan.rowBuffer()];
        for (int i = 0; i < plan.nrpts; i++) {
            plan.row(i, z);
            double[] ri = re[i];
            double[] ii = im[i];
            for (int j = 0; j < nk; j++) {
                ri[j] = z[2 * j];
                ii[j] = z[2 * j + 1];
            }
        }
        return new Result(spectrum.k(), plan.r, re, im, options);
    }

    /**
     * Magnitudes only, on every {@code rStride}-th R (from R = 0) and every {@code kStride}-th k
     * starting at index {@code kStart}, as floats. {@code (1, 2, 2)} reproduces the reference's
     * stored map: 200 k values (0.05, 0.15 … 19.95) × 131 R values (0 … 8 Å) for a 0–20 Å⁻¹ χ.
     *
     * @param spectrum χ(k) on a uniform grid starting at k = 0
     * @param options  options
     * @param kStart   first k index kept
     * @param kStride  k stride, &ge; 1
     * @param rStride  R stride, &ge; 1
     * @return the subsampled magnitudes
     */
    public static Magnitude magnitudeSubsampled(ChiSpectrum spectrum, Options options, int kStart,
                                                int kStride, int rStride) {
        if (kStride < 1 || rStride < 1 || kStart < 0) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kStart/kStride/rStride",
                    kStart + "/" + kStride + "/" + rStride, "strides must be >= 1, start >= 0");
        }
        Plan plan = new Plan(spectrum, options);
        double[] k = spectrum.k();
        int nkKept = k.length > kStart ? (k.length - kStart + kStride - 1) / kStride : 0;
        int nrKept = (plan.nrpts + rStride - 1) / rStride;
        float[] kOut = new float[nkKept];
        for (int j = 0; j < nkKept; j++) {
            kOut[j] = (float) k[kStart + j * kStride];
        }
        float[] rOut = new float[nrKept];
        float[] mag = new float[nrKept * nkKept];
        double[] z = new double[plan.rowBuffer()];
        for (int ir = 0; ir < nrKept; ir++) {
            int i = ir * rStride;
            rOut[ir] = (float) plan.r[i];
            plan.row(i, z);
            int base = ir * nkKept;
            for (int j = 0; j < nkKept; j++) {
                int ik = kStart + j * kStride;
                double zr = z[2 * ik];
                double zi = z[2 * ik + 1];
                mag[base + j] = (float) Math.sqrt(zr * zr + zi * zi);
            }
        }
        return new Magnitude(kOut, rOut, mag);
    }

    /**
     * The wavelets of all R rows for one grid: everything that depends on (nfft, kstep, rmax_out)
     * and the lengths, not on χ, so a batch of spectra on one grid computes it once. A few kernels
     * are cached (bounded; immutable and shared between threads).
     *
     * <p>Why a short convolution instead of Larch's long inverse FFTs. Larch computes each row as
     * W_i = IFFT_N(F_i · FFT_N(χ))[0:Q] with N = 2·nfft (4096) and the Cauchy filter
     * F_ij = exp(c + n·ln(a_i·ω_j) − a_i·ω_j) on j &lt; nfft. That is the circular convolution
     * W_i[m] = Σ_q χ_q ψ_i[(m − q) mod N] with the wavelet ψ_i = IFFT_N(F_i). With P input points
     * and Q output points only the lags −(P−1) … Q−1 of ψ_i enter, so the same sums come out of a
     * circular convolution of length M = the power of 2 ≥ P + Q − 1 (1024 for a 401-point χ):
     * h_i holds ψ_i's lags 0 … Q−1 at 0 … Q−1 and its lags −1 … −(P−1) at M−1 … M−P+1, and
     * W_i[0:Q] = IFFT_M(FFT_M(h_i) · FFT_M(χ))[0:Q] exactly (no index wraps onto another). The
     * kernel keeps FFT_M(h_i); a spectrum then costs one M-point FFT and one M-point inverse per
     * row instead of one N-point inverse per row: measured on the 2-core VM (261 × 401 map, one
     * thread), see docs/benchmarks.md; the Larch fixtures agree as before (≤ 10⁻⁶ of max |W|).
     * Filter values that underflow (exponent &lt; −745) are exactly 0 in both, so they are skipped;
     * a row whose filter underflows everywhere (R = 0) is exactly 0.
     */
    private static final class Kernel {
        /** exp(x) is exactly 0 in double precision for x below this. */
        static final double UNDERFLOW = -746.0;
        private static final int CACHED = 8;
        private static final ConcurrentHashMap<List<Object>, Kernel> CACHE = new ConcurrentHashMap<>();

        final int nrpts;
        final double[] r;
        /** Input points used (P) and output points (Q). */
        final int inputs;
        final int outputs;
        /** Convolution length M. */
        final Fft conv;
        /** FFT_M(h_i), interleaved; null for a row that is exactly 0. */
        final double[][] wavelet;

        static Kernel of(int nfft, double kstep, double rmaxOut, int inputs, int outputs) {
            List<Object> key = List.of(nfft, kstep, rmaxOut, inputs, outputs);
            Kernel k = CACHE.get(key);
            if (k == null) {
                k = new Kernel(nfft, kstep, rmaxOut, inputs, outputs);
                if (CACHE.size() >= CACHED) {
                    CACHE.clear();
                }
                CACHE.putIfAbsent(key, k);
            }
            return k;
        }

        private Kernel(int nfft, double kstep, double rmaxOut, int inputs, int outputs) {
            double rstep = (Math.PI / 2048) / kstep;
            double rmin = 1.e-7;
            nrpts = (int) Math.rint((rmaxOut - rmin) / rstep);
            if (nrpts < 2) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "rmax_out",
                        rmaxOut, "gives fewer than 2 R points");
            }
            this.inputs = inputs;
            this.outputs = outputs;
            int n2 = 2 * nfft;
            int m = Math.min(n2, Integer.highestOneBit(Math.max(1, inputs + outputs - 1) * 2 - 1));
            conv = Fft.of(m);
            Fft full = Fft.of(n2);
            double[] omega = new double[nfft];
            for (int j = 0; j < nfft; j++) {
                omega[j] = 2 * Math.PI * ((1.0 / kstep) * j / (2.0 * nfft));
            }
            r = GridInterpolation.linspace(0, rmaxOut, nrpts);
            r[0] = 1.e-19;
            double lf = 0;
            for (int t = 1; t <= nrpts; t++) {
                lf += Math.log(t);
            }
            double cauchySum = Math.log(2 * Math.PI) - lf;
            wavelet = new double[nrpts][];
            double[] psi = new double[2 * n2];
            for (int i = 0; i < nrpts; i++) {
                java.util.Arrays.fill(psi, 0.0);
                double ai = nrpts / (2 * r[i]);
                // unimodal in ω with its maximum at a·ω = nrpts: evaluated outwards from the peak,
                // stopping where it underflows to exactly 0
                double peak = nrpts / (ai * omega[1]);
                int jp = (int) Math.min(nfft - 1, Math.max(1, Math.rint(peak)));
                boolean any = false;
                for (int j = jp; j >= 0; j--) {
                    double f = value(cauchySum, ai * omega[j]);
                    if (f < UNDERFLOW) {
                        break;
                    }
                    psi[2 * j] = Math.exp(f);
                    any = true;
                }
                for (int j = jp + 1; j < nfft; j++) {
                    double f = value(cauchySum, ai * omega[j]);
                    if (f < UNDERFLOW) {
                        break;
                    }
                    psi[2 * j] = Math.exp(f);
                    any = true;
                }
                if (!any) {
                    continue;
                }
                full.inverseInterleaved(psi); // ψ_i = IFFT_N(F_i), Larch's scaling
                double[] h = new double[2 * m];
                for (int d = 0; d < outputs; d++) {
                    h[2 * d] = psi[2 * d];
                    h[2 * d + 1] = psi[2 * d + 1];
                }
                for (int d = 1; d < inputs; d++) {
                    h[2 * (m - d)] = psi[2 * (n2 - d)];
                    h[2 * (m - d) + 1] = psi[2 * (n2 - d) + 1];
                }
                conv.forwardInterleaved(h);
                wavelet[i] = h;
            }
        }

        private double value(double cauchySum, double aom) {
            return aom == 0 ? cauchySum + nrpts * Math.log(1.e-19) - 1.e-19 : cauchySum + nrpts * Math.log(aom) - aom;
        }
    }

    /** One spectrum's FFT and the shared kernel. */
    private static final class Plan {
        final int nrpts;
        final int nkout;
        final double[] r;
        final Kernel kernel;
        /** FFT_M of the weighted χ, interleaved. */
        final double[] spectrum;

        Plan(ChiSpectrum spectrum, Options options) {
            double[] k = spectrum.k();
            double[] chi = spectrum.weighted(options.kweight());
            int nfft = options.nfft();
            double kstep = Math.rint(1000. * (k[1] - k[0])) / 1000.0;
            if (!(kstep > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kstep", kstep,
                        "k spacing rounds to 0 at 1e-3 Å⁻¹");
            }
            double tol = Math.max(UNIFORM_ABS, UNIFORM_REL * kstep);
            for (int i = 1; i < k.length; i++) {
                double dk = k[i] - k[i - 1];
                if (Math.abs(dk - kstep) > tol) {
                    throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE,
                            "k spacing at index " + i, dk, "the wavelet needs a uniform grid of step " + kstep
                                    + " (interpolate first, e.g. with GridInterpolation)");
                }
            }
            nkout = k.length;
            if (nkout > 2 * nfft) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "len(k)", nkout,
                        "exceeds 2*nfft");
            }
            // Larch places (or truncates) χ in nfft/2 points
            int used = Math.min(nfft / 2, chi.length);
            kernel = Kernel.of(nfft, kstep, options.rmaxOut(), used, nkout);
            nrpts = kernel.nrpts;
            r = kernel.r;
            int m = kernel.conv.size();
            this.spectrum = new double[2 * m];
            for (int q = 0; q < used; q++) {
                this.spectrum[2 * q] = chi[q];
            }
            kernel.conv.forwardInterleaved(this.spectrum);
        }

        /** Fills z (interleaved, at least 2·M doubles) with row i: W_i at z[2m], z[2m+1] for m &lt; Q. */
        void row(int i, double[] z) {
            double[] h = kernel.wavelet[i];
            int m = kernel.conv.size();
            if (h == null) {
                java.util.Arrays.fill(z, 0, 2 * m, 0.0);
                return;
            }
            double[] x = spectrum;
            for (int j = 0; j < 2 * m; j += 2) {
                double xr = x[j];
                double xi = x[j + 1];
                double hr = h[j];
                double hi = h[j + 1];
                z[j] = xr * hr - xi * hi;
                z[j + 1] = xr * hi + xi * hr;
            }
            kernel.conv.inverseInterleaved(z);
        }

        /** Length of the row buffer {@link #row} fills. */
        int rowBuffer() {
            return 2 * kernel.conv.size();
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
