package org.xasdaml.curation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.recipe.EnergyGridOptions;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.SpectrumFeatures;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

class ReconcileStepTest {

    /** An arctan edge at e0 (width 1 eV) on a linear pre-edge, with a small damped EXAFS-like wiggle. */
    static double mu(double e, double e0) {
        double x = e - e0;
        double k = x > 0 ? Math.sqrt(0.2625 * x) : 0;
        return 0.1 + 1e-5 * (e - 8900) + (0.5 + Math.atan(x / 1.0) / Math.PI) * (1 + 0.05 * Math.sin(5 * k) * Math.exp(-0.02 * k * k));
    }

    static SampleTable spectra(double[] energy, double[] e0s) {
        List<SampleId> ids = new ArrayList<>();
        double[][] rows = new double[e0s.length][energy.length];
        for (int s = 0; s < e0s.length; s++) {
            ids.add(new SampleId(s, 0));
            for (int i = 0; i < energy.length; i++) {
                rows[s][i] = mu(energy[i], e0s[s]);
            }
        }
        return SampleTable.spectra(ids, "mu", new Axis("energy", "eV", energy), rows);
    }

    static double[] feffLikeGrid() {
        // 0.5 eV steps through the edge region, then 2 eV steps: not the output grid
        List<Double> e = new ArrayList<>();
        for (double v = 8900; v < 9100; v += 0.5) {
            e.add(v);
        }
        for (double v = 9100; v <= 9800; v += 2) {
            e.add(v);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A stated edge energy gives the grid edge − below … edge + above whatever E0s the data have, the
     * columns announced before running are those written, and the E0s and values are those of the
     * data's own grid where both grids meet (the spectra are not shifted).
     */
    @Test
    void aStatedEdgeEnergyGivesTheAnnouncedGrid(@TempDir Path dir) throws Exception {
        double[] e0s = {8979.0, 8981.5, 8977.5, 8980.0};
        ReconcileStep step = new ReconcileStep();
        ReconcileStep.Options stated = step.parameters().fromText(java.util.Map.of("edgeEnergy", "8979", "below", "20",
                "above", "180", "points", "401"));
        SampleTable mu = spectra(feffLikeGrid(), e0s);
        StepData out = step.run(StepData.empty().with(ReconcileStep.MU_IN, mu), stated, BasicContext.quiet(dir));
        StepData own = step.run(StepData.empty().with(ReconcileStep.MU_IN, mu), step.defaults(), BasicContext.quiet(dir));
        Axis grid = out.get(ReconcileStep.MU).axis();
        assertEquals(401, grid.size());
        assertEquals(8959.0, grid.get(0), 1e-9);
        assertEquals(9159.0, grid.get(400), 1e-9);
        assertEquals(0.5, grid.get(1) - grid.get(0), 1e-9);
        java.util.Map<String, org.xasdaml.workflow.TableColumns> in = java.util.Map.of("mu",
                org.xasdaml.workflow.TableColumns.of(mu));
        assertEquals(step.outputColumns("mu-grid", stated, in).numeric(), out.get(ReconcileStep.MU).columnNames());
        assertEquals(step.outputColumns("norm-grid", stated, in).numeric(), out.get(ReconcileStep.NORM).columnNames());
        assertEquals(null, step.outputColumns("mu-grid", step.defaults(), in), "the data's E0s: known only after running");
        assertArrayEquals(own.get(ReconcileStep.EDGES).column("e0"), out.get(ReconcileStep.EDGES).column("e0"), 0.0);
        // the point 9000 eV lies on both grids (own: 8967.5 … 9181.5 in 1000 points does not hold it exactly; compare by value)
        int j = 82;
        assertEquals(9000.0, grid.get(j), 1e-9);
        for (int r = 0; r < e0s.length; r++) {
            assertEquals(mu(9000.0, e0s[r]), out.get(ReconcileStep.MU).row(r)[j], 1e-3, "sample " + r + " at 9000 eV");
        }
        // a connected grid table's grid is announced as well
        java.util.Map<String, org.xasdaml.workflow.TableColumns> withGrid = java.util.Map.of("mu",
                org.xasdaml.workflow.TableColumns.of(mu), "grid", org.xasdaml.workflow.TableColumns.of(own.get(ReconcileStep.MU)));
        assertEquals(own.get(ReconcileStep.NORM).columnNames(), step.outputColumns("norm-grid", stated, withGrid).numeric());
    }

    @Test
    void gridRunsFromLowestE0MinusTenToHighestE0PlusTwoHundred(@TempDir Path dir) throws Exception {
        double[] e0s = {8979.0, 8981.5, 8977.5, 8980.0};
        ReconcileStep step = new ReconcileStep();
        StepData out = step.run(StepData.empty().with(ReconcileStep.MU_IN, spectra(feffLikeGrid(), e0s)), step.defaults(),
                BasicContext.quiet(dir));
        SampleTable edges = out.get(ReconcileStep.EDGES);
        double[] found = edges.column("e0");
        // the steepest point of each arctan edge is its centre, a grid point of the 0.5 eV input grid
        assertArrayEquals(e0s, found, 1e-9);
        Axis grid = out.get(ReconcileStep.MU).axis();
        assertEquals(1000, grid.size());
        assertEquals(8977.5 - 10, grid.get(0), 1e-9);
        assertEquals(8981.5 + 200, grid.get(999), 1e-9);
        assertEquals((8981.5 + 200 - 8967.5) / 999, grid.get(1) - grid.get(0), 1e-9);
        // μ on the grid: linear interpolation of the input, compared with the analytic curve where the input step is 0.5 eV
        SampleTable m = out.get(ReconcileStep.MU);
        for (int j = 0; j < 600; j += 37) {
            assertEquals(mu(grid.get(j), e0s[1]), m.value(m.rowOf(new SampleId(1, 0)), j), 2e-3, "grid point " + j);
        }
        SampleTable norm = out.get(ReconcileStep.NORM);
        assertEquals(grid, norm.axis());
        // normalised μ: about 0 before the edge, about 1 well above it
        int row = norm.rowOf(new SampleId(0, 0));
        assertEquals(0, norm.value(row, 0), 0.05);
        assertEquals(1, norm.value(row, 900), 0.1);
    }

    @Test
    void aSpectrumThatDoesNotCoverTheGridIsRefusedAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        double[] full = feffLikeGrid();
        SampleTable good = spectra(full, new double[] {8979, 8980});
        ReconcileStep step = new ReconcileStep();
        StepData first = step.run(StepData.empty().with(ReconcileStep.MU_IN, good), step.defaults(), BasicContext.quiet(dir));
        // a later, measured spectrum ending 120 eV above its edge, put on the saved grid
        double[] shortGrid = java.util.Arrays.stream(full).filter(e -> e <= 9100).toArray();
        SampleTable later = spectra(shortGrid, new double[] {8979});
        SampleTable both = spectra(full, new double[] {8979.5});
        BasicContext ctx = BasicContext.quiet(dir);
        ReconcileStep.Options refuse = new ReconcileStep.Options(EnergyGridOptions.reference(), "refuse", 0, false, 10, 8, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step.run(StepData.empty()
                .with(ReconcileStep.MU_IN, later).with(ReconcileStep.GRID, first.get(ReconcileStep.MU)), refuse, ctx));
        assertTrue(e.getMessage().contains("no spectrum covers"), e.getMessage());
        assertEquals(1, ctx.failures().size(), "the short spectrum is recorded");
        assertTrue(ctx.failures().get(0).toString().contains("refusing to extrapolate"), ctx.failures().get(0).toString());
        assertTrue(ctx.failures().get(0).toString().contains("0:0"), ctx.failures().get(0).toString());
        // by default the short spectrum is clamped, and the uncovered eV above its data are recorded
        StepData clamped = step.run(StepData.empty().with(ReconcileStep.MU_IN, later).with(ReconcileStep.GRID, first.get(ReconcileStep.MU)),
                step.defaults(), BasicContext.quiet(dir));
        SampleTable edges = clamped.get(ReconcileStep.EDGES);
        Axis g = first.get(ReconcileStep.MU).axis();
        assertEquals(g.get(g.size() - 1) - 9100.0, edges.column("extrapolated_above")[0], 1e-9);
        assertEquals(0, edges.column("extrapolated_below")[0], 0);
        StepData ok = step.run(StepData.empty().with(ReconcileStep.MU_IN, both).with(ReconcileStep.GRID, first.get(ReconcileStep.MU)),
                step.defaults(), BasicContext.quiet(dir));
        assertEquals(first.get(ReconcileStep.MU).axis(), ok.get(ReconcileStep.MU).axis());
    }

    @Test
    void spectrumGridMapsANewSpectrumAndRefusesExtrapolation() {
        SpectrumGrid g = new SpectrumGrid(SpectrumFeatures.energyAxis(new FeatureRecipe.EnergyGrid(-10, 200, 5), 9000, 9002));
        assertArrayEquals(new double[] {8990, 9043, 9096, 9149, 9202}, g.values(), 1e-9);
        double[] x = {8980, 9300};
        double[] y = {0, 320};
        assertArrayEquals(new double[] {10, 63, 116, 169, 222}, g.map("new", x, y), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.map("measured-1", new double[] {8995, 9300}, y));
        assertTrue(e.getMessage().contains("measured-1"));
    }

    @Test
    void chiDropsKZeroAndWaveletMapsHaveTheRequestedShapeAndTopN(@TempDir Path dir) throws Exception {
        int nk = 400;
        double[] k = new double[nk + 1];
        for (int i = 0; i <= nk; i++) {
            k[i] = 0.05 * i;
        }
        List<SampleId> ids = new ArrayList<>();
        double[][] chi = new double[4][k.length];
        for (int s = 0; s < 4; s++) {
            ids.add(new SampleId(s, 0));
            for (int i = 0; i < k.length; i++) {
                chi[s][i] = (1 + 0.2 * s) * Math.sin(2 * (2.5 + 0.05 * s) * k[i]) * Math.exp(-0.01 * k[i] * k[i]) / Math.max(k[i], 0.5);
            }
            chi[s][0] = 0;
        }
        SampleTable chiT = SampleTable.spectra(ids, "chi", new Axis("k", "Å⁻¹", k), chi);
        ReconcileStep step = new ReconcileStep();
        ReconcileStep.Options o = new ReconcileStep.Options(EnergyGridOptions.reference(), "refuse", 0, true, 10, 8, 150);
        StepData out = step.run(StepData.empty().with(ReconcileStep.MU_IN, spectra(feffLikeGrid(), new double[] {8979, 8980, 8981, 8982}))
                .with(ReconcileStep.CHI_IN, chiT), o, BasicContext.quiet(dir));
        SampleTable c = out.get(ReconcileStep.CHI);
        assertEquals(400, c.numericColumns());
        assertEquals(0.05, c.axis().get(0), 1e-12);
        SampleTable wt = out.get(ReconcileStep.WAVELET);
        assertEquals(150, wt.numericColumns());
        // reference layout: 40 k values (0.05, 0.30, ..., 19.55) x 33 R values (every 4th of 131 up to 8 Å)
        assertEquals("33 x 40", wt.meta().get("wavelet.shape"));
        // the 150 kept columns are those of largest variance over the samples: compare with the full map
        ReconcileStep.Options full = new ReconcileStep.Options(EnergyGridOptions.reference(), "refuse", 0, true, 10, 8, 0);
        SampleTable all = step.run(StepData.empty().with(ReconcileStep.MU_IN, spectra(feffLikeGrid(), new double[] {8979, 8980, 8981, 8982}))
                .with(ReconcileStep.CHI_IN, chiT), full, BasicContext.quiet(dir)).get(ReconcileStep.WAVELET);
        assertEquals(1320, all.numericColumns());
        double[] var = new double[1320];
        for (int j = 0; j < 1320; j++) {
            double[] col = all.column(j);
            double mean = java.util.Arrays.stream(col).average().orElseThrow();
            var[j] = java.util.Arrays.stream(col).map(v -> (v - mean) * (v - mean)).sum() / col.length;
        }
        double[] sorted = var.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[1320 - 150];
        double[] keptAt = wt.axis().values();
        for (double flat : keptAt) {
            assertTrue(var[(int) flat] >= threshold, "column " + flat);
            assertArrayEquals(all.column((int) flat), wt.column(java.util.Arrays.binarySearch(keptAt, flat)), 0);
        }
    }

    /**
     * Reconcile, the features step and the measured path (predict-measured) are one implementation:
     * the measured Cu foil gets the same E0, edge step and normalised μ, bit for bit, by all three.
     */
    @Test
    void reconcileFeaturesAndTheMeasuredPathNormaliseAlike(@TempDir Path dir) throws Exception {
        Path foil = Path.of("../xasdaml-xafs/src/test/resources/org/xasdaml/xafs/data/cu_metal_rt.xdi");
        BasicContext ctx = BasicContext.quiet(dir);
        SampleTable mu = new org.xasdaml.curation.xas.ReadSpectraStep().run(StepData.empty(),
                org.xasdaml.curation.xas.ReadSpectraStep.Options.of(List.of(foil.toString()), List.of()), ctx)
                .get(org.xasdaml.curation.xas.ReadSpectraStep.MU);
        ReconcileStep step = new ReconcileStep();
        StepData r = step.run(StepData.empty().with(ReconcileStep.MU_IN, mu), new ReconcileStep.Options(
                new EnergyGridOptions(20, 150, 400), "refuse", 0, false, 10, 8, 0), ctx);
        SampleTable edges = r.get(ReconcileStep.EDGES);
        double e0 = edges.column("e0")[0];
        assertEquals(8980.5, e0, 0.1, "Larch's E0 of the foil");

        org.xasdaml.curation.recipe.FeaturesStep fs = new org.xasdaml.curation.recipe.FeaturesStep();
        org.xasdaml.curation.recipe.FeaturesStep.Options fo = fs.parameters().fromText(java.util.Map.of("quantity", "norm", "input", "mu",
                "simulated", "false", "alignment", "none", "e0Align", Double.toString(e0), "below", "20", "above", "150",
                "points", "400"));
        StepData f = fs.run(StepData.empty().with(org.xasdaml.curation.recipe.FeaturesStep.MU, mu), fo, ctx);
        SampleTable feats = f.get(org.xasdaml.curation.recipe.FeaturesStep.FEATURES);
        SampleTable norm = r.get(ReconcileStep.NORM);
        assertTrue(norm.axis().sameGrid(feats.axis(), 0), norm.axis() + " vs " + feats.axis());
        assertArrayEquals(norm.row(0), feats.row(0), 0.0, "reconcile and features: identical normalised μ");
        SampleTable values = f.get(org.xasdaml.curation.recipe.FeaturesStep.VALUES);
        assertEquals(e0, values.column("e0")[0], 0.0);
        assertEquals(edges.column("edge_step")[0], values.column("edge_step")[0], 0.0);

        var measured = org.xasdaml.curation.recipe.MeasuredFiles.read(List.of(foil), List.of(),
                org.xasdaml.curation.recipe.MeasuredFiles.Columns.energyMu(), ctx);
        SampleTable viaMeasured = org.xasdaml.curation.recipe.MeasuredFeatures.make(measured, fo.recipe(), feats.axis(), ctx).features();
        assertArrayEquals(norm.row(0), viaMeasured.row(0), 0.0, "reconcile and predict-measured: identical normalised μ");
    }
}
