package org.xasdaml.prediction;

import java.util.ArrayList;
import java.util.List;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.SpectrumFeatures;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Measured μ(E) spectra (read by {@code MeasuredFiles}) put on the energy grid of a model trained
 * without a feature recipe (paper M11), by the recipe path's own kernels ({@link SpectrumFeatures}):
 * normalise to unit edge step (Larch {@code pre_edge}, the
 * {@code norm} array), shift the energy so the measured E0 lands on the reference E0 of the
 * simulated training spectra (FEFF's absolute energies differ from a measurement's by several eV),
 * and interpolate onto the grid; a spectrum that does not cover the grid is refused.
 */
public final class MeasuredSpectra {
    private MeasuredSpectra() {
    }

    /** One measured spectrum and where it came from. */
    public record Measured(String name, MuSpectrum mu) {
    }

    /**
     * One spectrum on the grid.
     *
     * @param normalize   apply pre-edge/post-edge normalisation (norm) first
     * @param e0Reference edge energy of the training spectra in eV; NaN or 0 = no alignment
     * @return the values on the grid and the measured E0 used
     * @throws IllegalArgumentException naming the spectrum when it does not cover the grid
     */
    public static double[] onGrid(Measured m, Axis grid, boolean normalize, double e0Reference) {
        if (!grid.name().equals("energy")) {
            throw new IllegalArgumentException("measured μ(E) can only be given to models trained on an energy grid; this model "
                    + "takes " + grid + " (use χ(k) from the same processing as its training data)");
        }
        double[] e = m.mu().energy();
        double[] y = m.mu().mu();
        if (normalize || (e0Reference > 0)) {
            EdgeNormalization.Result r = SpectrumFeatures.preEdge(m.mu(), FeatureRecipe.PreEdge.larch());
            if (normalize) {
                y = r.norm();
            }
            if (e0Reference > 0) {
                double shift = e0Reference - r.e0();
                for (int i = 0; i < e.length; i++) {
                    e[i] += shift;
                }
            }
        }
        return SpectrumFeatures.onEnergyGrid(m.name(), e, y, grid, false);
    }

    /** All spectra as a table on the grid; ids are (position in the list, 0); failures are recorded. */
    public static SampleTable table(List<Measured> spectra, Axis grid, boolean normalize, double e0Reference,
                                    org.xasdaml.workflow.StepContext ctx) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            idx.add(i);
        }
        List<double[]> rows = org.xasdaml.workflow.ParallelSamples.map(idx, i -> new SampleId(i, 0), "measured spectra",
                i -> onGrid(spectra.get(i), grid, normalize, e0Reference), ctx);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> ok = new ArrayList<>();
        String[] names = new String[spectra.size()];
        List<String> okNames = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            names[i] = spectra.get(i).name();
            if (rows.get(i) != null) {
                ids.add(new SampleId(i, 0));
                ok.add(rows.get(i));
                okNames.add(names[i]);
            }
        }
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("no measured spectrum could be put on the model's grid " + grid
                    + (ctx.failures().isEmpty() ? "" : ": " + ctx.failures().get(0)));
        }
        return SampleTable.spectra(ids, normalize ? "norm" : "mu", grid, ok.toArray(new double[0][]))
                .withText("source", okNames.toArray(new String[0]));
    }
}
