package org.xasdaml.curation.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.io.Json;

/**
 * The whole chain from μ(E) (or a simulated χ(k)) to a model's features, as one immutable value:
 * built once, used to make the training features, stored in the model archive and applied
 * unchanged to measured spectra ({@link SpectrumFeatures} is its only implementation).
 *
 * <p>Parameters keep Larch's names and units; NaN means "determined per spectrum" (Larch's None),
 * and the value used is reported per spectrum by {@link SpectrumFeatures}.
 *
 * <p><b>S0².</b> FEFF is run with {@code S02 1}, a measurement carries its own amplitude
 * reduction factor, and S0² and CN are degenerate in the EXAFS amplitude; so simulated χ(k) is
 * multiplied by {@link #s02} (never the measured one). The default 0.90 ± 0.05 is the range of
 * S0² that first-shell fits of K-edge spectra of 3d-metal foils against FEFF theory usually give
 * (about 0.85–0.95); Larch's documented fits of its Cu foil example (examples/feffit, doc_feffit1.out
 * and doc_feffit2.out of python-xraylarch-doc) give 0.895 ± 0.038 and 0.900 ± 0.035. Calibrate it on
 * a reference spectrum of known structure measured alike when one exists.
 *
 * <p><b>E0 convention.</b> Simulated χ(k) is FEFF's own (k from FEFF's Fermi level, {@code chi.dat});
 * a measured χ(k) comes from autobk with E0 at the maximum of dμ/dE (Larch's {@code find_e0}). For
 * FEFF's Cu μ(E) the two differ by about 5.5 eV (FEFF's path expansion does not reproduce the
 * near-edge shape, so its derivative maximum sits above its Fermi level). Against a measurement,
 * Larch's fits of its Cu foil give the theory's E0 offset del_e0 = +4.4 ± 0.5 and +5.7 ± 0.8 eV
 * (doc_feffit1/2.out), i.e. {@link #simulatedE0Shift} ≈ −5 eV in this recipe's sign (E0 moved by
 * the shift); the ΔE0 augmentation spans the remaining uncertainty.
 *
 * @param quantity     mu, norm (pre_edge norm), chi (k^kweight·χ(k) on kmin..kmax), chir (|χ(R)| on
 *                     rmin..rmax), chi-chir (both, one row: the k-weighted χ(k) then |χ(R)|), wavelet
 *                     (Cauchy |W(k, R)| on the k and R windows)
 * @param alignment    none (each spectrum on its own E0), e0 (every spectrum shifted so its E0 lands
 *                     on alignE0) or median (measured spectra shifted to alignE0 = the training median E0);
 *                     only energy-grid quantities are shifted, χ(k) is always relative to each E0
 * @param alignE0      eV; for median filled in from the training spectra
 * @param simulatedChi how χ(k) of simulated spectra is made: feff (FEFF's chi.dat) or autobk (autobk on
 *                     FEFF's μ as for a measurement)
 * @param simulatedE0Shift ΔE0 (eV) applied to every simulated χ(k) (FEFF's E0 moved by this, before
 *                     any augmentation), the offset between FEFF's E0 and autobk's E0 of a measurement;
 *                     calibrate on a reference spectrum (0 = none)
 * @param preEdge      Larch pre_edge arguments
 * @param autobk       Larch autobk arguments
 * @param xftf         Larch xftf arguments, and the k and R windows of the features
 * @param energyGrid   energy grid of mu/norm features relative to the reference E0: emin, emax (eV), points
 * @param s02          amplitude reduction factor applied to simulated χ(k)
 * @param s02Uncertainty its uncertainty (the augmentation's S0² span)
 * @param augmentation the variants made of each training spectrum
 */
