package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.evaluation.IntervalCoverage;
import org.xasdaml.prediction.PredictStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/**
 * Calibrated intervals and the domain score on a real small training (Smile forest, Deeplearning4j
 * MLP ensemble) of 800 single-scattering spectra split 50/25/25: the 90 % intervals calibrated on
 * the validation quarter must cover close to 90 % of the test quarter, which the model never saw;
 * a spectrum unlike the training spectra must score outside the domain; an archive written before
 * calibration existed must still load and predict, without intervals.
 */
class CalibrationTest {
    static final SyntheticSpectra.Dataset DATA;
    static final SampleTable SPLIT;

    static {
        DATA = SyntheticSpectra.of(800, 7).generate();
        SPLIT = SyntheticSpectra.split(DATA.spectra().ids(), 0.5, 0.25, 7);
    }

    static List<SampleId> ids(String set) {
        List<SampleId> out = new ArrayList<>();
        String[] s = SPLIT.text("set");
        for (int i = 0; i < s.length; i++) {
            if (s[i].equals(set)) {
                out.add(SPLIT.ids().get(i));
            }
        }
        return out;
    }

    static ModelArchive train(ModelKind kind, int ensemble, String method) {
        return train(kind, ensemble, method, 0, SPLIT);
    }

    static ModelArchive train(ModelKind kind, int ensemble, String method, int folds, SampleTable split) {
        return train(kind, ensemble, method, folds, split, 1);
    }

