package org.xasdaml.xafs;

/**
 * Pre-edge subtraction and edge-step normalisation, as Larch 0.9.58's {@code pre_edge}
 * (kernel {@code preedge} plus the flattening done by the wrapper).
 *
 * <p>Procedure:
 * <ol>
 * <li>E0 from {@link EdgeEnergy} unless given (a given E0 outside [E₁, E_{n−2}] is replaced);
 *     E0 is then snapped to the nearest measured energy;</li>
 * <li>a line is fitted to μ·E^nvict over [E0 + pre1, E0 + pre2] — the pre-edge curve;</li>
 * <li>a polynomial of degree nnorm is fitted to μ − pre-edge over [E0 + norm1, E0 + norm2]; the
 *     post-edge curve is pre-edge + that polynomial;</li>
 * <li>edge_step = |post-edge − pre-edge| at E0 (unless given); norm = (μ − pre-edge)/edge_step;</li>
 * <li>flat: a polynomial of degree min(2, nnorm) fitted to norm over [E0 + norm1, E0 + norm2] is
 *     subtracted above E0, shifted to be continuous there (only when more than 4 points lie in the
 *     range; otherwise flat = norm).</li>
 * </ol>
 *
 * <p>Automatic ranges (Larch's Notes; {@code null} = determined here, the values used are returned
 * in {@link Details}, Larch's {@code pre_edge_details}). Rounding is Python's round-half-even.
 * <ul>
 * <li>pre1 = 5·round((E₁ − E0)/5) eV (2·round(…/2) if E0 is within the first 20 points), at least
 *     min(E) − E0; pre2 = 5·round(pre1/15); swapped if pre1 &gt; pre2;</li>
 * <li>norm2 = 5·round((max(E) − E0)/5), negative means "that far below the end", at most
 *     max(E) − E0; norm1 = min(150, 5·round(norm2/15)); swapped if needed;</li>
 * <li>nnorm = 2 if norm2 − norm1 ≥ 350 eV, 1 if ≥ 50 eV, else 0; clamped to [0, {@link #MAX_NNORM}].</li>
 * </ul>
 * Fit ranges are index slices [index_of(E0 + low), index_nearest(E0 + high)) widened to at least
 * 2 points, exactly as Larch. Larch fits the flattening curve with {@code lmfit} (MINPACK, ftol
 * 10⁻⁶); the problem is linear, so this class solves it directly by least squares.
 */
public final class EdgeNormalization {

    /** Largest post-edge polynomial degree (Larch {@code MAX_NNORM}). */
    public static final int MAX_NNORM = 5;

    /**
     * An edge step below this fraction of max|μ| is rounding noise, not an edge; Larch would divide
     * by it and return norm values of 10¹⁵, here the caller gets an error instead.
     */
    public static final double TINY_STEP_FRACTION = 1e-10;

    private EdgeNormalization() {
    }

