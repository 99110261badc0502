package org.xasdaml.curation.recipe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.FormerName;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.xafs.FourierWindow;

/**
 * Makes model features from spectra by one {@link FeatureRecipe} (declared by this step's
 * parameters), optionally with augmented variants of every spectrum; the recipe travels with the
 * features (table metadata {@value FeatureRecipe#META_KEY}) into training and the model archive,
 * from where {@code predict-measured} applies it unchanged to measured spectra.
 *
 * <p>The energy grid of mu/norm features is the parameter group {@link EnergyGridOptions}
 * (below, above, points), declared once and shared with the reconcile step.
 *
 * <p>Augmented variants keep their source sample: variant v of sample (frame, site) gets the id
 * (frame + v·B, site) with B the smallest power of ten above every frame index (variant 3 of frame
 * 12 of a 1000-frame set is 3012), and every output carries the text column {@code source_sample}
 * ("frame:site" of the original). With a split connected, variants inherit their source's set and
 * only the sets listed in augmentSets are augmented (the test set stays the original samples, so
 * evaluation counts samples, not copies); without one, the split step groups by
 * {@code source_sample} so that variants of one sample never land in two sets.
 */
public final class FeaturesStep implements Step<FeaturesStep.Options> {

    public static final Port<SampleTable> MU = Port.optional("mu", PortTypes.TABLE,
            "μ(E) per sample (axis energy, eV): simulated (FEFF) or measured (read-spectra)");
    public static final Port<SampleTable> CHI = Port.optional("chi", PortTypes.TABLE,
            "Simulated χ(k) per sample (axis k, Å⁻¹; FEFF's chi.dat), used when input is chi");
    public static final Port<SampleTable> LABELS = Port.optional("labels", PortTypes.TABLE,
            "Structure descriptors; given back with a row per variant (augmentation)");
    public static final Port<SampleTable> SPLIT = Port.optional("split", PortTypes.TABLE,
            "A dataset division (text column set); given back with a row per variant, each in its source's set");
    public static final Port<SampleTable> FEATURES = Port.of("features", PortTypes.TABLE,
            "The features on the recipe's grid (axis energy, k, r or wavelet column), the recipe in the metadata "
                    + "'feature.recipe'; text columns source_sample (and source when the input has it)");
    public static final Port<SampleTable> VALUES = Port.of("values", PortTypes.TABLE,
            "Per row the values used: e0 and edge_step (eV, μ units; NaN for FEFF χ), e0_shift (alignment), and the "
                    + "variation drawn: s02, de0 (eV), dsigma2 (Å²), fwhm (eV)");
    public static final Port<SampleTable> LABELS_OUT = Port.optional("labels-out", PortTypes.TABLE,
            "The labels with a row per variant (text column source_sample)");
    public static final Port<SampleTable> SPLIT_OUT = Port.optional("split-out", PortTypes.TABLE,
            "The division with a row per variant, each in its source sample's set");

