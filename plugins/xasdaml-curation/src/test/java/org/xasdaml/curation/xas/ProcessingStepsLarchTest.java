package org.xasdaml.curation.xas;

import static org.xasdaml.curation.FixtureArrays.array;
import static org.xasdaml.curation.FixtureArrays.relL2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.io.Json;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/**
 * The processing steps chained as a user would (read → normalise → autobk → xftf) on Larch's
 * Cu foil XDI and on each group of an Athena project, against Larch 0.9.58
 * (fixtures/recipe_*.json of xasdaml-xafs, made by make_recipe_fixtures.py).
 */
class ProcessingStepsLarchTest {

    static final Path XAFS = Path.of("../xasdaml-xafs/src/test/resources/org/xasdaml/xafs");

    @TempDir
    Path dir;

    void check(String file, List<String> groups, String fixture) throws Exception {
        BasicContext ctx = BasicContext.quiet(dir.resolve(fixture));
        ReadSpectraStep read = new ReadSpectraStep();
        SampleTable mu = read.run(StepData.empty(), ReadSpectraStep.Options.of(List.of(XAFS.resolve(file).toString()), groups), ctx)
                .get(ReadSpectraStep.MU);
        NormaliseStep norm = new NormaliseStep();
        SampleTable edges = norm.run(StepData.empty().with(NormaliseStep.MU, mu), norm.defaults(), ctx).get(NormaliseStep.EDGES);
        AutobkStep bk = new AutobkStep();
        StepData b = bk.run(StepData.empty().with(AutobkStep.MU, mu), bk.defaults(), ctx);
        SampleTable chi = b.get(AutobkStep.CHI);
        XftfStep ft = new XftfStep();
        SampleTable mag = ft.run(StepData.empty().with(XftfStep.CHI, chi), ft.defaults(), ctx).get(XftfStep.MAG);

        Map<String, Object> f = Json.parseObject(Files.readString(XAFS.resolve("fixtures/recipe_" + fixture + ".json")));
        double e0 = ((Number) f.get("e0")).doubleValue();
        double step = ((Number) f.get("edge_step")).doubleValue();
        assertEquals(e0, edges.column("e0")[0], 0.1, fixture + " E0");
        assertEquals(step, edges.column("edge_step")[0], 1e-3 * step, fixture + " edge step");
        assertEquals(e0, b.get(AutobkStep.VALUES).column("e0")[0], 0.1);
        double[] kRef = array(f, "k");
        double[] k = chi.axis().values();
        double[] k2chi = new double[kRef.length];
        int i0 = (int) Math.round(kRef[0] / 0.05);
        for (int i = 0; i < kRef.length; i++) {
            assertEquals(kRef[i], k[i0 + i], 1e-9);
            k2chi[i] = chi.row(0)[i0 + i] * k[i0 + i] * k[i0 + i];
        }
        double rk = relL2(k2chi, array(f, "chi_k2"));
        double[] rRef = array(f, "r");
        Axis r = mag.axis();
        int j0 = 0;
        while (r.get(j0) < rRef[0] - 1e-9) {
            j0++;
        }
        double[] m = java.util.Arrays.copyOfRange(mag.row(0), j0, j0 + rRef.length);
        double rr = relL2(m, array(f, "chir_mag"));
        System.out.printf("steps %s: ΔE0 %.1e eV, Δstep %.1e rel, k²χ rel L2 %.2e, |χ(R)| rel L2 %.2e%n", fixture,
                Math.abs(e0 - edges.column("e0")[0]), Math.abs(step - edges.column("edge_step")[0]) / step, rk, rr);
        assertTrue(rk <= 1e-4, fixture + " k²χ rel L2 " + rk);
        assertTrue(rr <= 1e-4, fixture + " |χ(R)| rel L2 " + rr);
        assertEquals(mu.text("source")[0], mag.text("source")[0], "source kept");
    }

    @Test
    void foilAndAthenaGroupsEqualLarch() throws Exception {
        check("data/cu_metal_rt.xdi", List.of(), "cu_metal_rt");
        check("io/cu.prj", List.of("cu010k.dat"), "cu_prj_cu010k_dat");
        check("io/cu.prj", List.of("cu150k.dat"), "cu_prj_cu150k_dat");
    }

    @Test
    void alignmentFindsAKnownShiftAndWrongAxesAreRefused() throws Exception {
        BasicContext ctx = BasicContext.quiet(dir);
        SampleTable mu = new ReadSpectraStep().run(StepData.empty(), ReadSpectraStep.Options.of(
                List.of(XAFS.resolve("data/cu_metal_rt.xdi").toString()), List.of()), ctx).get(ReadSpectraStep.MU);
        double[] e = mu.axis().values();
        double[] shifted = org.xasdaml.xafs.GridInterpolation.linear(e, mu.row(0), AlignStep.clamp(
                java.util.Arrays.stream(e).map(x -> x + 2.5).toArray(), e[0], e[e.length - 1]),
                org.xasdaml.xafs.GridInterpolation.Extrapolation.CLAMP); // the edge now 2.5 eV lower
        SampleTable moved = SampleTable.spectra(mu.ids(), "mu", mu.axis(), new double[][] {shifted});
        AlignStep align = new AlignStep();
        SampleTable s = align.run(StepData.empty().with(AlignStep.MU, moved).with(AlignStep.REFERENCE, mu),
                new AlignStep.Options("reference", 0, -20, 60, 10), ctx).get(AlignStep.SHIFTS);
        assertEquals(2.5, s.column("shift")[0], 0.05, "shift recovered by derivative matching");
        SampleTable toE0 = align.run(StepData.empty().with(AlignStep.MU, mu), new AlignStep.Options("e0", 8979.0, -20, 60, 10), ctx)
                .get(AlignStep.SHIFTS);
        assertEquals(8979.0, toE0.column("e0_aligned")[0], 1e-9);
        SampleTable chiLike = SampleTable.spectra(mu.ids(), "chi", new Axis("k", "Å⁻¹", java.util.Arrays.stream(e).map(x -> x - e[0])
                .toArray()), new double[][] {mu.row(0)});
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new NormaliseStep().run(
                StepData.empty().with(NormaliseStep.MU, chiLike), new NormaliseStep().defaults(), ctx));
        assertTrue(ex.getMessage().contains("wrong quantity"), ex.getMessage());
    }
}
