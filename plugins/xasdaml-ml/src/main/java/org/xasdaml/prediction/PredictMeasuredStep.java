package org.xasdaml.prediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.MeasuredFeatures;
import org.xasdaml.curation.recipe.MeasuredFiles;
import org.xasdaml.model.Calibration;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/** Predicts from measured spectra files with a saved model (paper M11). */
public final class PredictMeasuredStep implements Step<PredictMeasuredStep.Options> {

    public static final Port<ModelArchive> MODEL = PredictStep.MODEL;
    public static final Port<SampleTable> SPECTRA = Port.of("spectra", PortTypes.TABLE,
            "The measured spectra as given to the model: its recipe's features on its grid (text column source)");
    public static final Port<SampleTable> PREDICTIONS = PredictStep.PREDICTIONS;
    public static final Port<SampleTable> EDGES = Port.optional("edges", PortTypes.TABLE,
            "Edge energies of the training spectra (a table with an e0 column, e.g. the reconcile step's edges): when the "
                    + "e0 option is 0, measured spectra are shifted so that their E0 lands on the median of these");

    /** Parameters. */
    public record Options(
            @Param(label = "Measured spectrum files", description = "Measured spectra: XDI files, Athena projects (.prj) or column files (energy in eV and μ, "
                    + "or I0 and It, or I0 and If)", file = true) List<String> files,
            @Param(label = "Athena groups", description = "Athena projects: labels of the groups to read (empty = every group)") List<String> groups,
            @Param(label = "Energy column", description = "Column files: 0-based column of the energy", min = 0, advanced = true) int energyColumn,
            @Param(label = "μ column", description = "Column files: column of μ (-1 = compute μ from I0 and It or If)", min = -1, advanced = true)
            int muColumn,
            @Param(label = "I0 column", description = "Column files: column of I0 (-1 = none)", min = -1, advanced = true) int i0Column,
            @Param(label = "It column", description = "Column files: column of It, transmission μ = ln(I0/It) (-1 = none)", min = -1, advanced = true)
            int itColumn,
            @Param(label = "If column", description = "Column files: column of If, fluorescence μ = If/I0 (-1 = none)", min = -1, advanced = true)
            int ifColumn,
            @Param(label = "Normalise to unit edge step (models without a recipe)", description = "Models without a feature recipe (older archives): normalise each spectrum to unit edge step "
                    + "(Larch pre_edge norm) first") boolean normalize,
            @Param(label = "Edge energy E0 of the training spectra (models without a recipe)", description = "Models without a feature recipe: E0 of the simulated training spectra; each measured "
                    + "spectrum is shifted so its E0 lands here (0 = the median E0 of the edges input, or no shift when it "
                    + "is not connected)", unit = "eV", min = 0) double e0,
            @Param(label = "Round to whole numbers", description = "Round regression predictions to whole numbers (for CN)") boolean round) {
        public Options {
            for (String f : files) {
                if (f.isBlank()) {
                    throw new InvalidParameterException("files", "an empty file name");
                }
            }
            if (muColumn < 0 && (i0Column < 0 || (itColumn < 0 && ifColumn < 0))) {
                throw new InvalidParameterException("muColumn", "give the μ column, or I0 with It or If");
            }
        }

        MeasuredFiles.Columns columns() {
            return new MeasuredFiles.Columns(energyColumn, muColumn, i0Column, itColumn, ifColumn);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("predict-measured", List.of("model", "predict-measured"), "Predict Measured Spectra",
                Category.PREDICTION_ANALYSIS, "M11", "Predicts structure descriptors from measured XAS files with a saved model.",
                """
                Reads XDI files, Athena projects (every group or the groups named) or column files (energy with μ, or \
                I0 with It or If); a file that cannot be read fails alone with its line and reason. A model trained on \
                features made by a recipe (the features step) carries that recipe: each measured spectrum goes \
                through the same code (pre_edge, alignment, autobk, k-weighting, xftf or wavelet) onto the model's \
                grid, and a spectrum the recipe cannot take (E0 not found, energy range too short for the k range) \
                is refused alone. The predictions carry source, e0, edge_step and e0_shift, and the recipe in their \
                metadata. Older μ(E) models without a recipe: normalised, shifted to the training E0 and \
                interpolated as before. Then the archive's transform and model are applied as in Predict.""",
                List.of(MODEL, EDGES), List.of(SPECTRA, PREDICTIONS));
    }

    @Override
    public Options defaults() {
        return new Options(List.of(), List.of(), 0, 1, -1, -1, -1, true, 0.0, false);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) throws Exception {
        if (o.files().isEmpty()) {
            throw new InvalidParameterException("files", "give at least one measured spectrum file");
        }
        ModelArchive model = in.get(MODEL);
        if (model.inputGrid() == null) {
            throw new IllegalArgumentException("the model has no input grid, so measured spectra cannot be put on it");
        }
        List<Path> paths = new ArrayList<>();
        for (String f : o.files()) {
            paths.add(Path.of(f));
        }
        List<MeasuredFiles.Measured> measured = MeasuredFiles.read(paths, o.groups(), o.columns(), ctx);
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no measured spectrum could be read: " + ctx.failures());
        }
        PredictStep.warnUncalibrated(model, ctx);
        FeatureRecipe recipe = model.recipe();
        SampleTable spectra;
        SampleTable pred;
        if (recipe != null) {
            recipe.recordIn(ctx);
            MeasuredFeatures.Result r = MeasuredFeatures.make(measured, recipe, model.inputGrid(), ctx);
            spectra = r.features();
            pred = model.predict(spectra, o.round()).withText("source", spectra.text("source"));
            for (String c : List.of("e0", "edge_step", "e0_shift")) {
                pred = pred.withColumn(c, r.values().column(c));
            }
            pred = pred.withMeta(java.util.Map.of(FeatureRecipe.META_KEY, recipe.toJson()));
        } else {
            double e0 = o.e0();
            if (e0 == 0 && in.has(EDGES)) {
                e0 = trainingEdge(in.get(EDGES));
                ctx.warn(String.format(java.util.Locale.ROOT, "measured spectra aligned to the training spectra's median E0 %.3f eV", e0));
            }
            List<MeasuredSpectra.Measured> legacy = new ArrayList<>();
            for (MeasuredFiles.Measured m : measured) {
                legacy.add(new MeasuredSpectra.Measured(m.source(), m.mu()));
            }
            spectra = MeasuredSpectra.table(legacy, model.inputGrid(), o.normalize(), e0, ctx);
            pred = model.predict(spectra, o.round()).withText("source", spectra.text("source"));
        }
        PredictStep.warnUncalibrated(model, ctx);
        String[] src = spectra.text("source");
        if (model.transform() != null && model.transform().options().scaling() == org.xasdaml.curation.Standardizer.Scaling.ZSCORE) {
            double[] d = trainingDistance(spectra, model.transform());
            if (model.calibration() == null) {
                for (int i = 0; i < d.length; i++) {
                    if (d[i] > FAR_FROM_TRAINING) {
                        ctx.warn(String.format(java.util.Locale.ROOT, "%s lies outside the training spectra (RMS z-score %.1f, "
                                + "training spectra about 1): its predictions are extrapolations", src[i], d[i]));
                    }
                }
            }
            pred = pred.withColumn("training_rms_z", d);
        }
        warnOutside(model, pred, src, ctx);
        return StepData.empty().with(SPECTRA, spectra).with(PREDICTIONS, pred);
    }