    /** Parameters: the recipe (Larch's names) and the augmentation. */
    public record Options(
            @Param(description = "Feature quantity: mu, norm (normalised μ), chi (k^kweight·χ(k) on kmin..kmax), chir "
                    + "(|χ(R)| on rmin..rmax), chi-chir (both in one row: |χ(R)| alone loses the phase that tells a "
                    + "distance and the k dependence that tells CN from disorder), wavelet (Cauchy |W(k,R)| on both windows)",
                    choices = {"mu", "norm", "chi", "chir", "chi-chir", "wavelet"}) String quantity,
            @Param(description = "Where χ(k) comes from: chi = the simulated χ(k) input (FEFF's chi.dat), mu = autobk on "
                    + "the μ(E) input (as for a measured spectrum)", choices = {"chi", "mu"}) String input,
            @Param(description = "The spectra are simulated: multiply χ by S0² (FEFF runs with S02 1); off for measured "
                    + "spectra") boolean simulated,
            @Param(description = "ΔE0 applied to every simulated χ(k) before augmentation: the offset between FEFF's E0 and "
                    + "autobk's E0 (maximum of dμ/dE) of a measurement, calibrated on a reference spectrum (Cu: about -5 eV from Larch's "
                    + "foil fits)", unit = "eV")
            double simulatedE0Shift,
            @Param(description = "Energy alignment of energy-grid features: none, e0 (every spectrum's E0 shifted to e0Align) "
                    + "or median (measured spectra later shifted to the training spectra's median E0)",
                    choices = {"none", "e0", "median"}) String alignment,
            @Param(description = "E0 to align to (0 = the median E0 of these spectra)", unit = "eV", min = 0) double e0Align,
            @Param(description = "pre_edge e0 (empty = determined: maximum of dμ/dE)", unit = "eV") String e0,
            @Param(description = "pre_edge pre1 (empty = determined)", unit = "eV", advanced = true) String pre1,
            @Param(description = "pre_edge pre2 (empty = determined)", unit = "eV", advanced = true) String pre2,
            @Param(description = "pre_edge norm1 (empty = determined)", unit = "eV", advanced = true) String norm1,
            @Param(description = "pre_edge norm2 (empty = determined)", unit = "eV", advanced = true) String norm2,
            @Param(description = "pre_edge nnorm, post-edge polynomial degree (empty = determined)", advanced = true) String nnorm,
            @Param(description = "autobk rbkg", unit = "Å", min = 0.05) double rbkg,
            @Param(description = "autobk kweight", min = 0, max = 5) double bkgKweight,
            @Param(description = "autobk kmin", unit = "Å⁻¹", min = 0, advanced = true) double bkgKmin,
            @Param(description = "autobk kmax (empty = end of the data)", unit = "Å⁻¹", advanced = true) String bkgKmax,
            @Param(description = "autobk dk", unit = "Å⁻¹", min = 0, advanced = true) double bkgDk,
            @Param(description = "autobk window", advanced = true) FourierWindow.Shape bkgWindow,
            @Param(description = "xftf kmin, also the start of chi features", unit = "Å⁻¹", min = 0) double kmin,
            @Param(description = "xftf kmax, also the end of chi features", unit = "Å⁻¹", min = 0) double kmax,
            @Param(description = "xftf dk (window taper)", unit = "Å⁻¹", min = 0) double dk,
            @Param(description = "xftf window") FourierWindow.Shape window,
            @Param(description = "xftf kweight, also the n of kⁿχ(k) features", min = 0, max = 5) double kweight,
            @Param(description = "Start of the R window of chir and wavelet features", unit = "Å", min = 0) double rmin,
            @Param(description = "End of the R window", unit = "Å", min = 0) double rmax,
            @Param(description = "Fourier filter of the k features (empty = none): Re χ(q), the back transform of χ(R) over "
                    + "rmin..chiRfilter, instead of kⁿχ(k), for measured and simulated spectra alike; set it to the training "
                    + "spectra's FEFF RPATH so that the features hold only distances the simulation computed", unit = "Å",
                    advanced = true) String chiRfilter,
            // emin/emax until 2026-12-05: the grid's ends relative to E0 (emin −10 is below 10)
            @FormerName(value = "emin", member = "below", factor = -1, since = "2026-12-05")
            @FormerName(value = "emax", member = "above", since = "2026-12-05")
            EnergyGridOptions energyGrid,
            @Param(description = "S0², amplitude reduction factor of the measurements (0.90 ± 0.05: the usual range for K "
                    + "edges of 3d-metal foils against FEFF theory)", min = 0.01, max = 2) double s02,
            @Param(description = "Uncertainty of S0² (augmentation spans S0² ± this)", min = 0, max = 1) double s02Uncertainty,
            @Param(description = "Augmentation: variants made of each spectrum (0 = none)", min = 0, max = 1000) int variants,
            @Param(description = "Augmentation: keep the original spectrum beside its variants") boolean keepOriginal,
            @Param(description = "Augmentation: E0 shift drawn from ±de0", unit = "eV", min = 0) double de0,
            @Param(description = "Augmentation: smallest extra Debye–Waller σ²", unit = "Å²") double dsigma2Min,
            @Param(description = "Augmentation: largest extra Debye–Waller σ²", unit = "Å²") double dsigma2Max,
            @Param(description = "Augmentation: energy broadening FWHM drawn from 0..fwhmMax", unit = "eV", min = 0) double fwhmMax,
            @Param(description = "Augmentation: broadening shape", choices = {"gaussian", "lorentzian"}) String broadening,
            @Param(description = "Augmentation: noise standard deviation as a fraction of the edge step (on χ before "
                    + "k-weighting, or on normalised μ)", min = 0) double noise,
            @Param(description = "Augmentation: sets of the connected split that get variants", choices = {"train", "valid", "test"})
            List<String> augmentSets,
            @Param(description = "Augmentation seed") long seed) {
        public Options {
            if (kmax <= kmin) {
                throw InvalidParameterException.of("kmax", "kmax %s must exceed kmin %s", kmax, kmin);
            }
            if (rmax <= rmin) {
                throw InvalidParameterException.of("rmax", "rmax %s must exceed rmin %s", rmax, rmin);
            }
            if (dsigma2Max < dsigma2Min) {
                throw InvalidParameterException.of("dsigma2Max", "dsigma2Max %s is below dsigma2Min %s", dsigma2Max, dsigma2Min);
            }
            if (s02Uncertainty >= s02) {
                throw InvalidParameterException.of("s02Uncertainty", "S0² uncertainty %s must be below S0² %s", s02Uncertainty, s02);
            }
            if ((quantity.equals("mu") || quantity.equals("norm")) && input.equals("chi")) {
                throw InvalidParameterException.of("input", "%s features are made from μ(E): set input to mu", quantity);
            }
            optional("e0", e0);
            optional("pre1", pre1);
            optional("pre2", pre2);
            optional("norm1", norm1);
            optional("norm2", norm2);
            optional("nnorm", nnorm);
            optional("bkgKmax", bkgKmax);
            String filter = FeatureRecipe.Xftf.filterProblem(rmin, optional("chiRfilter", chiRfilter));
            if (filter != null) {
                throw InvalidParameterException.of("chiRfilter", "chiRfilter: %s", filter);
            }
        }

        /** The recipe these options declare (alignE0 still 0 when it is to be the median). */
        public FeatureRecipe recipe() {
            return new FeatureRecipe(quantity, alignment, e0Align > 0 ? e0Align : Double.NaN, input.equals("chi") ? "feff" : "autobk",
                    simulated ? simulatedE0Shift : 0,
                    new FeatureRecipe.PreEdge(optional("e0", e0), optional("pre1", pre1), optional("pre2", pre2),
                            optional("norm1", norm1), optional("norm2", norm2),
                            Double.isNaN(optional("nnorm", nnorm)) ? -1 : (int) optional("nnorm", nnorm)),
                    new FeatureRecipe.Autobk(rbkg, bkgKweight, bkgKmin, optional("bkgKmax", bkgKmax), bkgDk, bkgWindow.larchName()),
                    new FeatureRecipe.Xftf(kmin, kmax, dk, window.larchName(), kweight, rmin, rmax,
                            optional("chiRfilter", chiRfilter)),
                    energyGrid.grid(), s02, s02Uncertainty,
                    new FeatureRecipe.Augmentation(variants, keepOriginal, de0, dsigma2Min, dsigma2Max, fwhmMax, broadening, noise, seed));
        }
    }

