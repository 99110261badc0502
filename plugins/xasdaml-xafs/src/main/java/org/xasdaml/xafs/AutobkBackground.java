package org.xasdaml.xafs;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Background removal by the AUTOBK algorithm (Newville, Līviņš, Yacoby, Rehr, Stern,
 * Phys. Rev. B 47, 14126 (1993)), as Larch 0.9.58's {@code autobk}: the smooth atomic background
 * μ₀(E) is a cubic spline in k chosen so that χ = μ − μ₀ has as little Fourier weight as possible
 * below R = rbkg, where no real scattering path can be.
 *
 * <p>Procedure:
 * <ol>
 * <li>E0 and the edge step come from {@link EdgeNormalization} unless given;</li>
 * <li>k = √((E − E0)/KTOE) for E ≥ E0 (index_of(E, E0) onwards); output grid
 *     k = 0, kstep, … ≤ kmax;</li>
 * <li>the number of spline knots is nspl = 1 + int(2·rbkg·(kmax − kmin)/π) (the information
 *     content of [0, rbkg]), clamped to [5, 128], placed at the measured k nearest to a uniform
 *     division of [kmin, kmax]; initial knot values are a weighted 5-point average of μ there;</li>
 * <li>the B-spline coefficients of the interpolating spline through those knots are the fit
 *     variables; χ(c) is the not-a-knot spline through (k, μ − μ₀(c)) evaluated on the output grid;</li>
 * <li>the residual is the real and imaginary parts of the forward transform of χ·kʷ·Ω(k) on the
 *     first irbkg R points (R &lt; rbkg), plus "clamps": the last nclamp χ values (weight clamp_hi)
 *     and the first nclamp (weight clamp_lo), scaled by 1 + 100·mean(residual²);</li>
 * <li>it is minimised by Levenberg–Marquardt; χ is divided by the edge step.</li>
 * </ol>
 *
 * <p>Differences from Larch, deliberate: the problem is linear in the coefficients except for
 * the clamp scale, so the residual and its Jacobian are computed analytically (a DFT restricted
 * to the irbkg R points of interest instead of a 2048-point FFT per evaluation, and an exact
 * Jacobian instead of MINPACK's forward differences), and the optimiser runs to tighter tolerances
 * than Larch's ftol = xtol = 10⁻⁶. The minimum is therefore the same to Larch's stopping tolerance,
 * which is the accuracy the tests state. The uncertainties Larch also computes (delta_chi,
 * delta_bkg) are not computed. As in Larch, the transform inside the residual uses
 * kstep = 0.05 whatever the kstep option (Larch calls {@code xftf_fast} without it).
 */
public final class AutobkBackground {

    /** kstep Larch's residual hands to {@code xftf_fast} (its default), whatever the autobk kstep. */
    private static final double RESIDUAL_FT_KSTEP = 0.05;
    private static final int MIN_KNOTS = 5;
    private static final int MAX_KNOTS = 128;

    private AutobkBackground() {
    }

    /**
     * Options with Larch's names and defaults; {@code null} = determined here.
     *
     * @param rbkg         R below which χ(R) is minimised (Å) [1]
     * @param nknots       number of spline knots, or null for the information-content rule
     * @param e0           edge energy (eV) or null (from pre_edge)
     * @param edgeStep     edge step or null (from pre_edge)
     * @param kmin         lowest k of the spline and window (Å⁻¹) [0]
     * @param kmax         highest k (Å⁻¹), or null for the data range
     * @param kweight      k-weight of the transform in the residual [1]
     * @param dk           window taper (Å⁻¹) [0.1]
     * @param window       window shape [HANNING]
     * @param nfft         FFT length [2048]
     * @param kstep        output k spacing (Å⁻¹) [0.05]
     * @param nclamp       number of end points clamped [3]
     * @param clampLo      weight of the low-k clamp [0]
     * @param clampHi      weight of the high-k clamp [1]
     * @param preEdge      options of the pre_edge run used for missing e0/edge step
     */
    public record Options(double rbkg, Integer nknots, Double e0, Double edgeStep, double kmin, Double kmax,
                          double kweight, double dk, FourierWindow.Shape window, int nfft, double kstep,
                          int nclamp, double clampLo, double clampHi, EdgeNormalization.Options preEdge) {
        /** Validates. */
        public Options {
            if (!(rbkg > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "rbkg", rbkg, "must be > 0");
            }
            if (!(kmin >= 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmin", kmin, "must be >= 0");
            }
            if (kmax != null && !(kmax > kmin)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmax", kmax,
                        "must exceed kmin " + kmin);
            }
            if (!(kstep > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kstep", kstep, "must be > 0");
            }
            if (nclamp < 0) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "nclamp", nclamp, "must be >= 0");
            }
            if (nknots != null && nknots < 1) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "nknots", nknots, "must be >= 1");
            }
            Fft.of(nfft);
            if (window == null) {
                throw new NullPointerException("window");
            }
            if (preEdge == null) {
                preEdge = EdgeNormalization.Options.defaults();
            }
        }

        /** @return Larch's defaults */
        public static Options defaults() {
            return new Options(1.0, null, null, null, 0, null, 1, 0.1, FourierWindow.Shape.HANNING, 2048, 0.05,
                    3, 0, 1, EdgeNormalization.Options.defaults());
        }

        /**
         * @param rbkg    R cut-off (Å)
         * @param kmin    spline start (Å⁻¹)
         * @param kmax    spline end (Å⁻¹) or null
         * @param kweight k-weight
         * @param dk      window taper
         * @return Larch defaults with these values
         */
        public static Options of(double rbkg, double kmin, Double kmax, double kweight, double dk) {
            return new Options(rbkg, null, null, null, kmin, kmax, kweight, dk, FourierWindow.Shape.HANNING, 2048,
                    0.05, 3, 0, 1, EdgeNormalization.Options.defaults());
        }
    }

    /**
     * The values used (Larch {@code autobk_details}).
     *
     * @param kmin        k start (Å⁻¹)
     * @param kmax        k end (Å⁻¹)
     * @param rbkg        rbkg actually used (at least 2 R-grid steps) (Å)
     * @param irbkg       number of R points in the residual
     * @param nspl        number of spline knots
     * @param knotsK      the B-spline knot vector (Å⁻¹)
     * @param initKnotsY  initial knot values (μ)
     * @param knotsY      fitted B-spline coefficients (μ)
     * @param evaluations residual evaluations of the optimiser
     * @param chisqr      sum of squared residuals at the minimum (Larch {@code chisqr})
     */
    public record Details(double kmin, double kmax, double rbkg, int irbkg, int nspl, double[] knotsK,
                          double[] initKnotsY, double[] knotsY, int evaluations, double chisqr) {
        /** Copies. */
        public Details {
            knotsK = knotsK.clone();
            initKnotsY = initKnotsY.clone();
            knotsY = knotsY.clone();
        }

        @Override
        public double[] knotsK() {
            return knotsK.clone();
        }

        @Override
        public double[] initKnotsY() {
            return initKnotsY.clone();
        }

        @Override
        public double[] knotsY() {
            return knotsY.clone();
        }
    }

    /**
     * Result of {@code autobk}.
     *
     * @param e0       edge energy (eV)
     * @param edgeStep edge step
     * @param chi      χ(k) on the uniform k grid, normalised by the edge step
     * @param bkg      μ₀(E) on the input energies (equal to μ below E0 and beyond the fit range)
     * @param details  resolved parameters
     */
    public record Result(double e0, double edgeStep, ChiSpectrum chi, double[] bkg, Details details) {
        /** Copies. */
        public Result {
            bkg = bkg.clone();
        }

        @Override
        public double[] bkg() {
            return bkg.clone();
        }
    }

    /**
     * Larch {@code autobk} with default options.
     *
     * @param spectrum μ(E)
     * @return background and χ(k)
     */
    public static Result autobk(MuSpectrum spectrum) {
        return autobk(spectrum, Options.defaults());
    }

    /**
     * Larch {@code autobk}.
     *
     * @param spectrum μ(E)
     * @param options  options
     * @return background and χ(k)
     */
    public static Result autobk(MuSpectrum spectrum, Options options) {
        return solve(spectrum, options, null, null);
    }

    /**
     * Sum of squared residuals of the autobk objective at given B-spline coefficients (for tests
     * that compare the minimum found here with Larch's).
     */
    static double costAt(MuSpectrum spectrum, Options options, double[] coefs) {
        double[] out = new double[1];
        solve(spectrum, options, coefs, out);
        return out[0];
    }

    private static Result solve(MuSpectrum spectrum, Options options, double[] probe, double[] probeCost) {
        double[] energy = spectrum.energy();
        double[] mu = spectrum.mu();
        int n = energy.length;

        Double e0opt = options.e0();
        if (e0opt != null && (e0opt < energy[0] || e0opt > energy[n - 1])) {
            e0opt = null;
        }
        double e0;
        double edgeStep;
        if (e0opt == null || options.edgeStep() == null) {
            EdgeNormalization.Result pre = EdgeNormalization.preEdge(spectrum, options.preEdge());
            e0 = e0opt == null ? pre.e0() : e0opt;
            edgeStep = options.edgeStep() == null ? pre.edgeStep() : options.edgeStep();
        } else {
            e0 = e0opt;
            edgeStep = options.edgeStep();
        }

        int ie0 = Indexing.indexOf(energy, e0);
        double kstep = options.kstep();
        int nfft = options.nfft();
        double rgrid = Math.PI / (kstep * nfft);
        double rbkg = Math.max(options.rbkg(), 2 * rgrid);

        int nraw = n - ie0;
        double[] kraw = new double[nraw];
        double krawMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nraw; i++) {
            double d = energy[ie0 + i] - e0;
            kraw[i] = Math.signum(d) * Math.sqrt(XafsConstants.ETOK * Math.abs(d));
            krawMax = Math.max(krawMax, kraw[i]);
        }
        double kmin = options.kmin();
        double kmax = options.kmax() == null ? krawMax : Math.max(0, Math.min(krawMax, options.kmax()));
        if (!(kmax > kmin)) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmax", kmax,
                    "data end above E0 must exceed kmin " + kmin);
        }
        double[] kout = outputK(kmax, kstep);
        int nkout = kout.length;
        if (nkout > nfft) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmax", kmax,
                    "needs more than nfft=" + nfft + " points");
        }
        int iemax = Math.min(n, 2 + Indexing.indexOf(energy, e0 + kmax * kmax / XafsConstants.ETOK)) - 1;

        double[] win = FourierWindow.window(kout, kmin, kmax, options.dk(), options.dk(), options.window());
        double[] ftwin = new double[nkout];
        for (int i = 0; i < nkout; i++) {
            ftwin[i] = KWeighting.pow(kout[i], options.kweight()) * win[i];
        }

        int nspl = 1 + (int) (2 * rbkg * (kmax - kmin) / Math.PI);
        int irbkg = (int) (1 + (nspl - 1) * Math.PI / (2 * rgrid * (kmax - kmin)));
        if (options.nknots() != null) {
            nspl = options.nknots();
        }
        final int nknots = Math.max(MIN_KNOTS, Math.min(MAX_KNOTS, nspl));
        irbkg = Math.min(irbkg, nfft / 2);

        double[] splK = new double[nknots];
        double[] splY = new double[nknots];
        for (int i = 0; i < nknots; i++) {
            double q = kmin + i * (kmax - kmin) / (nknots - 1);
            int ik = Indexing.indexNearest(kraw, q);
            int i1 = Math.min(nraw - 1, ik + 5);
            int i2 = Math.max(0, ik - 5);
            splK[i] = kraw[ik];
            splY[i] = (2 * mu[ik + ie0] + mu[i1 + ie0] + mu[i2 + ie0]) / 4.0;
        }
        CubicBSpline spline = new CubicBSpline(splK);
        double[] coef0 = spline.interpolate(splK, splY);

        // fit segment: kraw[0 .. iemax-ie0], mu[ie0 .. iemax]
        int nseg = iemax - ie0 + 1;
        double[] kseg = new double[nseg];
        double[] museg = new double[nseg];
        System.arraycopy(kraw, 0, kseg, 0, nseg);
        System.arraycopy(mu, ie0, museg, 0, nseg);
        double[][] basis = spline.basis(kseg);
        NotAKnotSpline toKout = new NotAKnotSpline(kseg, kout);
        double[] chi0 = toKout.apply(museg);
        double[][] mcols = new double[nknots][];
        double[] col = new double[nseg];
        for (int j = 0; j < nknots; j++) {
            for (int i = 0; i < nseg; i++) {
                col[i] = basis[i][j];
            }
            mcols[j] = toKout.apply(col);
        }

        // restricted DFT: G[2m] = s*ftwin*cos, G[2m+1] = -s*ftwin*sin  (numpy sign convention)
        int nout = 2 * irbkg;
        double scale = XafsFourierTransform.scaleForward(RESIDUAL_FT_KSTEP);
        double[][] g = new double[nout][nkout];
        for (int m = 0; m < irbkg; m++) {
            for (int i = 0; i < nkout; i++) {
                long phase = ((long) m * i) % nfft;
                double ang = 2 * Math.PI * phase / nfft;
                g[2 * m][i] = scale * ftwin[i] * Math.cos(ang);
                g[2 * m + 1][i] = -scale * ftwin[i] * Math.sin(ang);
            }
        }
        double[] a0 = new double[nout];
        double[][] amat = new double[nout][nknots];
        for (int r = 0; r < nout; r++) {
            double s = 0;
            for (int i = 0; i < nkout; i++) {
                s += g[r][i] * chi0[i];
            }
            a0[r] = s;
            for (int j = 0; j < nknots; j++) {
                double t = 0;
                double[] mj = mcols[j];
                for (int i = 0; i < nkout; i++) {
                    t += g[r][i] * mj[i];
                }
                amat[r][j] = t;
            }
        }
        int nclamp = Math.min(options.nclamp(), nkout);
        double clo = Math.abs(options.clampLo());
        double chiW = Math.abs(options.clampHi());
        int nres = nout + 2 * nclamp;

        MultivariateJacobianFunction model = point -> {
            double[] c = point.toArray();
            double[] res = new double[nres];
            double[][] jac = new double[nres][nknots];
            double meanSq = 0;
            for (int r = 0; r < nout; r++) {
                double v = a0[r];
                for (int j = 0; j < nknots; j++) {
                    v -= amat[r][j] * c[j];
                    jac[r][j] = -amat[r][j];
                }
                res[r] = v;
                meanSq += v * v;
            }
            meanSq /= nout;
            double sc = 1.0 + 100 * meanSq;
            double[] dsc = new double[nknots];
            for (int j = 0; j < nknots; j++) {
                double d = 0;
                for (int r = 0; r < nout; r++) {
                    d += res[r] * -amat[r][j];
                }
                dsc[j] = 200.0 / nout * d;
            }
            for (int p = 0; p < 2 * nclamp; p++) {
                int i = p < nclamp ? p : nkout - 2 * nclamp + p;
                double w = p < nclamp ? clo : chiW;
                double chi = chi0[i];
                for (int j = 0; j < nknots; j++) {
                    chi -= mcols[j][i] * c[j];
                }
                res[nout + p] = w * sc * chi;
                for (int j = 0; j < nknots; j++) {
                    jac[nout + p][j] = w * (sc * -mcols[j][i] + chi * dsc[j]);
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(res, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        if (probe != null) {
            RealVector res = model.value(new ArrayRealVector(probe, 0, nknots)).getFirst();
            probeCost[0] = res.dotProduct(res);
            return null;
        }
        double[] start = new double[nknots];
        System.arraycopy(coef0, 0, start, 0, nknots);
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12)
                .withParameterRelativeTolerance(1e-12)
                .withOrthoTolerance(1e-12)
                .optimize(new LeastSquaresBuilder()
                        .start(start)
                        .model(model)
                        .target(new double[nres])
                        .maxEvaluations(10000)
                        .maxIterations(10000)
                        .build());
        double[] coef = opt.getPoint().toArray();

        double[] bkgSeg = spline.evaluate(coef, kseg);
        double[] diff = new double[nseg];
        for (int i = 0; i < nseg; i++) {
            diff[i] = museg[i] - bkgSeg[i];
        }
        double[] chi = toKout.apply(diff);
        for (int i = 0; i < nkout; i++) {
            chi[i] /= edgeStep;
        }
        double[] bkg = mu.clone();
        System.arraycopy(bkgSeg, 0, bkg, ie0, nseg);
        Details details = new Details(kmin, kmax, rbkg, irbkg, nknots, spline.knots(), splY, coef,
                opt.getEvaluations(), opt.getCost() * opt.getCost());
        return new Result(e0, edgeStep, new ChiSpectrum(kout, chi), bkg, details);
    }

    /**
     * The k grid of χ for a spline ending at {@code kmax}: 0, kstep, … ≤ kmax, as Larch's autobk.
     * When kmax is given and the data reach it, this grid follows from the options alone.
     */
    public static double[] outputK(double kmax, double kstep) {
        int nkout = (int) (1.01 + kmax / kstep);
        double[] kout = new double[nkout];
        for (int i = 0; i < nkout; i++) {
            kout[i] = kstep * i;
        }
        return kout;
    }
}
