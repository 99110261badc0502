package org.xasdaml.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xasdaml.curation.SpectrumGrid;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.ModelPorts;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/**
 * Predicts CN, CR (or whatever the model was trained on) for spectra with a saved model archive,
 * applying the archive's own preprocessing (paper M11).
 */
public final class PredictStep implements Step<PredictStep.Options> {

    public static final Port<ModelArchive> MODEL = Port.of("model", ModelPorts.MODEL, "A trained model archive");
    public static final Port<SampleTable> SPECTRA = Port.of("spectra", PortTypes.TABLE,
            "Spectra to predict for: a dataset split, new simulated spectra or measured spectra (one row each, on a grid)");
    public static final Port<SampleTable> PREDICTIONS = Port.of("predictions", PortTypes.TABLE,
            "Per sample the prediction of each target and its uncertainty (classifiers: also class probabilities)");

    /** Parameters of prediction. */
    public record Options(
            @Param(label = "Round to whole numbers", description = "Round regression predictions to whole numbers (for CN)") boolean round,
            @Param(label = "Interpolate onto the model grid", description = "Put spectra on another grid onto the model's grid by linear interpolation; a spectrum "
                    + "that does not cover the model's grid is refused") boolean regrid) {
    }

    @Override
    public StepInfo info() {
        return new StepInfo("predict", List.of("model", "predict"), "Predict", Category.PREDICTION_ANALYSIS, "M11",
                "Predicts structure descriptors from spectra with a saved model, uncertainty included.",
                """
                Applies the model archive's own preprocessing: spectra on the model's grid are used as they are; with \
                "regrid", spectra on another grid are interpolated onto it, and a spectrum that does not cover the \
                whole grid is refused with the sample and both ranges in the message (the other samples go on). \
                Then the stored transform (standardisation, PCA) and the model's scaling are applied.

                Tables that already hold the transformed features (the standardised dataset splits) are recognised by \
                their column names and only scaled by the model.

                Output: sample id, the prediction of every target and its uncertainty (the spread of the network \
                ensemble or of the trees; for classifiers 1 − the winning class's probability, and each class's \
                probability). Classes map back to labels with the mapping stored at training, never by an offset.

                With a model calibrated at training, each regression target T also gets T_lo and T_hi (the \
                split-conformal interval at the level in the table's metadata interval_level) and T_in_range (1 when \
                the interval reaches into the training labels' range: a value beyond the largest label by less than \
                its own uncertainty is not an extrapolation), and each row domain_score (distance of its \
                features to the training features; 95 % of validation spectra score ≤ 1) and in_domain (1/0).""",
                List.of(MODEL, SPECTRA), List.of(PREDICTIONS));
    }

    @Override
    public Options defaults() {
        return new Options(false, true);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        ModelArchive model = in.get(MODEL);
        SampleTable spectra = in.get(SPECTRA);
        warnUncalibrated(model, ctx);
        if (model.recipe() != null) {
            model.recipe().recordIn(ctx);
        }
        return StepData.empty().with(PREDICTIONS, predict(model, spectra, o, ctx));
    }

    /** Old archives predict as before, but say that their numbers come without intervals. */
    static void warnUncalibrated(ModelArchive model, StepContext ctx) {
        if (model.calibration() == null) {
            ctx.warn("the model archive (" + model + ") has no calibration (trained before intervals existed): predictions "
                    + "come without intervals (<target>_lo/_hi) and without a domain score; retrain it to get them");
        }
    }