    /** An optional number parameter: empty = NaN (determined, as Larch's None). */
    public static double optional(String name, String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw InvalidParameterException.of(name, "%s must be a number or empty (determined), got '%s'", name, text);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("features", List.of("dataset", "features"), "Make Features", Category.DATASET_CALCULATION, "M3",
                "Turns spectra into model features by one declared recipe (quantity, E0, Larch parameters, grid, S0²), "
                        + "optionally with augmented variants.",
                """
                The recipe: pre_edge (E0, edge step) → alignment → autobk (χ(k)) → S0² → k-weight and k window \
                (chi), xftf → |χ(R)| on the R window (chir), or the Cauchy wavelet (wavelet); mu and norm \
                features are μ(E) or normalised μ(E) on an energy grid around the reference E0. Simulated χ(k) \
                is FEFF's own (input chi) by default: pre_edge on FEFF's μ(E), which has almost no pre-edge, gives \
                edge steps several times off, and its derivative maximum lies about 5.5 eV above FEFF's Fermi level \
                (Cu), so autobk on FEFF μ(E) does not give the χ(k) FEFF computed. The recipe is stored in the \
                output's metadata; training puts it into the model archive and predict-measured applies it.

                Augmentation makes N variants of each spectrum: S0² in S0² ± its uncertainty, ΔE0 in ±de0, \
                Debye–Waller exp(−2k²Δσ²), energy broadening and noise, seeded; shifts and broadening act on μ(E) \
                (or χ(E) for FEFF χ), amplitude, damping and noise on χ(k). Variants keep their source sample.""",
                List.of(MU, CHI, LABELS, SPLIT), List.of(FEATURES, VALUES, LABELS_OUT, SPLIT_OUT));
    }