    /** One warning per measured file that lies outside the model's domain or whose value lies outside the labels' range. */
    static void warnOutside(ModelArchive model, SampleTable pred, String[] src, StepContext ctx) {
        if (model.calibration() == null) {
            return;
        }
        for (int i = 0; i < pred.rows(); i++) {
            List<String> why = new ArrayList<>();
            if (pred.hasColumn("in_domain") && pred.column("in_domain")[i] == 0) {
                why.add(String.format(java.util.Locale.ROOT, "its features lie outside the training domain (domain score %.2f, "
                        + "95 %% of validation spectra ≤ 1)", pred.column("domain_score")[i]));
            }
            for (String t : model.targets()) {
                if (pred.hasColumn(t + "_in_range") && pred.column(t + "_in_range")[i] == 0) {
                    Calibration.TargetInterval iv = model.calibration().interval(t);
                    why.add(String.format(java.util.Locale.ROOT, "%s %.4g [%.4g, %.4g] lies outside the training labels' range "
                            + "[%.4g, %.4g], interval and all", t, pred.column(t)[i], pred.column(t + "_lo")[i],
                            pred.column(t + "_hi")[i], iv.labelMin(), iv.labelMax()));
                }
            }
            if (!why.isEmpty()) {
                ctx.warn(src[i] + ": " + String.join("; ", why) + " — the prediction is an extrapolation, not a measurement");
            }
        }
    }

    /** RMS z-score above which a measured spectrum is reported as outside the training set. */
    static final double FAR_FROM_TRAINING = 3.0;

    /**
     * Root-mean-square z-score of each spectrum against the training spectra's column means and
     * standard deviations (the archive's standardiser): about 1 for a spectrum like the training
     * ones, much larger for one the models have never seen, whose predictions are extrapolations.
     */
    static double[] trainingDistance(SampleTable spectra, org.xasdaml.curation.Standardizer t) {
        double[] center = t.center();
        double[] scale = t.scale();
        double[] d = new double[spectra.rows()];
        for (int i = 0; i < d.length; i++) {
            double[] x = spectra.row(i);
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                double z = (x[j] - center[j]) / (scale[j] > 0 ? scale[j] : 1);
                s += z * z;
            }
            d[i] = Math.sqrt(s / x.length);
        }
        return d;
    }

    /**
     * The median of a table's e0 column: the median rather than the mean because Larch's E0 rule
     * lands a few eV off on the odd simulated spectrum whose grid starts right at the edge.
     */
    static double trainingEdge(SampleTable edges) {
        double[] e = edges.column("e0");
        if (e.length == 0) {
            throw new IllegalArgumentException("the edges table is empty");
        }
        return org.xasdaml.curation.recipe.SpectrumFeatures.medianE0(e);
    }
}
