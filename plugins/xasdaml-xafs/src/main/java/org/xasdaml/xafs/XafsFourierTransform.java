package org.xasdaml.xafs;

/**
 * XAFS Fourier transforms with the conventions of Larch's {@code xftf} (χ(k) → χ(R)) and
 * {@code xftr} (χ(R) → χ(q)).
 *
 * <p>Forward ({@code xftf}, procedure):
 * <ol>
 * <li>interpolate χ linearly (numpy {@code interp}, end values repeated) onto the uniform grid
 *     k_j = j·kstep, j = 0 … int(1.01 + max(k)/kstep) − 1;</li>
 * <li>multiply by k^kweight and by the window Ω(k) ({@link FourierWindow}); the window is built on
 *     the grid extended to max(max(k), kmax + dk2) and then cut, as Larch does;</li>
 * <li>zero-pad to nfft points and take χ(R_m) = (kstep/√π)·Σ_j χ_j·e^{−2πi jm/nfft} for
 *     m &lt; nfft/2, with R_m = m·π/(kstep·nfft); keep R up to rmax_out.</li>
 * </ol>
 * The kstep/√π factor makes the sum approximate (1/√π)∫χ(k)e^{2ikR}dk, the Ifeffit normalisation,
 * so |χ(R)| peak heights are comparable with Athena/Artemis.
 *
 * <p>Reverse ({@code xftr}): window Ω(R) on R_j = j·rstep (j &lt; nfft), then
 * χ(q) = s·(4√π/kstep)·IFFT(χ(R)·Ω(R)·R^rweight) for the first nfft/2 points, kstep = π/(rstep·nfft),
 * with s = ½ when χ(R) is complex (the usual case: the complex output of xftf) and 1 when it is
 * real; q is {@code linspace(0, qmax_out, int(1.05 + qmax_out/kstep))}.
 */
public final class XafsFourierTransform {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private XafsFourierTransform() {
    }

    /**
     * Options of the forward transform, with Larch's names and defaults.
     *
     * @param kmin    start of the k window (Å⁻¹) [0]
     * @param kmax    end of the k window (Å⁻¹) [20]
     * @param kweight k-weight exponent [0]
     * @param dk      taper width at kmin (Å⁻¹) [1]
     * @param dk2     taper width at kmax (Å⁻¹), NaN = same as dk [NaN]
     * @param window  window shape [KAISER]
     * @param rmaxOut largest R kept in the output (Å) [10]
     * @param nfft    FFT length, a power of 2 [2048]
     * @param kstep   uniform k spacing (Å⁻¹) [0.05]
     */
    public record ForwardOptions(double kmin, double kmax, double kweight, double dk, double dk2,
                                 FourierWindow.Shape window, double rmaxOut, int nfft, double kstep) {

        /** Validates. */
        public ForwardOptions {
            if (!(kmax > kmin)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmax", kmax,
                        "must exceed kmin " + kmin);
            }
            if (!(kstep > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kstep", kstep, "must be > 0");
            }
            if (!(rmaxOut > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "rmax_out", rmaxOut, "must be > 0");
            }
            Fft.of(nfft);
            if (window == null) {
                throw new NullPointerException("window");
            }
        }

        /** @return Larch's defaults (kmin 0, kmax 20, kweight 0, dk 1, kaiser, rmax_out 10, nfft 2048, kstep 0.05) */
        public static ForwardOptions defaults() {
            return new ForwardOptions(0, 20, 0, 1, Double.NaN, FourierWindow.Shape.KAISER, 10, 2048, 0.05);
        }

        /**
         * @param kmin    window start (Å⁻¹)
         * @param kmax    window end (Å⁻¹)
         * @param kweight k-weight
         * @param dk      taper (both sides)
         * @param window  shape
         * @return Larch defaults with these values
         */
        public static ForwardOptions of(double kmin, double kmax, double kweight, double dk,
                                        FourierWindow.Shape window) {
            return new ForwardOptions(kmin, kmax, kweight, dk, Double.NaN, window, 10, 2048, 0.05);
        }
    }