    @Override
    public Options defaults() {
        return new Options("chi", "chi", true, 0, "none", 0, "", "", "", "", "", "", 1.0, 2, 0, "", 0.1, FourierWindow.Shape.HANNING,
                3, 11, 1, FourierWindow.Shape.HANNING, 2, 1, 3.5, "", EnergyGridOptions.reference(), 0.90, 0.05,
                0, true, 3.0, 0, 0.002, 0, "gaussian", 0.001, List.of("train", "valid"), 42);
    }

    /** One job: a source row and a variant number (0 = the original). */
    private record Job(int row, SampleId source, int variant, SampleId id) {
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        FeatureRecipe recipe = o.recipe();
        boolean fromChi = o.input().equals("chi");
        SampleTable src = fromChi ? in.find(CHI) : in.find(MU);
        if (src == null) {
            throw new IllegalArgumentException("input " + o.input() + " is selected but the " + o.input() + " port is not connected");
        }
        SpectrumFeatures.requireAxis(src, o.input(), fromChi ? "k" : "energy", fromChi ? "Å⁻¹" : "eV");
        double[] x = src.axis().values();
        if (recipe.energyFeatures() && !(recipe.alignE0() > 0)) {
            recipe = recipe.withAlignE0(medianE0(src, recipe, ctx));
        }
        final FeatureRecipe r = recipe;
        r.recordIn(ctx);
        SampleTable split = in.find(SPLIT);
        Map<SampleId, String> setOf = new LinkedHashMap<>();
        if (split != null) {
            String[] s = split.text("set");
            for (int i = 0; i < s.length; i++) {
                setOf.put(split.ids().get(i), s[i]);
            }
        }
        int maxFrame = src.ids().stream().mapToInt(SampleId::frame).max().orElse(0);
        int base = 1;
        while (base <= maxFrame) {
            base *= 10;
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < src.rows(); i++) {
            SampleId id = src.ids().get(i);
            boolean augment = r.augmentation().variants() > 0
                    && (split == null || o.augmentSets().contains(setOf.getOrDefault(id, "")));
            if (!augment || r.augmentation().keepOriginal()) {
                jobs.add(new Job(i, id, 0, id));
            }
            if (augment) {
                for (int v = 1; v <= r.augmentation().variants(); v++) {
                    long frame = id.frame() + (long) v * base;
                    if (frame > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("too many variants for sample ids up to frame " + maxFrame);
                    }
                    jobs.add(new Job(i, id, v, new SampleId((int) frame, id.site())));
                }
            }
        }
        String[] sourceText = src.textColumnNames().contains("source") ? src.text("source") : null;
        List<SpectrumFeatures.Row> rows = ParallelSamples.map(jobs, Job::id, "features", j -> {
            ctx.checkCancelled();
            long key = ((long) j.source().frame() << 20) ^ j.source().site();
            SpectrumFeatures.Variation v = j.variant() == 0
                    ? (o.simulated() ? new SpectrumFeatures.Variation(r.s02(), r.simulatedE0Shift(), 0, 0, 0, 0)
                    : SpectrumFeatures.Variation.NONE)
                    : SpectrumFeatures.Variation.draw(r, key, j.variant());
            if (!o.simulated()) {
                v = new SpectrumFeatures.Variation(1, v.de0(), v.dsigma2(), v.fwhm(), v.noise(), v.seed());
            }
            return fromChi ? SpectrumFeatures.fromChi(x, src.row(j.row()), r, v)
                    : SpectrumFeatures.fromMu(x, src.row(j.row()), r, v, o.simulated());
        }, ctx);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> feats = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<Job> okJobs = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            SpectrumFeatures.Row row = rows.get(i);
            if (row == null) {
                continue;
            }
            Job j = jobs.get(i);
            okJobs.add(j);
            ids.add(j.id());
            feats.add(row.features());
            SpectrumFeatures.Variation v = row.variation();
            vals.add(new double[] {row.e0(), row.edgeStep(), row.shift(), v.s02(), v.de0(), v.dsigma2(), v.fwhm()});
            sources.add(j.source().toString());
            if (sourceText != null) {
                files.add(sourceText[j.row()]);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no spectrum of " + src.rows() + " gave features; first failure: "
                    + (ctx.failures().isEmpty() ? "none" : ctx.failures().get(0)));
        }
        Map<String, String> meta = new LinkedHashMap<>(src.meta());
        meta.put(FeatureRecipe.META_KEY, r.toJson());
        meta.put("quantity", r.quantity());
        SampleTable f = SampleTable.spectra(ids, r.quantity(), SpectrumFeatures.axis(r), feats.toArray(new double[0][]))
                .withMeta(meta).withText("source_sample", sources.toArray(new String[0]));
        SampleTable values = SampleTable.ofRows(ids, List.of("e0", "edge_step", "e0_shift", "s02", "de0", "dsigma2", "fwhm"),
                vals.toArray(new double[0][])).withText("source_sample", sources.toArray(new String[0]));
        if (sourceText != null) {
            f = f.withText("source", files.toArray(new String[0]));
            values = values.withText("source", files.toArray(new String[0]));
        }
        ctx.progress(1, String.format(Locale.ROOT, "%d feature rows (%s, %d columns) from %d spectra", ids.size(), r.quantity(),
                f.numericColumns(), src.rows()));
        StepData out = StepData.empty().with(FEATURES, f).with(VALUES, values);
        SampleTable labels = in.find(LABELS);
        if (labels != null) {
            out = out.with(LABELS_OUT, expand(labels, okJobs, "labels"));
        }
        if (split != null) {
            out = out.with(SPLIT_OUT, expand(split, okJobs, "split"));
        }
        return out;
    }

    /** A table with one row per variant (the row of its source sample), with text column source_sample. */
    static SampleTable expand(SampleTable t, List<Job> jobs, String what) {
        List<SampleId> ids = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> src = new ArrayList<>();
        for (Job j : jobs) {
            int r = t.rowOf(j.source());
            if (r >= 0) {
                ids.add(j.id());
                rows.add(r);
                src.add(j.source().toString());
            }
        }
        double[][] cols = new double[t.numericColumns()][rows.size()];
        for (int c = 0; c < cols.length; c++) {
            double[] all = t.column(c);
            for (int i = 0; i < rows.size(); i++) {
                cols[c][i] = all[rows.get(i)];
            }
        }
        SampleTable out = SampleTable.ofColumns(ids, t.columnNames(), cols).withMeta(t.meta());
        for (String tc : t.textColumnNames()) {
            if (!tc.equals("source_sample")) {
                String[] all = t.text(tc);
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = all[rows.get(i)];
                }
                out = out.withText(tc, v);
            }
        }
        return out.withText("source_sample", src.toArray(new String[0]));
    }

    /** The median pre_edge E0 of the spectra (the reference E0 of energy-grid features). */
    static double medianE0(SampleTable mu, FeatureRecipe r, StepContext ctx) {
        double[] x = mu.axis().values();
        double[] e0 = new double[mu.rows()];
        int n = 0;
        for (int i = 0; i < mu.rows(); i++) {
            try {
                e0[n] = SpectrumFeatures.preEdge(new org.xasdaml.xafs.MuSpectrum(x, mu.row(i)), r.preEdge()).e0();
                n++;
            } catch (IllegalArgumentException e) {
                ctx.warn("no E0 for sample " + mu.ids().get(i) + ": " + e.getMessage());
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no spectrum has an E0");
        }
        return SpectrumFeatures.medianE0(Arrays.copyOf(e0, n));
    }

    /**
     * The features' grid is the recipe's (k, R or wavelet grid; an energy grid only when its
     * reference E0 is given, else it is the data's median E0); the other tables add source_sample
     * (and source, when the spectra have it) to their input's columns.
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns src = inputs.get(o.input().equals("chi") ? CHI.name() : MU.name());
        if (output.equals(LABELS_OUT.name()) || output.equals(SPLIT_OUT.name())) {
            org.xasdaml.workflow.TableColumns t = inputs.get(output.equals(LABELS_OUT.name()) ? LABELS.name() : SPLIT.name());
            return t == null ? null : new org.xasdaml.workflow.TableColumns(t.numeric(),
                    t.text().stream().filter(c -> !c.equals("source_sample")).toList()).plusText(List.of("source_sample"));
        }
        if (src == null) {
            return null;
        }
        List<String> text = src.text().contains("source") ? List.of("source_sample", "source") : List.of("source_sample");
        if (output.equals(VALUES.name())) {
            return new org.xasdaml.workflow.TableColumns(List.of("e0", "edge_step", "e0_shift", "s02", "de0", "dsigma2", "fwhm"), text);
        }
        if (!output.equals(FEATURES.name())) {
            return null;
        }
        FeatureRecipe r = o.recipe();
        if (r.energyFeatures() && !(r.alignE0() > 0)) {
            return null;
        }
        return org.xasdaml.workflow.TableColumns.spectra(r.quantity(), SpectrumFeatures.axis(r).values()).plusText(text);
    }
}