    /**
     * Options with Larch's names; {@code null} means "determine automatically".
     *
     * @param e0       edge energy (eV) or null
     * @param step     edge step or null
     * @param nnorm    post-edge polynomial degree or null
     * @param nvict    energy exponent for the pre-edge fit [0]
     * @param pre1     pre-edge range start, eV relative to E0, or null
     * @param pre2     pre-edge range end, eV relative to E0, or null
     * @param norm1    post-edge range start, eV relative to E0, or null
     * @param norm2    post-edge range end, eV relative to E0, or null
     * @param makeFlat whether to compute the flattened spectrum [true]
     */
    public record Options(Double e0, Double step, Integer nnorm, double nvict, Double pre1, Double pre2,
                          Double norm1, Double norm2, boolean makeFlat) {
        /** Validates. */
        public Options {
            if (!Double.isFinite(nvict)) {
                throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "nvict", nvict, "must be finite");
            }
            for (Double d : new Double[] {e0, step, pre1, pre2, norm1, norm2}) {
                if (d != null && !Double.isFinite(d)) {
                    throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "pre_edge option", d,
                            "must be finite or null");
                }
            }
        }

        /** @return everything automatic, nvict 0, flattening on (Larch defaults) */
        public static Options defaults() {
            return new Options(null, null, null, 0, null, null, null, null, true);
        }
    }

    /**
     * The parameters actually used (Larch {@code pre_edge_details}).
     *
     * @param pre1       pre-edge range start (eV rel. E0)
     * @param pre2       pre-edge range end (eV rel. E0)
     * @param norm1      post-edge range start (eV rel. E0)
     * @param norm2      post-edge range end (eV rel. E0)
     * @param nnorm      post-edge polynomial degree
     * @param nvict      pre-edge energy exponent
     * @param preSlope   slope of the pre-edge line (of μ·E^nvict)
     * @param preOffset  offset of the pre-edge line
     * @param normCoefs  post-edge polynomial coefficients, ascending powers of E (norm_c0, norm_c1 …)
     */
    public record Details(double pre1, double pre2, double norm1, double norm2, int nnorm, double nvict,
                          double preSlope, double preOffset, double[] normCoefs) {
        /** Copies. */
        public Details {
            normCoefs = normCoefs.clone();
        }

        @Override
        public double[] normCoefs() {
            return normCoefs.clone();
        }
    }

    /**
     * Result of {@code pre_edge}.
     *
     * @param e0        edge energy (eV), one of the spectrum's energies
     * @param edgeStep  edge step (units of μ)
     * @param energy    energies (eV)
     * @param norm      normalised μ
     * @param flat      flattened normalised μ
     * @param preEdge   pre-edge curve
     * @param postEdge  post-edge curve
     * @param details   resolved parameters
     */
    public record Result(double e0, double edgeStep, double[] energy, double[] norm, double[] flat,
                         double[] preEdge, double[] postEdge, Details details) {
        /** Copies. */
        public Result {
            energy = energy.clone();
            norm = norm.clone();
            flat = flat.clone();
            preEdge = preEdge.clone();
            postEdge = postEdge.clone();
        }

        @Override
        public double[] energy() {
            return energy.clone();
        }

        @Override
        public double[] norm() {
            return norm.clone();
        }

        @Override
        public double[] flat() {
            return flat.clone();
        }

        @Override
        public double[] preEdge() {
            return preEdge.clone();
        }

        @Override
        public double[] postEdge() {
            return postEdge.clone();
        }
    }

    /**
     * Larch {@code pre_edge} with all parameters automatic.
     *
     * @param spectrum μ(E)
     * @return normalisation result
     */
    public static Result preEdge(MuSpectrum spectrum) {
        return preEdge(spectrum, Options.defaults());
    }

    /**
     * Larch {@code pre_edge}.
     *
     * @param spectrum μ(E)
     * @param options  options
     * @return normalisation result
     */
    public static Result preEdge(MuSpectrum spectrum, Options options) {
        double[] energy = spectrum.energy();
        double[] mu = spectrum.mu();
        int n = energy.length;
        ArrayChecks.requireMinLength("pre_edge spectrum", energy, 4);
        double emin = energy[0];
        double emax = energy[n - 1];

        Double e0in = options.e0();
        int ie0;
        if (e0in == null || e0in < energy[1] || e0in > energy[n - 2]) {
            ie0 = EdgeEnergy.indexOfE0(energy, mu);
        } else {
            ie0 = Indexing.indexNearest(energy, e0in);
        }
        double e0 = energy[ie0];

        double pre1;
        if (options.pre1() == null) {
            pre1 = ie0 > 20 ? 5.0 * Math.rint((energy[1] - e0) / 5.0) : 2.0 * Math.rint((energy[1] - e0) / 2.0);
        } else {
            pre1 = options.pre1();
        }
        pre1 = Math.max(pre1, emin - e0);
        double pre2 = options.pre2() == null ? 5.0 * Math.rint(pre1 / 15.0) : options.pre2();
        if (pre1 > pre2) {
            double t = pre1;
            pre1 = pre2;
            pre2 = t;
        }
        double norm2 = options.norm2() == null ? 5.0 * Math.rint((emax - e0) / 5.0) : options.norm2();
        if (norm2 < 0) {
            norm2 = emax - e0 - norm2;
        }
        norm2 = Math.min(norm2, emax - e0);
        double norm1 = options.norm1() == null ? Math.min(150, 5.0 * Math.rint(norm2 / 15.0)) : options.norm1();
        if (norm1 > norm2) {
            double t = norm1;
            norm1 = norm2;
            norm2 = t;
        }
        int nnorm;
        if (options.nnorm() == null) {
            nnorm = 2;
            if (norm2 - norm1 < 350) {
                nnorm = 1;
            }
            if (norm2 - norm1 < 50) {
                nnorm = 0;
            }
        } else {
            nnorm = options.nnorm();
        }
        nnorm = Math.max(Math.min(nnorm, MAX_NNORM), 0);
        double nvict = options.nvict();

        // pre-edge line on mu*E^nvict
        int p1 = Indexing.indexOf(energy, pre1 + e0);
        int p2 = Indexing.indexNearest(energy, pre2 + e0);
        if (p2 - p1 < 2) {
            p2 = Math.min(n, p1 + 2);
        }
        double[] omu = new double[n];
        for (int i = 0; i < n; i++) {
            omu[i] = mu[i] * KWeighting.pow(energy[i], nvict);
        }
        PolynomialFit pre = PolynomialFit.fit(energy, omu, p1, p2, 1, "pre-edge fit range");
        double[] preEdge = new double[n];
        for (int i = 0; i < n; i++) {
            preEdge[i] = pre.value(energy[i]) * KWeighting.pow(energy[i], -nvict);
        }

        // post-edge polynomial on mu - pre_edge
        int q1 = Indexing.indexOf(energy, norm1 + e0);
        int q2 = Indexing.indexNearest(energy, norm2 + e0);
        if (q2 - q1 < 2) {
            q2 = Math.min(n, q1 + 2);
        }
        double[] presub = new double[n];
        for (int i = 0; i < n; i++) {
            presub[i] = mu[i] - preEdge[i];
        }
        PolynomialFit post = PolynomialFit.fit(energy, presub, q1, q2, nnorm, "post-edge fit range");
        double[] postEdge = new double[n];
        for (int i = 0; i < n; i++) {
            postEdge[i] = preEdge[i] + post.value(energy[i]);
        }
        double edgeStep = options.step() == null ? postEdge[ie0] - preEdge[ie0] : options.step();
        edgeStep = Math.abs(edgeStep);
        double mumax = 0;
        for (double v : mu) {
            mumax = Math.max(mumax, Math.abs(v));
        }
        if (!(edgeStep > TINY_STEP_FRACTION * mumax)) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "edge_step", edgeStep,
                    "must exceed " + TINY_STEP_FRACTION + " x max|mu| (no edge in this spectrum?)");
        }
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = (mu[i] - preEdge[i]) / edgeStep;
        }

        // flattening (pre_edge wrapper)
        double[] flat = norm.clone();
        if (options.makeFlat() && q2 - q1 > 4) {
            PolynomialFit f = PolynomialFit.fit(energy, norm, q1, q2, Math.min(2, nnorm), "flattening range");
            double f0 = f.value(energy[ie0]);
            for (int i = ie0; i < n; i++) {
                flat[i] = norm[i] - (f.value(energy[i]) - f0);
            }
        }
        double[] pc = pre.powerCoefficients();
        Details details = new Details(pre1, pre2, norm1, norm2, nnorm, nvict, pc[1], pc[0],
                post.powerCoefficients());
        return new Result(e0, edgeStep, energy, norm, flat, preEdge, postEdge, details);
    }
}