    /**
     * Rows with a value that is not a number (NaN, ±∞) are recorded as failed samples naming the
     * first bad point and left out: a network or forest would turn them into plain-looking
     * numbers. The others go on.
     */
    static SampleTable finiteRows(SampleTable spectra, StepContext ctx) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < spectra.rows(); i++) {
            double[] r = spectra.row(i);
            int bad = -1;
            int count = 0;
            for (int j = 0; j < r.length; j++) {
                if (!Double.isFinite(r[j])) {
                    count++;
                    bad = bad < 0 ? j : bad;
                }
            }
            if (bad < 0) {
                keep.add(i);
            } else {
                String at = spectra.axis() != null ? String.format(Locale.ROOT, "%s %g %s", spectra.axis().name(),
                        spectra.axis().get(bad), spectra.axis().unit()) : "column " + spectra.columnNames().get(bad);
                ctx.recordFailure(new org.xasdaml.workflow.SampleFailure(spectra.ids().get(i), "predict",
                        count + " value(s) are not numbers (" + r[bad] + " first at " + at + "); not predicted. Check the spectrum"));
            }
        }
        if (keep.size() == spectra.rows()) {
            return spectra;
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("every spectrum holds values that are not numbers (NaN or infinite); nothing to predict");
        }
        return spectra.selectRows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The kernel: predictions for a table, regridding if asked. */
    public static SampleTable predict(ModelArchive model, SampleTable spectra, Options o, StepContext ctx) {
        requireSameRecipe(model, spectra);
        spectra = finiteRows(spectra, ctx);
        if (model.transform() != null && spectra.columnNames().equals(model.transform().outputNames())
                && (model.inputGrid() == null || spectra.axis() == null || !spectra.axis().sameGrid(model.inputGrid(), 1e-9))) {
            ctx.progress(0.5, "features already transformed; applying the model");
            return model.predictFeaturesScaled(spectra.ids(), spectra.matrix(), o.round());
        }
        Axis grid = model.inputGrid();
        if (grid != null && spectra.axis() != null && !spectra.axis().sameQuantity(grid)) {
            throw new IllegalArgumentException(ModelArchive.differentQuantity(spectra.axis(), grid));
        }
        if (grid != null && spectra.axis() != null && !spectra.axis().sameGrid(grid, ModelArchive.GRID_TOLERANCE)) {
            if (!o.regrid()) {
                return model.predict(spectra, o.round()); // refuses with the grids in the message
            }
            spectra = regrid(spectra, grid, ctx);
            if (spectra.rows() == 0) {
                throw new IllegalArgumentException("no spectrum covers the model's grid " + grid);
            }
        }
        return model.predict(spectra, o.round());
    }

    /**
     * Refuses features made by another recipe than the model's (e.g. another kweight or window on the
     * same grid, which the grid check cannot see); augmentation settings may differ.
     */
    static void requireSameRecipe(ModelArchive model, SampleTable spectra) {
        org.xasdaml.curation.recipe.FeatureRecipe m = model.recipe();
        org.xasdaml.curation.recipe.FeatureRecipe t = org.xasdaml.curation.recipe.FeatureRecipe.ofMeta(spectra.meta());
        if (m == null || t == null) {
            return;
        }
        org.xasdaml.curation.recipe.FeatureRecipe.Augmentation none = org.xasdaml.curation.recipe.FeatureRecipe.Augmentation.none();
        if (!m.withAugmentation(none).sameProcessing(t.withAugmentation(none))) {
            throw new IllegalArgumentException("the spectra's features were made by another recipe than the model's; model: "
                    + m.toMap() + ", spectra: " + t.toMap());
        }
    }

    /** Interpolates every spectrum onto the grid; spectra not covering it are recorded as failures. */
    static SampleTable regrid(SampleTable spectra, Axis grid, StepContext ctx) {
        SpectrumGrid g = new SpectrumGrid(grid);
        double[] x = spectra.axis().values();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < spectra.rows(); i++) {
            rows.add(i);
        }
        SampleTable src = spectra;
        List<double[]> mapped = ParallelSamples.map(rows, i -> src.ids().get(i), "regrid",
                i -> g.map("sample " + src.ids().get(i), x, src.row(i)), ctx);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> ok = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            if (mapped.get(k) != null) {
                ids.add(spectra.ids().get(k));
                ok.add(mapped.get(k));
            }
        }
        ctx.progress(0.3, String.format(Locale.ROOT, "%d of %d spectra put on the model's grid", ok.size(), rows.size()));
        String q = spectra.meta().getOrDefault("quantity", "x");
        return SampleTable.spectra(ids, q, grid, ok.toArray(new double[0][]));
    }

    /** The predictions' columns are the model's, as its port says them before running (see {@code ModelPorts.MODEL}). */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           java.util.Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        return output.equals(PREDICTIONS.name()) ? inputs.get(MODEL.name()) : null;
    }
}
