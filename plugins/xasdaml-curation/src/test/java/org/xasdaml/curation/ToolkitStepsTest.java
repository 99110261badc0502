package org.xasdaml.curation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRegistry;
import org.xasdaml.workflow.StepRunner;

class ToolkitStepsTest {

    static List<SampleId> ids(int n) {
        List<SampleId> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new SampleId(i, 0));
        }
        return l;
    }

    static Axis grid(int m) {
        double[] e = new double[m];
        for (int j = 0; j < m; j++) {
            e[j] = 8970 + j;
        }
        return new Axis("energy", "eV", e);
    }

    @Test
    void standardiseStepFitsOnTrainRowsOnlyAndCarriesTheSet(@TempDir Path dir) throws Exception {
        double[][] x = Fixtures.matrix("tall", "X");
        int n = x.length;
        SampleTable features = SampleTable.spectra(ids(n), "mu", grid(x[0].length), x);
        String[] sets = DatasetSplit.random(n, new DatasetSplit.Fractions(0.7, 0.2, 0.1), 42);
        SampleTable split = SampleTable.ofColumns(ids(n), List.of(), new double[0][]).withText("set", sets);
        StandardiseStep step = new StandardiseStep();
        StepData out = step.run(StepData.empty().with(StandardiseStep.FEATURES, features).with(StandardiseStep.SPLIT, split),
                step.defaults(), BasicContext.quiet(dir));
        Standardizer s = out.get(StandardiseStep.TRANSFORM);
        assertEquals(56, s.trainingSamples());
        double[] mean = new double[x[0].length];
        int nt = 0;
        for (int i = 0; i < n; i++) {
            if (sets[i].equals("train")) {
                nt++;
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += x[i][j];
                }
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= nt;
        }
        assertArrayEquals(mean, s.center(), 1e-12);
        SampleTable z = out.get(StandardiseStep.STANDARDISED);
        assertEquals(features.axis(), z.axis());
        assertEquals(sets[3], z.text(3, "set"));
        assertArrayEquals(s.apply(x[3]), z.row(3), 1e-15);
        // the fitted transform applied to new data as it is; another grid is refused
        StepData again = step.run(StepData.empty().with(StandardiseStep.FEATURES, features).with(StandardiseStep.TRANSFORM_IN, s),
                step.defaults(), BasicContext.quiet(dir));
        assertArrayEquals(z.row(10), again.get(StandardiseStep.STANDARDISED).row(10), 0);
        SampleTable shifted = SampleTable.spectra(ids(n), "mu", new Axis("energy", "eV",
                java.util.Arrays.stream(grid(x[0].length).values()).map(e -> e + 0.5).toArray()), x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step.run(StepData.empty()
                .with(StandardiseStep.FEATURES, shifted).with(StandardiseStep.TRANSFORM_IN, s), step.defaults(), BasicContext.quiet(dir)));
        assertTrue(e.getMessage().contains("grid"));
    }

    @Test
    void statisticsTableMatchesNumpyAndHasOneRowPerColumnAndSubset(@TempDir Path dir) throws Exception {
        double[] v = Fixtures.vector("describe", "values");
        int n = v.length;
        double[] cr = new double[n];
        for (int i = 0; i < n; i++) {
            cr[i] = 2.4 + 0.01 * i;
        }
        SampleTable labels = SampleTable.ofColumns(ids(n), List.of("CN_JmolNN", "CR_JmolNN"), new double[][] {v, cr});
        String[] sets = DatasetSplit.random(n, new DatasetSplit.Fractions(0.7, 0.2, 0.1), 1);
        SampleTable split = SampleTable.ofColumns(ids(n), List.of(), new double[0][]).withText("set", sets);
        StatisticsStep step = new StatisticsStep();
        StatisticsStep.Options o = new StatisticsStep.Options(List.of(), 1.0, 0.1, 30, false);
        StepData out = step.run(StepData.empty().with(StatisticsStep.LABELS, labels).with(StatisticsStep.SPLIT, split), o,
                BasicContext.quiet(dir));
        Summary s = out.get(StatisticsStep.STATISTICS);
        assertEquals(8, s.rows().size()); // 2 columns x (all, train, valid, test)
        List<Object> all = s.rows().get(0);
        assertEquals("CN_JmolNN", all.get(0));
        assertEquals("all", all.get(1));
        assertEquals(Fixtures.number("describe", "count"), ((Number) all.get(2)).doubleValue());
        assertEquals(Fixtures.number("describe", "mean"), ((Number) all.get(3)).doubleValue(), 1e-12);
        assertEquals(Fixtures.number("describe", "std"), ((Number) all.get(4)).doubleValue(), 1e-12);
        assertEquals(Fixtures.number("describe", "q25"), ((Number) all.get(7)).doubleValue(), 1e-12);
        assertEquals(Fixtures.number("describe", "q75"), ((Number) all.get(9)).doubleValue(), 1e-12);
        double[] counts = s.numbers("count");
        assertEquals(n, counts[1] + counts[2] + counts[3]);
        FigureSet figs = out.get(StatisticsStep.FIGURES);
        // per column: 4 histograms + density + box
        assertEquals(12, figs.figures().size());
        // the CSV round-trips through the port's codec
        CurationPorts.SUMMARY.codec().write(s, dir.resolve("statistics"));
        Summary back = CurationPorts.SUMMARY.codec().read(dir.resolve("statistics"));
        assertEquals(s.numbers("std")[5], back.numbers("std")[5], 0);
    }

    @Test
    void analysisFindsThreeBlobClustersByTheElbow(@TempDir Path dir) throws Exception {
        double[][] b = Fixtures.matrix("blobs", "X");
        int n = b.length;
        SampleTable spectra = SampleTable.spectra(ids(n), "x", new Axis("feature", "", new double[] {0, 1, 2, 3}), b);
        double[] cn = new double[n];
        for (int i = 0; i < n; i++) {
            cn[i] = i / 30 * 4 + 3; // 3, 7, 11 by blob
        }
        SampleTable labels = SampleTable.ofColumns(ids(n), List.of("CN_JmolNN"), new double[][] {cn});
        AnalysisStep step = new AnalysisStep();
        AnalysisStep.Options o = new AnalysisStep.Options(2, 6, 0, "spectra", 0, 10, 50, false);
        StepData out = step.run(StepData.empty().with(AnalysisStep.SPECTRA, spectra).with(AnalysisStep.LABELS, labels), o,
                BasicContext.quiet(dir));
        String[] cl = out.get(AnalysisStep.CLUSTERS).text("cluster");
        // each blob of 30 forms one cluster
        for (int blob = 0; blob < 3; blob++) {
            Set<String> seen = new HashSet<>();
            for (int i = blob * 30; i < blob * 30 + 30; i++) {
                seen.add(cl[i]);
            }
            assertEquals(1, seen.size(), "blob " + blob);
        }
        Summary elbow = out.get(AnalysisStep.ELBOW);
        double[] inertia = elbow.numbers("inertia");
        double[] ref = Fixtures.vector("blobs", "elbow_inertia_k1_6");
        assertEquals(ref[0], inertia[0], ref[0] * 1e-12);
        assertEquals(ref[2], inertia[2], ref[2] * 1e-3);
        assertEquals("used", elbow.rows().get(2).get(3));
        Summary var = out.get(AnalysisStep.VARIANCE);
        double total = 0;
        for (double r : var.numbers("explained_variance_ratio")) {
            total += r;
        }
        assertEquals(1.0, total, 1e-9); // 4 features: all 4 components kept in the variance table
        List<String> names = out.get(AnalysisStep.FIGURES).figures().stream().map(Figure::name).toList();
        assertTrue(names.containsAll(List.of("pca_explained_variance", "pca_loadings", "pca_scores_clusters", "kmeans_elbow",
                "cluster_1_spectra", "cluster_3_spectra", "pca_scores_CN_JmolNN", "box_CN_JmolNN_clusters")), names.toString());
    }

    @Test
    void plotPositionsAreOnePerBlockAndSeeded() {
        int[] p = PlotsStep.positions(5001, 0, 0, 500, true, 42);
        assertEquals(11, p.length); // as the reference: 5001 samples, interval 500
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= 500 * i && p[i] < Math.min(500 * (i + 1), 5001), "block " + i + ": " + p[i]);
        }
        assertEquals(5000, p[10]);
        assertArrayEquals(p, PlotsStep.positions(5001, 0, 0, 500, true, 42));
        assertArrayEquals(new int[] {100, 300}, PlotsStep.positions(1000, 100, 400, 200, false, 1));
    }

    @Test
    void plotsStepDrawsEveryKindForTheChosenSamples(@TempDir Path dir) throws Exception {
        double[] energy = ReconcileStepTest.feffLikeGrid();
        SampleTable mu = ReconcileStepTest.spectra(energy, new double[] {8979, 8980, 8981});
        double[] k = new double[400];
        double[][] chi = new double[3][400];
        for (int i = 0; i < 400; i++) {
            k[i] = 0.05 * (i + 1);
            for (int s = 0; s < 3; s++) {
                chi[s][i] = Math.sin(5 * k[i]) * Math.exp(-0.01 * k[i] * k[i]) / k[i];
            }
        }
        SampleTable chiT = SampleTable.spectra(ids(3), "chi", new Axis("k", "Å⁻¹", k), chi);
        SampleTable labels = SampleTable.ofColumns(ids(3), List.of("CN_JmolNN", "CR_JmolNN", "CN_VoronoiNN"),
                new double[][] {{3, 4, 5}, {2.5, 2.6, 2.7}, {12, 12, 11}});
        PlotsStep step = new PlotsStep();
        PlotsStep.Options o = new PlotsStep.Options(0, 0, 2, "first", 42, 2, 2, 12, 1, 3, true);
        StepData out = step.run(StepData.empty().with(PlotsStep.MU, mu).with(PlotsStep.CHI, chiT).with(PlotsStep.LABELS, labels), o,
                BasicContext.quiet(dir));
        List<String> names = out.get(PlotsStep.FIGURES).figures().stream().map(Figure::name).toList();
        assertEquals(List.of("sample_0_mu", "sample_0_chi", "sample_0_k2chi", "sample_0_chir", "sample_0_chiq",
                "sample_2_mu", "sample_2_chi", "sample_2_k2chi", "sample_2_chir", "sample_2_chiq", "cn_scatter", "cr_scatter",
                "cn_cr_scatter"), names);
        // the |χ(R)| of sin(2·2.5·k)/k peaks near R = 2.5 Å
        assertTrue(out.get(PlotsStep.FIGURES).figures().get(3).svg().contains("R (Å)"));
    }

    private static <P extends Record> void roundTrip(Step<P> s) {
        P d = s.defaults();
        s.parameters().validate(d);
        assertEquals(d, s.parameters().fromText(s.parameters().toText(d)), s.info().id());
    }

    @Test
    void everyStepIsRegisteredAndRunsThroughTheRunner(@TempDir Path dir) throws Exception {
        List<String> found = new ArrayList<>();
        for (Step<?> s : StepRegistry.load(getClass().getClassLoader()).steps()) {
            found.add(s.info().id());
            roundTrip(s);
        }
        assertTrue(found.containsAll(List.of("reconcile", "plots", "statistics", "analysis", "filter", "split", "standardise")),
                found.toString());
        SplitStep split = new SplitStep();
        SampleTable labels = SampleTable.ofColumns(ids(20), List.of("CN_JmolNN"), new double[][] {new double[20]});
        StepRunner.run(split, StepData.empty().with(SplitStep.SAMPLES, labels), java.util.Map.of(), split.defaults(),
                BasicContext.quiet(dir.resolve("work")), dir.resolve("out"));
        assertTrue(Files.exists(dir.resolve("out/split.csv")) || Files.exists(dir.resolve("out/split.npz")));
        assertTrue(Files.exists(dir.resolve("out/provenance.json")));
    }
}