public record FeatureRecipe(String quantity, String alignment, double alignE0, String simulatedChi, double simulatedE0Shift,
                            PreEdge preEdge,
                            Autobk autobk, Xftf xftf, EnergyGrid energyGrid, double s02, double s02Uncertainty,
                            Augmentation augmentation) {

    /** Recipe format version written to JSON. */
    public static final int VERSION = 1;
    /** Key of the recipe JSON in a table's metadata. */
    public static final String META_KEY = "feature.recipe";
    /** Name of the recipe's entry in a stage's provenance.json ("records") and in a model archive's provenance. */
    public static final String PROVENANCE_KEY = "feature_recipe";
    /** k spacing of every χ(k) grid (Larch's kstep). */
    public static final double KSTEP = 0.05;

    public static final List<String> QUANTITIES = List.of("mu", "norm", "chi", "chir", "chi-chir", "wavelet");

    public FeatureRecipe {
        if (!QUANTITIES.contains(quantity)) {
            throw new IllegalArgumentException("quantity must be one of " + QUANTITIES + ", got '" + quantity + "'");
        }
        if (!List.of("none", "e0", "median").contains(alignment)) {
            throw new IllegalArgumentException("alignment must be none, e0 or median, got '" + alignment + "'");
        }
        if (!List.of("feff", "autobk").contains(simulatedChi)) {
            throw new IllegalArgumentException("simulatedChi must be feff or autobk, got '" + simulatedChi + "'");
        }
        if (!Double.isFinite(simulatedE0Shift)) {
            throw new IllegalArgumentException("simulatedE0Shift must be a number of eV");
        }
        if (alignment.equals("e0") && !(alignE0 > 0)) {
            throw new IllegalArgumentException("alignment e0 needs the E0 to align to (alignE0 > 0 eV)");
        }
        if (!(s02 > 0) || !(s02Uncertainty >= 0) || s02Uncertainty >= s02) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "S0² %s ± %s: need 0 < uncertainty < S0²", s02, s02Uncertainty));
        }
        if (preEdge == null || autobk == null || xftf == null || energyGrid == null || augmentation == null) {
            throw new IllegalArgumentException("a recipe needs every part (pre_edge, autobk, xftf, energy grid, augmentation)");
        }
    }

    /** Whether features are on an energy grid (μ, normalised μ). */
    public boolean energyFeatures() {
        return quantity.equals("mu") || quantity.equals("norm");
    }

    /** A copy with another reference E0 (the training median, filled in when the features are made). */
    public FeatureRecipe withAlignE0(double e0) {
        return new FeatureRecipe(quantity, alignment, e0, simulatedChi, simulatedE0Shift, preEdge, autobk, xftf, energyGrid, s02, s02Uncertainty,
                augmentation);
    }

    /**
     * Whether another recipe makes the same features from a measured spectrum: same quantity,
     * alignment, operations and grids (S0², the simulated E0 shift and the augmentation only act on
     * training spectra).
     */
    public boolean sameProcessing(FeatureRecipe o) {
        return quantity.equals(o.quantity) && alignment.equals(o.alignment) && Double.compare(alignE0, o.alignE0) == 0
                && preEdge.equals(o.preEdge) && autobk.equals(o.autobk) && xftf.equals(o.xftf) && energyGrid.equals(o.energyGrid);
    }

    /** A copy with other augmentation settings. */
    public FeatureRecipe withAugmentation(Augmentation a) {
        return new FeatureRecipe(quantity, alignment, alignE0, simulatedChi, simulatedE0Shift, preEdge, autobk, xftf, energyGrid, s02, s02Uncertainty, a);
    }

    /** Larch pre_edge arguments (NaN = determined, as Larch's None; nnorm −1 = determined). */
    public record PreEdge(double e0, double pre1, double pre2, double norm1, double norm2, int nnorm) {
        public PreEdge {
            if (nnorm < -1 || nnorm > 5) {
                throw new IllegalArgumentException("nnorm must be 0..5 (or -1 = determined), got " + nnorm);
            }
        }

        public static PreEdge larch() {
            return new PreEdge(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1);
        }
    }

    /** Larch autobk arguments (kmax NaN = the data's end). */
    public record Autobk(double rbkg, double kweight, double kmin, double kmax, double dk, String window) {
        public Autobk {
            if (!(rbkg > 0)) {
                throw new IllegalArgumentException("rbkg must be positive, got " + rbkg);
            }
            org.xasdaml.xafs.FourierWindow.Shape.of(window);
        }

        public static Autobk larch() {
            return new Autobk(1.0, 1, 0, Double.NaN, 0.1, "hanning");
        }
    }

    /**
     * Larch xftf arguments; kmin..kmax is also the k window of chi features, rmin..rmax the R window.
     * {@code rfilter} (Å; NaN = off): the k features are then Re χ(q), Larch's xftr of χ(R) over
     * rmin..rfilter (Hanning, dR {@value #RFILTER_DR} Å) after an xftf over kmin − dk .. kmax + dk (so
     * the features' k range lies in the k window's flat top, undamped), instead of k^kweight·χ(k)
     * itself. Why: a
     * measurement holds every scattering path, the training spectra only those FEFF was asked for
     * (RPATH); paths beyond leave a signal in χ(k) that no training spectrum has (Cu foil against the
     * main job's RPATH 5.5 Å: |χ(R)| of the foil's residual off its best-fitting simulated bulk
     * spectra equals the foil's own |χ(R)| above 5.5 Å). Filtering both alike keeps only distances
     * the simulation computed.
     */
    public record Xftf(double kmin, double kmax, double dk, String window, double kweight, double rmin, double rmax,
                       double rfilter) {
        /** Taper of the R window of the Fourier filter (Å). */
        public static final double RFILTER_DR = 0.1;

        /** Without a Fourier filter of the k features. */
        public Xftf(double kmin, double kmax, double dk, String window, double kweight, double rmin, double rmax) {
            this(kmin, kmax, dk, window, kweight, rmin, rmax, Double.NaN);
        }

        public Xftf {
            String filter = filterProblem(rmin, rfilter);
            if (filter != null) {
                throw new IllegalArgumentException(filter);
            }
            if (!(kmax > kmin) || kmin < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "need 0 <= kmin < kmax, got %s..%s", kmin, kmax));
            }
            if (!(rmax > rmin) || rmin < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "need 0 <= rmin < rmax, got %s..%s", rmin, rmax));
            }
            org.xasdaml.xafs.FourierWindow.Shape.of(window);
        }

        /** Why a Fourier filter's end cannot follow rmin (it must exceed it by both tapers), or null when it can or is off. */
        public static String filterProblem(double rmin, double rfilter) {
            return Double.isNaN(rfilter) || rfilter > rmin + 2 * RFILTER_DR ? null : String.format(Locale.ROOT,
                    "the Fourier filter's end %s must exceed rmin %s by more than its taper (%s Å on each side)", rfilter, rmin,
                    RFILTER_DR);
        }

        /** Whether the k features are Fourier filtered (rfilter set). */
        public boolean filtered() {
            return !Double.isNaN(rfilter);
        }
    }

    /**
     * Energy grid of μ features: reference E0 + emin .. reference E0 + emax, points. Steps declare
     * it through the parameter group {@link EnergyGridOptions} (below, above, points).
     */
    public record EnergyGrid(double emin, double emax, int points) {
        public EnergyGrid {
            if (!(emax > emin) || points < 2) {
                throw new IllegalArgumentException("energy grid needs emin < emax and at least 2 points");
            }
        }
    }

    /**
     * Augmentation: from each training spectrum {@code variants} copies, each with S0² uniform in
     * s02 ± s02Uncertainty, ΔE0 uniform in ±de0, Δσ² uniform in [dsigma2Min, dsigma2Max], energy
     * broadening FWHM uniform in [0, fwhmMax] of the given shape, and Gaussian noise of standard
     * deviation {@code noise} (fraction of the edge step, i.e. on χ or on normalised μ).
     */
    public record Augmentation(int variants, boolean keepOriginal, double de0, double dsigma2Min, double dsigma2Max,
                               double fwhmMax, String broadening, double noise, long seed) {
        public Augmentation {
            if (variants < 0) {
                throw new IllegalArgumentException("variants must be >= 0");
            }
            if (de0 < 0 || fwhmMax < 0 || noise < 0 || dsigma2Max < dsigma2Min) {
                throw new IllegalArgumentException("augmentation ranges: de0, fwhmMax and noise >= 0, dsigma2Min <= dsigma2Max");
            }
            if (!broadening.equals("gaussian") && !broadening.equals("lorentzian")) {
                throw new IllegalArgumentException("broadening must be gaussian or lorentzian, got '" + broadening + "'");
            }
        }

        public static Augmentation none() {
            return new Augmentation(0, true, 3.0, 0, 0.002, 0, "gaussian", 0, 42);
        }
    }

    // ------------------------------------------------------------------ JSON

    /** The recipe as ordered maps (NaN written as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "xasdaml-feature-recipe");
        m.put("version", VERSION);
        m.put("quantity", quantity);
        m.put("alignment", alignment);
        m.put("align_e0", alignE0);
        m.put("simulated_chi", simulatedChi);
        m.put("simulated_e0_shift", simulatedE0Shift);
        m.put("s02", s02);
        m.put("s02_uncertainty", s02Uncertainty);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("e0", preEdge.e0());
        p.put("pre1", preEdge.pre1());
        p.put("pre2", preEdge.pre2());
        p.put("norm1", preEdge.norm1());
        p.put("norm2", preEdge.norm2());
        p.put("nnorm", preEdge.nnorm() < 0 ? null : preEdge.nnorm());
        m.put("pre_edge", p);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("rbkg", autobk.rbkg());
        a.put("kweight", autobk.kweight());
        a.put("kmin", autobk.kmin());
        a.put("kmax", autobk.kmax());
        a.put("dk", autobk.dk());
        a.put("window", autobk.window());
        m.put("autobk", a);
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kmin", xftf.kmin());
        x.put("kmax", xftf.kmax());
        x.put("dk", xftf.dk());
        x.put("window", xftf.window());
        x.put("kweight", xftf.kweight());
        x.put("rmin", xftf.rmin());
        x.put("rmax", xftf.rmax());
        if (xftf.filtered()) {
            x.put("rfilter", xftf.rfilter());
        }
        x.put("kstep", KSTEP);
        m.put("xftf", x);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("emin", energyGrid.emin());
        g.put("emax", energyGrid.emax());
        g.put("points", energyGrid.points());
        m.put("energy_grid", g);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("variants", augmentation.variants());
        u.put("keep_original", augmentation.keepOriginal());
        u.put("de0", augmentation.de0());
        u.put("dsigma2_min", augmentation.dsigma2Min());
        u.put("dsigma2_max", augmentation.dsigma2Max());
        u.put("fwhm_max", augmentation.fwhmMax());
        u.put("broadening", augmentation.broadening());
        u.put("noise", augmentation.noise());
        u.put("seed", augmentation.seed());
        m.put("augmentation", u);
        return m;
    }

    /**
     * Records this recipe in the provenance of the running stage (entry {@value #PROVENANCE_KEY}):
     * every stage that builds or applies a recipe calls this, so its provenance.json names the
     * processing its numbers went through.
     */
    public void recordIn(org.xasdaml.workflow.StepContext ctx) {
        ctx.recordProvenance(PROVENANCE_KEY, toMap());
    }

    public String toJson() {
        return Json.write(toMap());
    }

    @SuppressWarnings("unchecked")
    public static FeatureRecipe fromMap(Map<String, Object> m) {
        if (!"xasdaml-feature-recipe".equals(m.get("format"))) {
            throw new IllegalArgumentException("not a feature recipe: format " + m.get("format"));
        }
        if (num(m, "version") > VERSION) {
            throw new IllegalArgumentException("feature recipe version " + m.get("version") + " is newer than this program");
        }
        Map<String, Object> p = (Map<String, Object>) m.get("pre_edge");
        Map<String, Object> a = (Map<String, Object>) m.get("autobk");
        Map<String, Object> x = (Map<String, Object>) m.get("xftf");
        Map<String, Object> g = (Map<String, Object>) m.get("energy_grid");
        Map<String, Object> u = (Map<String, Object>) m.get("augmentation");
        return new FeatureRecipe((String) m.get("quantity"), (String) m.get("alignment"), num(m, "align_e0"),
                (String) m.get("simulated_chi"), m.get("simulated_e0_shift") == null ? 0 : num(m, "simulated_e0_shift"),
                new PreEdge(num(p, "e0"), num(p, "pre1"), num(p, "pre2"), num(p, "norm1"), num(p, "norm2"),
                        p.get("nnorm") == null ? -1 : (int) num(p, "nnorm")),
                new Autobk(num(a, "rbkg"), num(a, "kweight"), num(a, "kmin"), num(a, "kmax"), num(a, "dk"), (String) a.get("window")),
                new Xftf(num(x, "kmin"), num(x, "kmax"), num(x, "dk"), (String) x.get("window"), num(x, "kweight"), num(x, "rmin"),
                        num(x, "rmax"), num(x, "rfilter")),
                new EnergyGrid(num(g, "emin"), num(g, "emax"), (int) num(g, "points")),
                num(m, "s02"), num(m, "s02_uncertainty"),
                new Augmentation((int) num(u, "variants"), Boolean.TRUE.equals(u.get("keep_original")), num(u, "de0"),
                        num(u, "dsigma2_min"), num(u, "dsigma2_max"), num(u, "fwhm_max"), (String) u.get("broadening"),
                        num(u, "noise"), (long) num(u, "seed")));
    }

    public static FeatureRecipe fromJson(String json) {
        return fromMap(Json.parseObject(json));
    }

    /** The recipe a table's metadata carries, or null. */
    public static FeatureRecipe ofMeta(Map<String, String> meta) {
        String j = meta.get(META_KEY);
        return j == null ? null : fromJson(j);
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("feature recipe: " + key + " is not a number: " + v);
        }
        return n.doubleValue();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