    static ModelArchive train(ModelKind kind, int ensemble, String method, int folds, SampleTable split, int workers) {
        NetworkOptions no = new NetworkOptions(List.of(32, 16), List.of(4), 3, 2, List.of(16), 0.0, 1e-4, 3e-3, 32, 40, 5, 0.0,
                ensemble, 17);
        ForestOptions fo = ForestOptions.defaults(5).withTrees(60);
        return ModelTraining.train(DATA.spectra(), DATA.labels(), split, null,
                new ModelTraining.Spec(kind, Task.REGRESSION, List.of(SyntheticSpectra.CN, SyntheticSpectra.CR), no, fo, null, workers,
                        1, 0.9, method, folds), NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
    }

    /** Coverage and mean width of a target's interval on the test rows. */
    static IntervalCoverage testCoverage(ModelArchive a, String target) {
        List<SampleId> test = ids("test");
        SampleTable p = a.predict(DATA.spectra().selectIds(test), false);
        double[] truth = DATA.labels().selectIds(test).column(target);
        return IntervalCoverage.of(truth, p.column(target + "_lo"), p.column(target + "_hi"), p.meta().get("interval_level"));
    }

    /**
     * The label-range flag judges the interval, not the point: a CN of 12.2 ± 1.0 from a model trained on CN
     * 2-12 is what an unbiased model gives for a 12-coordinated metal, one of 13.5 ± 1.0 or −560 is not.
     */
    @Test
    void aValueBeyondTheLabelsByLessThanItsUncertaintyIsInRange() {
        Calibration.TargetInterval cn = new Calibration.TargetInterval("CN", "absolute", 1.0, 0, 2, 12, 2.0);
        assertTrue(cn.inRange(12.2, cn.halfWidth(0)));
        assertTrue(cn.inRange(1.5, cn.halfWidth(0)));
        assertFalse(cn.inRange(13.5, cn.halfWidth(0)));
        assertFalse(cn.inRange(-560, cn.halfWidth(0)));
        assertFalse(cn.inRange(12.2, 0.1), "a narrow interval wholly above the largest label");
        Calibration.TargetInterval scaled = new Calibration.TargetInterval("CN", "normalised", 2.0, 0.25, 2, 12, 2.0);
        assertTrue(scaled.inRange(12.9, scaled.halfWidth(0.25)), "half-width 2 × (0.25 + 0.25) = 1");
        assertFalse(scaled.inRange(13.1, scaled.halfWidth(0.25)));
    }

    @Test
    void forestIntervalsCoverTheTestSetNearTheirLevel() {
        ModelArchive auto = train(ModelKind.RF, 1, "auto");
        ModelArchive abs = train(ModelKind.RF, 1, "absolute");
        ModelArchive norm = train(ModelKind.RF, 1, "normalised");
        for (String t : List.of(SyntheticSpectra.CN, SyntheticSpectra.CR)) {
            IntervalCoverage ca = testCoverage(abs, t);
            IntervalCoverage cn = testCoverage(norm, t);
            IntervalCoverage cu = testCoverage(auto, t);
            System.out.printf(Locale.ROOT, "RF %s test coverage (n=%d): absolute %.3f width %.4g | normalised %.3f width %.4g | "
                    + "auto chose %s%n", t, ca.n(), ca.coverage(), ca.meanWidth(), cn.coverage(), cn.meanWidth(),
                    auto.calibration().interval(t).method());
            for (IntervalCoverage c : List.of(ca, cn, cu)) {
                assertTrue(c.coverage() >= 0.84 && c.coverage() <= 0.97, t + " coverage " + c.coverage());
            }
            assertEquals("0.9", cu.nominal());
        }
        // the archive's own test metrics carry the coverage too
        Map<?, ?> test = (Map<?, ?>) auto.metrics().get("test");
        assertNotNull(((Map<?, ?>) test.get(SyntheticSpectra.CN)).get("interval_coverage"));
    }

    /**
     * Cross-fitting: training and validation samples pooled into k folds, one model per fold, calibrated on
     * every pooled sample's prediction by the model that did not see it. The model is all fold models; its
     * intervals still cover the test set near their level, now calibrated on 600 samples instead of 200.
     */
    @Test
    void crossFittedModelsCalibrateOnEveryPooledSampleAndCoverTheTestSet() {
        // pairs of samples share a source (as the augmented variants of one spectrum do): folds keep them together
        String[] source = new String[SPLIT.rows()];
        for (int i = 0; i < source.length; i++) {
            source[i] = "s" + SPLIT.ids().get(i).frame() / 2;
        }
        SampleTable split = SPLIT.withText("source_sample", source);
        int pooled = ids("train").size() + ids("valid").size();
        long sources = java.util.stream.Stream.concat(ids("train").stream(), ids("valid").stream())
                .map(id -> id.frame() / 2).distinct().count();

        ModelArchive rf = train(ModelKind.RF, 1, "auto", 5, split);
        assertEquals(5, rf.calibration().folds());
        assertEquals(pooled, rf.calibration().validationSamples());
        assertEquals(5 * 60, ((ForestEnsemble) rf.predictor()).forests().get(0).trees().size(), "60 trees per fold");
        Map<?, ?> cf = (Map<?, ?>) rf.provenance().get("cross_fitting");
        assertEquals(sources, ((Number) cf.get("groups")).longValue());
        assertEquals("source_sample", cf.get("grouped_by"));
        assertNull(rf.metrics().get("valid"), "validation rows were trained on: no in-sample 'valid' score");
        Map<?, ?> oof = (Map<?, ?>) ((Map<?, ?>) rf.metrics().get("out_of_fold")).get(SyntheticSpectra.CN);
        assertEquals(pooled, ((Number) oof.get("n")).intValue());
        assertTrue(rf.calibration().method().contains("out-of-fold"), rf.calibration().method());
        // the domain score's 95 % is that of spectra its components had not seen, as the test spectra are
        double inside = java.util.Arrays.stream(rf.predict(DATA.spectra().selectIds(ids("test")), false).column("in_domain"))
                .average().orElse(0);
        System.out.printf(Locale.ROOT, "cross-fitted rf: test spectra in domain %.3f%n", inside);
        assertTrue(inside >= 0.92, "test spectra in domain " + inside);

        ModelArchive mlp = train(ModelKind.MLP, 1, "auto", 3, split, 2);
        assertEquals(3, ((NetworkEnsemble) mlp.predictor()).networks().size(), "one network per fold");
        // two folds at once on two threads: the same networks as one after the other
        SampleTable both = mlp.predict(DATA.spectra().selectIds(ids("test")), false);
        SampleTable one = train(ModelKind.MLP, 1, "auto", 3, split, 1).predict(DATA.spectra().selectIds(ids("test")), false);
        for (String c : List.of(SyntheticSpectra.CN, SyntheticSpectra.CN + "_lo", SyntheticSpectra.CR + "_hi", "domain_score")) {
            assertEquals(java.util.Arrays.toString(one.column(c)), java.util.Arrays.toString(both.column(c)), c);
        }
        assertEquals(3, ((List<?>) mlp.provenance().get("checkpoints")).size());
        for (ModelArchive a : List.of(rf, mlp)) {
            for (String t : List.of(SyntheticSpectra.CN, SyntheticSpectra.CR)) {
                IntervalCoverage c = testCoverage(a, t);
                double r2Oof = ((Number) ((Map<?, ?>) ((Map<?, ?>) a.metrics().get("out_of_fold")).get(t)).get("R2")).doubleValue();
                System.out.printf(Locale.ROOT, "cross-fitted %s %s: test coverage %.3f (n=%d), width %.4g, method %s, "
                        + "out-of-fold R² %.3f%n", a.kind().id(), t, c.coverage(), c.n(), c.meanWidth(),
                        a.calibration().interval(t).method(), r2Oof);
                // a fold model errs more than the mean of all of them, so where the networks' own variance dominates
                // (smooth noise-free synthetic spectra) the intervals err on the wide side: 0.985 for the MLP's CN
                assertTrue(c.coverage() >= 0.84 && c.coverage() <= (a.kind() == ModelKind.RF ? 0.97 : 0.995),
                        t + " coverage " + c.coverage());
            }
        }
    }

    @Test
    void networkEnsembleIntervalsCoverAndFarSpectrumIsOutOfDomain(@TempDir Path dir) throws Exception {
        ModelArchive a = train(ModelKind.MLP, 3, "auto");
        for (String t : List.of(SyntheticSpectra.CN, SyntheticSpectra.CR)) {
            IntervalCoverage c = testCoverage(a, t);
            System.out.printf(Locale.ROOT, "MLP×3 %s test coverage %.3f (n=%d), width %.4g, method %s%n", t, c.coverage(), c.n(),
                    c.meanWidth(), a.calibration().interval(t).method());
            assertTrue(c.coverage() >= 0.84 && c.coverage() <= 0.97, t + " coverage " + c.coverage());
        }
        // domain: 95 % of validation spectra score ≤ 1 by construction; test spectra about the same
        SampleTable pt = a.predict(DATA.spectra().selectIds(ids("test")), false);
        double inside = java.util.Arrays.stream(pt.column("in_domain")).average().orElse(0);
        System.out.printf(Locale.ROOT, "MLP×3 test spectra in domain: %.3f%n", inside);
        assertTrue(inside >= 0.88, "test spectra in domain " + inside);
        // the evaluation's count of the same (what the fresh-run check reports per model)
        org.xasdaml.evaluation.DomainRate rate = org.xasdaml.evaluation.DomainRate.of(pt, ids("test"));
        assertEquals(ids("test").size(), rate.n());
        assertEquals(inside, rate.inDomain(), 1e-12);

        // a far-off spectrum: a training spectrum with its oscillation tripled and a slope added
        SampleTable one = DATA.spectra().selectIds(List.of(ids("test").get(0)));
        double[] row = one.row(0);
        double[] far = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            far[i] = 3 * row[i] + 0.5 * i / row.length;
        }
        SampleTable farTable = SampleTable.spectra(List.of(new SampleId(9999, 0)), "chi", one.axis(), new double[][]{far});
        SampleTable pf = a.predict(farTable, false);
        System.out.printf(Locale.ROOT, "far spectrum: domain score %.2f%n", pf.column("domain_score")[0]);
        assertEquals(0.0, pf.column("in_domain")[0]);
        assertTrue(pf.column("domain_score")[0] > 3);

        // the calibration travels in the archive
        Path f = dir.resolve("m.xasmodel");
        a.write(f);
        ModelArchive b = ModelArchive.read(f);
        assertEquals(org.xasdaml.io.Json.write(a.calibration().toJson()), org.xasdaml.io.Json.write(b.calibration().toJson()));
        assertEquals(a.predict(farTable, false).column("domain_score")[0], b.predict(farTable, false).column("domain_score")[0], 0.0);
    }

