package org.xasdaml.curation.recipe;

import static org.xasdaml.curation.FixtureArrays.array;
import static org.xasdaml.curation.FixtureArrays.relL2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.io.Json;
import org.xasdaml.table.Axis;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.ParameterSet;

/**
 * Measured spectra through the recipe (the code predict-measured runs) against Larch 0.9.58:
 * fixtures/recipe_*.json made by make_recipe_fixtures.py (xasdaml-xafs test resources).
 */
class SpectrumFeaturesLarchTest {

    static final Path XAFS = Path.of("../xasdaml-xafs/src/test/resources/org/xasdaml/xafs");

    @TempDir
    Path dir;

    static FeatureRecipe recipe(String quantity) {
        FeaturesStep step = new FeaturesStep();
        return ParameterSet.of(step.defaults()).fromText(step.defaults(), Map.of("quantity", quantity, "input", "mu",
                "simulated", "false")).recipe();
    }

    @Test
    void xdiAndAthenaGroupsEqualLarch() throws Exception {
        BasicContext ctx = BasicContext.quiet(dir);
        List<MeasuredFiles.Measured> m = MeasuredFiles.read(List.of(XAFS.resolve("data/cu_metal_rt.xdi"), XAFS.resolve("io/cu.prj")),
                List.of(), MeasuredFiles.Columns.energyMu(), ctx);
        assertEquals(4, m.size(), "the foil and the project's three groups");
        Map<String, String> fixture = Map.of("cu_metal_rt.xdi", "cu_metal_rt", "cu.prj:cu010k.dat", "cu_prj_cu010k_dat",
                "cu.prj:cu050k.dat", "cu_prj_cu050k_dat", "cu.prj:cu150k.dat", "cu_prj_cu150k_dat");
        MeasuredFeatures.Result chi = MeasuredFeatures.make(m, recipe("chi"), null, ctx);
        MeasuredFeatures.Result chir = MeasuredFeatures.make(m, recipe("chir"), null, ctx);
        assertEquals(4, chi.features().rows());
        for (int i = 0; i < 4; i++) {
            String src = chi.features().text("source")[i];
            Map<String, Object> f = Json.parseObject(Files.readString(XAFS.resolve("fixtures/recipe_" + fixture.get(src) + ".json")));
            double e0 = ((Number) f.get("e0")).doubleValue();
            double step = ((Number) f.get("edge_step")).doubleValue();
            assertEquals(e0, chi.values().column("e0")[i], 0.1, src + " E0");
            assertEquals(step, chi.values().column("edge_step")[i], 1e-3 * step, src + " edge step");
            Axis k = chi.features().axis();
            double[] kRef = array(f, "k");
            assertEquals(kRef.length, k.size(), src + " k points");
            assertEquals(kRef[0], k.get(0), 1e-9);
            double rk = relL2(chi.features().row(i), array(f, "chi_k2"));
            assertTrue(rk <= 1e-4, src + ": k²χ(k) rel. L2 " + rk);
            double[] rRef = array(f, "r");
            assertEquals(rRef.length, chir.features().axis().size(), src + " R points");
            double rr = relL2(chir.features().row(i), array(f, "chir_mag"));
            assertTrue(rr <= 1e-4, src + ": |χ(R)| rel. L2 " + rr);
            System.out.printf("%s: ΔE0 %.2e eV, Δstep %.2e rel, k²χ rel L2 %.2e, |χ(R)| rel L2 %.2e%n", src,
                    Math.abs(e0 - chi.values().column("e0")[i]), Math.abs(step - chi.values().column("edge_step")[i]) / step, rk, rr);
        }
    }

