package org.xasdaml.curation.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.StepContext;

/**
 * Measured spectra turned into a model's features by the model's recipe ({@link SpectrumFeatures},
 * the same code that made the training features): a spectrum the recipe cannot take (E0 not found,
 * energy range too short for the k range, …) is recorded as failed with its source and reason,
 * the others go on.
 */
public final class MeasuredFeatures {
    private MeasuredFeatures() {
    }

    /**
     * @param features one row per spectrum on the recipe's grid, text column source, the recipe in the metadata
     * @param values   per row e0, edge_step (μ units) and e0_shift (eV), text column source
     */
    public record Result(SampleTable features, SampleTable values) {
    }

    /**
     * @param grid the model's input grid; refused (never interpolated) when the recipe's axis differs
     */
    public static Result make(List<MeasuredFiles.Measured> spectra, FeatureRecipe recipe, Axis grid, StepContext ctx) {
        Axis axis = SpectrumFeatures.axis(recipe);
        if (grid != null && (!grid.name().equals(axis.name()) || !grid.unit().equals(axis.unit()) || !grid.sameGrid(axis, 1e-9))) {
            throw new IllegalArgumentException("the model's input grid " + grid + " is not the grid its recipe makes (" + axis
                    + "); refusing to interpolate");
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            idx.add(i);
        }
        List<SpectrumFeatures.Row> rows = ParallelSamples.map(idx, i -> new SampleId(i, 0), "features", i -> {
            MeasuredFiles.Measured m = spectra.get(i);
            try {
                return SpectrumFeatures.fromMu(m.mu().energy(), m.mu().mu(), recipe, SpectrumFeatures.Variation.NONE, false);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(m.source() + ": " + e.getMessage(), e);
            }
        }, ctx);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> f = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        List<String> src = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != null) {
                ids.add(new SampleId(i, 0));
                f.add(rows.get(i).features());
                v.add(new double[] {rows.get(i).e0(), rows.get(i).edgeStep(), rows.get(i).shift()});
                src.add(spectra.get(i).source());
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no measured spectrum fits the recipe"
                    + (ctx.failures().isEmpty() ? "" : ": " + ctx.failures().get(ctx.failures().size() - 1).message()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FeatureRecipe.META_KEY, recipe.toJson());
        meta.put("quantity", recipe.quantity());
        String[] s = src.toArray(new String[0]);
        return new Result(SampleTable.spectra(ids, recipe.quantity(), axis, f.toArray(new double[0][])).withMeta(meta).withText("source", s),
                SampleTable.ofRows(ids, List.of("e0", "edge_step", "e0_shift"), v.toArray(new double[0][])).withText("source", s));
    }
}
