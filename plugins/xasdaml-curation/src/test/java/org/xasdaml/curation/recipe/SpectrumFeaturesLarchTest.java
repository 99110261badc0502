package org.xasdaml.curation.recipe;

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

    @SuppressWarnings("unchecked")
    static double[] array(Map<String, Object> m, String key) {
        return ((List<Number>) m.get(key)).stream().mapToDouble(Number::doubleValue).toArray();
    }

    static double relL2(double[] a, double[] ref) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < ref.length; i++) {
            d += (a[i] - ref[i]) * (a[i] - ref[i]);
            n += ref[i] * ref[i];
        }
        return Math.sqrt(d / n);
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
}