    /**
     * chiRfilter: the k features are Re χ(q) of Larch's xftr over rmin..chiRfilter (1..5.5 Å,
     * Hanning, dR 0.1) — same measure and bound as the unfiltered k²χ(k) above. The filter removes
     * a sizeable part of the foil's k²χ(k) (paths beyond 5.5 Å and below 1 Å), printed.
     */
    @Test
    void fourierFilteredChiEqualsLarch() throws Exception {
        BasicContext ctx = BasicContext.quiet(dir);
        List<MeasuredFiles.Measured> m = MeasuredFiles.read(List.of(XAFS.resolve("data/cu_metal_rt.xdi"), XAFS.resolve("io/cu.prj")),
                List.of(), MeasuredFiles.Columns.energyMu(), ctx);
        FeaturesStep step = new FeaturesStep();
        FeatureRecipe r = ParameterSet.of(step.defaults()).fromText(step.defaults(), Map.of("quantity", "chi", "input", "mu",
                "simulated", "false", "chiRfilter", "5.5")).recipe();
        assertEquals(5.5, r.xftf().rfilter());
        assertEquals(r, FeatureRecipe.fromJson(r.toJson()), "the filter travels in the recipe's JSON");
        MeasuredFeatures.Result chi = MeasuredFeatures.make(m, r, null, ctx);
        MeasuredFeatures.Result plain = MeasuredFeatures.make(m, recipe("chi"), null, ctx);
        Map<String, String> fixture = Map.of("cu_metal_rt.xdi", "cu_metal_rt", "cu.prj:cu010k.dat", "cu_prj_cu010k_dat",
                "cu.prj:cu050k.dat", "cu_prj_cu050k_dat", "cu.prj:cu150k.dat", "cu_prj_cu150k_dat");
        for (int i = 0; i < 4; i++) {
            String src = chi.features().text("source")[i];
            Map<String, Object> f = Json.parseObject(Files.readString(XAFS.resolve("fixtures/recipe_" + fixture.get(src) + ".json")));
            double[] ref = array(f, "chiq_re_rfilter");
            assertEquals(ref.length, chi.features().axis().size(), src + " k points");
            double rq = relL2(chi.features().row(i), ref);
            assertTrue(rq <= 1e-4, src + ": filtered k²χ rel. L2 " + rq);
            double removed = relL2(chi.features().row(i), plain.features().row(i));
            assertTrue(removed > 0.05, src + ": the filter must change the features, rel. L2 " + removed);
            System.out.printf("%s: filtered k²χ rel L2 to Larch %.2e; filtered vs unfiltered %.3f%n", src, rq, removed);
        }
    }

    @Test
    void chosenAthenaGroupOnlyAndBadFileFailsAlone() throws Exception {
        BasicContext ctx = BasicContext.quiet(dir);
        Path bad = dir.resolve("broken.xdi");
        Files.writeString(bad, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#-----\n8900 1.0\n8901 oops\n");
        List<MeasuredFiles.Measured> m = MeasuredFiles.read(List.of(bad, XAFS.resolve("io/cu.prj")), List.of("cu050k.dat"),
                MeasuredFiles.Columns.energyMu(), ctx);
        assertEquals(1, m.size());
        assertEquals("cu.prj:cu050k.dat", m.get(0).source());
        assertEquals(1, ctx.failures().size());
        String msg = ctx.failures().get(0).message();
        assertTrue(msg.contains("broken.xdi") && msg.contains("line"), msg);
    }

    /**
     * A simulated FEFF μ(E) (xmu.dat of an MD Cu frame, as a column file: omega, mu in column 3)
     * through predict-measured's code and through the features step's training path for μ input
     * gives identical features; FEFF's own χ(k) (chi.dat, the training default) differs from autobk
     * on FEFF μ(E), which is why simulated χ is taken from FEFF (printed, see docs/architecture.md).
     */
    @Test
    void simulatedSpectrumThroughTheMeasuredPathEqualsTheTrainingPath() throws Exception {
        Path feff = Path.of("../xasdaml-feff/src/test/resources/org/xasdaml/feff");
        BasicContext ctx = BasicContext.quiet(dir);
        List<MeasuredFiles.Measured> m = MeasuredFiles.read(List.of(feff.resolve("larch_cu_frame0_noscf_xmu.dat")), List.of(),
                new MeasuredFiles.Columns(0, 3, -1, -1, -1), ctx);
        assertEquals(1, m.size(), ctx.failures().toString());
        FeatureRecipe r = recipe("chi");
        double[] measuredPath = MeasuredFeatures.make(m, r, null, ctx).features().row(0);
        org.xasdaml.table.SampleTable mu = org.xasdaml.table.SampleTable.spectra(List.of(new org.xasdaml.structure.SampleId(0, 0)),
                "mu", new Axis("energy", "eV", m.get(0).mu().energy()), new double[][] {m.get(0).mu().mu()});
        FeaturesStep step = new FeaturesStep();
        double[] trainingPath = step.run(org.xasdaml.workflow.StepData.empty().with(FeaturesStep.MU, mu),
                ParameterSet.of(step.defaults()).fromText(step.defaults(), Map.of("quantity", "chi", "input", "mu", "simulated",
                        "false")), ctx).get(FeaturesStep.FEATURES).row(0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(trainingPath, measuredPath, 0.0);
        org.xasdaml.xafs.ChiSpectrum c = org.xasdaml.xafs.io.FeffChiReader.read(feff.resolve("larch_cu_frame0_noscf_chi.dat"));
        double[] fromFeff = SpectrumFeatures.fromChi(c.k(), c.chi(), r, new SpectrumFeatures.Variation(1, 0, 0, 0, 0, 0)).features();
        System.out.printf("FEFF μ through autobk (E0 by find_e0, pre_edge step) vs FEFF chi.dat: k²χ rel L2 %.2f%n",
                relL2(measuredPath, fromFeff));
    }
}
