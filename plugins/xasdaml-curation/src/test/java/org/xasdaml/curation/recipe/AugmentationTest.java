package org.xasdaml.curation.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.SplitStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.StepData;
import org.xasdaml.xafs.io.XdiReader;

/** Augmentation through the recipe, the split by source sample, and alignment of energy features. */
class AugmentationTest {

    @TempDir
    Path dir;

    static FeaturesStep.Options options(Map<String, String> changes) {
        FeaturesStep s = new FeaturesStep();
        return ParameterSet.of(s.defaults()).fromText(s.defaults(), changes);
    }

    /** χ(k) of two shells on 0..16 Å⁻¹ for a few samples (frames 0..n-1). */
    static SampleTable chi(int n) {
        double[] k = new double[321];
        for (int i = 0; i < k.length; i++) {
            k[i] = 0.05 * i;
        }
        double[][] rows = new double[n][k.length];
        List<SampleId> ids = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            ids.add(new SampleId(s, 0));
            for (int i = 1; i < k.length; i++) {
                rows[s][i] = (10 + s) * Math.sin(2 * 2.55 * k[i] - 0.3) * Math.exp(-0.012 * k[i] * k[i]) / (k[i] * 6.5);
            }
        }
        return SampleTable.spectra(ids, "chi", new Axis("k", "Å⁻¹", k), rows);
    }

    @Test
    void amplitudeAndDampingActOnChiAsTheExafsEquation() {
        SampleTable t = chi(1);
        FeatureRecipe r = options(Map.of()).recipe();
        double[] k = t.axis().values();
        double[] base = SpectrumFeatures.fromChi(k, t.row(0), r, new SpectrumFeatures.Variation(1, 0, 0, 0, 0, 0)).features();
        double[] s = SpectrumFeatures.fromChi(k, t.row(0), r, new SpectrumFeatures.Variation(0.85, 0, 0, 0, 0, 0)).features();
        double[] d = SpectrumFeatures.fromChi(k, t.row(0), r, new SpectrumFeatures.Variation(1, 0, 0.002, 0, 0, 0)).features();
        double[] kf = SpectrumFeatures.axis(r).values();
        assertEquals(3.0, kf[0], 1e-12);
        assertEquals(11.0, kf[kf.length - 1], 1e-12);
        for (int i = 0; i < kf.length; i++) {
            assertEquals(0.85 * base[i], s[i], 1e-12);
            assertEquals(base[i] * Math.exp(-2 * kf[i] * kf[i] * 0.002), d[i], 1e-12);
        }
    }

    @Test
    void chiChirIsTheWeightedChiFollowedByChirOfTheSameVariant() {
        SampleTable t = chi(1);
        double[] k = t.axis().values();
        SpectrumFeatures.Variation v = new SpectrumFeatures.Variation(0.9, 1.5, 0.001, 0, 0, 0);
        double[] a = SpectrumFeatures.fromChi(k, t.row(0), options(Map.of("quantity", "chi")).recipe(), v).features();
        double[] b = SpectrumFeatures.fromChi(k, t.row(0), options(Map.of("quantity", "chir")).recipe(), v).features();
        FeatureRecipe both = options(Map.of("quantity", "chi-chir")).recipe();
        double[] ab = SpectrumFeatures.fromChi(k, t.row(0), both, v).features();
        assertEquals(161, a.length); // k 3..11 Å⁻¹ by 0.05
        assertEquals(a.length + b.length, ab.length);
        assertEquals(ab.length, SpectrumFeatures.axis(both).size());
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], ab[i], 0);
        }
        for (int i = 0; i < b.length; i++) {
            assertEquals(b[i], ab[a.length + i], 0);
        }
    }

    @Test
    void variantsAreSeededKeepTheirSourceAndSplitTogether() {
        SampleTable t = chi(30);
        Map<String, String> ch = new HashMap<>(Map.of("variants", "3", "fwhmMax", "2", "noise", "0.002"));
        StepData a = new FeaturesStep().run(StepData.empty().with(FeaturesStep.CHI, t), options(ch), BasicContext.quiet(dir.resolve("a")));
        StepData b = new FeaturesStep().run(StepData.empty().with(FeaturesStep.CHI, t), options(ch), BasicContext.quiet(dir.resolve("b")));
        SampleTable fa = a.get(FeaturesStep.FEATURES);
        assertEquals(30 * 4, fa.rows());
        assertArrayEquals(fa.matrix()[7], b.get(FeaturesStep.FEATURES).matrix()[7], 0.0, "same seed, same variants");
        ch.put("seed", "7");
        SampleTable other = new FeaturesStep().run(StepData.empty().with(FeaturesStep.CHI, t), options(ch),
                BasicContext.quiet(dir.resolve("c"))).get(FeaturesStep.FEATURES);
        int v = fa.rowOf(new SampleId(100 + 5, 0)); // variant 1 of frame 5 (frames < 100)
        assertTrue(v >= 0);
        assertEquals("5:0", fa.text("source_sample")[v]);
        assertNotEquals(fa.row(v)[40], other.row(other.rowOf(new SampleId(105, 0)))[40]);
        SampleTable values = a.get(FeaturesStep.VALUES);
        for (double s02 : values.column("s02")) {
            assertTrue(s02 >= 0.85 - 1e-12 && s02 <= 0.95 + 1e-12, "S0² within 0.90 ± 0.05: " + s02);
        }
        for (double de0 : values.column("de0")) {
            assertTrue(Math.abs(de0) <= 3 + 1e-12);
        }
        // the split keeps all variants of a sample in one set
        SplitStep split = new SplitStep();
        SampleTable sets = split.run(StepData.empty().with(SplitStep.SAMPLES, fa), split.defaults(), BasicContext.quiet(dir))
                .get(SplitStep.SPLIT);
        Map<String, String> setOf = new HashMap<>();
        for (int i = 0; i < sets.rows(); i++) {
            String src = fa.text("source_sample")[fa.rowOf(sets.ids().get(i))];
            String set = sets.text("set")[i];
            assertEquals(setOf.getOrDefault(src, set), set, "variants of " + src + " in one set");
            setOf.put(src, set);
        }
        assertTrue(sets.meta().get("split.kind").contains("source sample"));
    }

    @Test
    void energyFeaturesAreAlignedToTheRecipeE0() throws Exception {
        XdiReader.XdiFile x = XdiReader.read(Path.of("../xasdaml-xafs/src/test/resources/org/xasdaml/xafs/data/cu_metal_rt.xdi"));
        double[] e = x.muSpectrum().energy();
        double[] mu = x.muSpectrum().mu();
        double[] moved = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            moved[i] = e[i] + 3.0; // the same spectrum measured 3 eV higher
        }
        FeatureRecipe r = options(Map.of("quantity", "norm", "input", "mu", "simulated", "false", "alignment", "e0",
                "e0Align", "8979", "below", "20", "above", "150", "points", "400")).recipe();
        SpectrumFeatures.Row a = SpectrumFeatures.fromMu(e, mu, r, SpectrumFeatures.Variation.NONE, false);
        SpectrumFeatures.Row b = SpectrumFeatures.fromMu(moved, mu, r, SpectrumFeatures.Variation.NONE, false);
        assertEquals(3.0, b.e0() - a.e0(), 1e-9);
        assertEquals(8979.0 - a.e0(), a.shift(), 1e-9);
        assertArrayEquals(a.features(), b.features(), 1e-6, "aligned: the same normalised μ on the grid");
    }
}