    @Test
    void archiveWithoutCalibrationStillLoadsAndSaysSo(@TempDir Path dir) throws Exception {
        ModelArchive a = train(ModelKind.RF, 1, "auto");
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        a.write(full);
        // an archive as written before calibration existed: the same zip without calibration.json
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(full.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(old)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (!e.getName().equals(ModelArchive.CALIBRATION_ENTRY)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(b);
                    out.closeEntry();
                }
            }
        }
        ModelArchive o = ModelArchive.read(new ByteArrayInputStream(old.toByteArray()));
        assertNull(o.calibration());
        BasicContext ctx = BasicContext.quiet(dir);
        SampleTable p = new PredictStep().run(StepData.empty().with(PredictStep.MODEL, o).with(PredictStep.SPECTRA, DATA.spectra()),
                new PredictStep.Options(false, true), ctx).get(PredictStep.PREDICTIONS);
        assertTrue(p.hasColumn(SyntheticSpectra.CN) && p.hasColumn(SyntheticSpectra.CN + "_sd"));
        assertFalse(p.hasColumn(SyntheticSpectra.CN + "_lo"));
        assertFalse(p.hasColumn("domain_score"));
        assertTrue(ctx.warnings().stream().anyMatch(w -> w.contains("no calibration")), ctx.warnings().toString());
        // and the calibrated archive's columns, in the documented order
        SampleTable pc = a.predict(DATA.spectra(), false);
        assertEquals(List.of("CN_JmolNN", "CN_JmolNN_sd", "CN_JmolNN_lo", "CN_JmolNN_hi", "CN_JmolNN_in_range",
                "CR_JmolNN", "CR_JmolNN_sd", "CR_JmolNN_lo", "CR_JmolNN_hi", "CR_JmolNN_in_range", "domain_score", "in_domain"),
                pc.columnNames());
        assertEquals("0.9", pc.meta().get("interval_level"));
        assertTrue(pc.meta().get("interval_method").startsWith("split-conformal"));
    }
}