    /**
     * Options of the reverse transform, with Larch's names and defaults.
     *
     * @param rmin    start of the R window (Å) [0]
     * @param rmax    end of the R window (Å) [20]
     * @param dr      taper width at rmin (Å) [1]
     * @param dr2     taper width at rmax (Å), NaN = same as dr [NaN]
     * @param rweight R-weight exponent [0]
     * @param window  window shape [KAISER]
     * @param qmaxOut largest q kept in the output (Å⁻¹) [30]
     * @param nfft    FFT length, a power of 2 [2048]
     */
    public record ReverseOptions(double rmin, double rmax, double dr, double dr2, double rweight,
                                 FourierWindow.Shape window, double qmaxOut, int nfft) {

        /** Validates. */
        public ReverseOptions {
            if (!(rmax > rmin)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "rmax", rmax,
                        "must exceed rmin " + rmin);
            }
            if (!(qmaxOut > 0)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "qmax_out", qmaxOut, "must be > 0");
            }
            Fft.of(nfft);
            if (window == null) {
                throw new NullPointerException("window");
            }
        }

        /**
         * @param rmin   window start (Å)
         * @param rmax   window end (Å)
         * @param dr     taper (both sides)
         * @param window shape
         * @return Larch defaults with these values
         */
        public static ReverseOptions of(double rmin, double rmax, double dr, FourierWindow.Shape window) {
            return new ReverseOptions(rmin, rmax, dr, Double.NaN, 0, window, 30, 2048);
        }
    }

    /**
     * χ(R): Larch's {@code r, chir_re, chir_im, kwin} (chir_mag from {@link #mag()}).
     *
     * @param r       R grid (Å), m·π/(kstep·nfft)
     * @param re      real part of χ(R) (Å^(−1−kweight))
     * @param im      imaginary part
     * @param kwin    the window Ω(k) on the uniform k grid (length of the gridded χ)
     * @param options the options used
     */
    public record ChiR(double[] r, double[] re, double[] im, double[] kwin, ForwardOptions options) {
        /** Copies. */
        public ChiR {
            r = r.clone();
            re = re.clone();
            im = im.clone();
            kwin = kwin.clone();
        }

        @Override
        public double[] r() {
            return r.clone();
        }

        @Override
        public double[] re() {
            return re.clone();
        }

        @Override
        public double[] im() {
            return im.clone();
        }

        @Override
        public double[] kwin() {
            return kwin.clone();
        }

        /** @return |χ(R)| (Larch {@code chir_mag}) */
        public double[] mag() {
            return magnitude(re, im);
        }
    }

    /**
     * χ(q): Larch's {@code q, chiq_re, chiq_im, rwin}.
     *
     * @param q       q grid (Å⁻¹)
     * @param re      real part of χ(q)
     * @param im      imaginary part
     * @param rwin    the window Ω(R) on the input R points
     * @param options the options used
     */
    public record ChiQ(double[] q, double[] re, double[] im, double[] rwin, ReverseOptions options) {
        /** Copies. */
        public ChiQ {
            q = q.clone();
            re = re.clone();
            im = im.clone();
            rwin = rwin.clone();
        }

        @Override
        public double[] q() {
            return q.clone();
        }

        @Override
        public double[] re() {
            return re.clone();
        }

        @Override
        public double[] im() {
            return im.clone();
        }

        @Override
        public double[] rwin() {
            return rwin.clone();
        }

        /** @return |χ(q)| (Larch {@code chiq_mag}) */
        public double[] mag() {
            return magnitude(re, im);
        }
    }

    /**
     * Forward transform χ(k) → χ(R) (Larch {@code xftf}).
     *
     * @param spectrum χ(k), any k spacing
     * @param options  transform options
     * @return χ(R)
     */
    public static ChiR xftf(ChiSpectrum spectrum, ForwardOptions options) {
        double[] k = spectrum.k();
        double[] chi = spectrum.chi();
        double kstep = options.kstep();
        int nfft = options.nfft();
        double dk2 = Double.isNaN(options.dk2()) ? options.dk() : options.dk2();
        double kmaxData = k[k.length - 1];
        int npts = (int) (1.01 + kmaxData / kstep);
        if (npts > nfft) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "max(k)", kmaxData,
                    "needs more than nfft=" + nfft + " points at kstep " + kstep);
        }
        double kGridMax = Math.max(kmaxData, options.kmax() + dk2);
        int nGrid = (int) (1.01 + kGridMax / kstep);
        double[] kg = new double[nGrid];
        for (int i = 0; i < nGrid; i++) {
            kg[i] = kstep * i;
        }
        double[] chiG = GridInterpolation.interp(k, chi, kg);
        double[] win = FourierWindow.window(kg, options.kmin(), options.kmax(), options.dk(), dk2,
                options.window());
        double[] re = new double[nfft];
        double[] im = new double[nfft];
        double[] kwin = new double[npts];
        for (int i = 0; i < npts; i++) {
            re[i] = chiG[i] * KWeighting.pow(kg[i], options.kweight()) * win[i];
            kwin[i] = win[i];
        }
        Fft.of(nfft).forwardReal(re, im);
        double[] r = rGrid(options.rmaxOut(), nfft, kstep);
        int irmax = r.length;
        double scale = kstep / SQRT_PI;
        double[] outRe = new double[irmax];
        double[] outIm = new double[irmax];
        for (int i = 0; i < irmax; i++) {
            outRe[i] = scale * re[i];
            outIm[i] = scale * im[i];
        }
        return new ChiR(r, outRe, outIm, kwin, options);
    }

    /**
     * Reverse transform of the complex output of {@link #xftf} (Larch {@code xftr(r, chir)}).
     *
     * @param chir    χ(R) from xftf
     * @param options transform options
     * @return χ(q)
     */
    public static ChiQ xftr(ChiR chir, ReverseOptions options) {
        return xftr(chir.r, chir.re, chir.im, options);
    }

    /**
     * Reverse transform χ(R) → χ(q) (Larch {@code xftr}), for complex χ(R) (scale ½).
     *
     * @param r       uniform R grid starting at 0 (Å)
     * @param chirRe  real part of χ(R)
     * @param chirIm  imaginary part of χ(R), or {@code null} for a real χ(R) (scale 1)
     * @param options transform options
     * @return χ(q)
     */
    public static ChiQ xftr(double[] r, double[] chirRe, double[] chirIm, ReverseOptions options) {
        ArrayChecks.requireMinLength("r", r, 2);
        ArrayChecks.requireSameLength("r", r, "chir_re", chirRe);
        if (chirIm != null) {
            ArrayChecks.requireSameLength("r", r, "chir_im", chirIm);
        }
        int nfft = options.nfft();
        if (r.length > nfft) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "len(r)", r.length,
                    "exceeds nfft=" + nfft);
        }
        double rstep = r[1] - r[0];
        double kstep = Math.PI / (rstep * nfft);
        double scale = chirIm == null ? 1.0 : 0.5;
        double[] rg = new double[nfft];
        for (int i = 0; i < nfft; i++) {
            rg[i] = rstep * i;
        }
        double dr2 = Double.isNaN(options.dr2()) ? options.dr() : options.dr2();
        double[] win = FourierWindow.window(rg, options.rmin(), options.rmax(), options.dr(), dr2,
                options.window());
        double[] re = new double[nfft];
        double[] im = new double[nfft];
        for (int i = 0; i < r.length; i++) {
            double w = win[i] * KWeighting.pow(rg[i], options.rweight());
            re[i] = chirRe[i] * w;
            im[i] = chirIm == null ? 0.0 : chirIm[i] * w;
        }
        Fft.of(nfft).inverse(re, im);
        double[] q = qGrid(rstep, options.qmaxOut(), nfft);
        int nq = q.length;
        double f = scale * 4 * SQRT_PI / kstep;
        double[] outRe = new double[nq];
        double[] outIm = new double[nq];
        for (int i = 0; i < nq; i++) {
            outRe[i] = f * re[i];
            outIm[i] = f * im[i];
        }
        double[] rwin = new double[r.length];
        System.arraycopy(win, 0, rwin, 0, r.length);
        double[] qOut = new double[nq];
        System.arraycopy(q, 0, qOut, 0, nq);
        return new ChiQ(qOut, outRe, outIm, rwin, options);
    }

    static double[] magnitude(double[] re, double[] im) {
        double[] m = new double[re.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(re[i] * re[i] + im[i] * im[i]);
        }
        return m;
    }

    /** The forward normalisation kstep/√π of Larch's {@code xftf_fast}. */
    static double scaleForward(double kstep) {
        return kstep / SQRT_PI;
    }

    /**
     * The R grid of {@link #xftf}: π/(kstep·nfft) apart from 0 up to rmax_out (at most nfft/2
     * points), as Larch's xftf. It depends on the options alone, so a step can name its output
     * columns before any spectrum is transformed.
     */
    public static double[] rGrid(double rmaxOut, int nfft, double kstep) {
        double rstep = Math.PI / (kstep * nfft);
        int irmax = (int) Math.min(nfft / 2, 1.01 + rmaxOut / rstep);
        double[] r = new double[irmax];
        for (int i = 0; i < irmax; i++) {
            r[i] = rstep * i;
        }
        return r;
    }

    /** The q grid of {@link #xftr} for an R grid of spacing {@code rstep}: 0 to qmax_out, at most nfft/2 points. */
    public static double[] qGrid(double rstep, double qmaxOut, int nfft) {
        double kstep = Math.PI / (rstep * nfft);
        double[] q = GridInterpolation.linspace(0, qmaxOut, (int) (1.05 + qmaxOut / kstep));
        return q.length > nfft / 2 ? java.util.Arrays.copyOf(q, nfft / 2) : q;
    }
}
