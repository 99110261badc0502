package org.xasdaml.curation.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.ReconcileStep;
import org.xasdaml.curation.xas.AutobkStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepData;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.io.XdiReader;

/**
 * The bad input, each case through the recipe's one implementation: a spectrum that does
 * not fit the recipe (energy range too short for the k range, E0 not found, non-increasing
 * energies, NaN) is refused on its own, named by file (and Athena group) or sample, with the
 * reason, and the rest go on; a table of the wrong quantity or with an axis of another name or
 * unit is refused, never interpolated.
 */
class RecipeBadInputTest {
    static final Path XAFS = Path.of("../xasdaml-xafs/src/test/resources/org/xasdaml/xafs");

    @TempDir
    Path dir;

    static MuSpectrum foil() throws Exception {
        return XdiReader.read(XAFS.resolve("data/cu_metal_rt.xdi")).muSpectrum();
    }

    Path columns(String name, double[] e, double[] mu) throws Exception {
        StringBuilder sb = new StringBuilder("# energy mu\n");
        for (int i = 0; i < e.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f %s%n", e[i], Double.isNaN(mu[i]) ? "nan" : Double.toString(mu[i])));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    static FeatureRecipe chiRecipe() {
        FeaturesStep s = new FeaturesStep();
        return s.parameters().fromText(Map.of("quantity", "chi", "input", "mu", "simulated", "false")).recipe();
    }

    static SampleFailure failureOf(BasicContext ctx, String file) {
        return ctx.failures().stream().filter(f -> f.message().contains(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure names " + file + ": " + ctx.failures()));
    }

    @Test
    void measuredSpectraThatDoNotFitTheRecipeAreRefusedOneByOne() throws Exception {
        MuSpectrum foil = foil();
        double[] e = foil.energy();
        double[] mu = foil.mu();
        // energy range too short for k up to 11 Å⁻¹: the foil cut 300 eV above its edge (k 8.9 Å⁻¹)
        int cut = 0;
        while (e[cut] < 8980.5 + 300) {
            cut++;
        }
        Path shortFile = columns("short.dat", java.util.Arrays.copyOf(e, cut), java.util.Arrays.copyOf(mu, cut));
        // E0 not found: absorption falling with energy, no edge anywhere
        double[] falling = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            falling[i] = 2 - 1e-4 * (e[i] - e[0]);
        }
        Path noEdge = columns("no-edge.dat", e, falling);
        // NaN in the data, and energies that go back
        double[] withNan = mu.clone();
        withNan[200] = Double.NaN;
        Path nan = columns("nan.dat", e, withNan);
        double[] back = e.clone();
        back[150] = back[148];
        Path order = columns("order.dat", back, mu);

        List<Path> files = List.of(XAFS.resolve("data/cu_metal_rt.xdi"), shortFile, noEdge, nan, order, XAFS.resolve("io/cu.prj"));
        BasicContext ctx = BasicContext.quiet(dir.resolve("w"));
        List<MeasuredFiles.Measured> read = MeasuredFiles.read(files, List.of(), MeasuredFiles.Columns.energyMu(), ctx);
        MeasuredFeatures.Result r = MeasuredFeatures.make(read, chiRecipe(), null, ctx);
        assertEquals(List.of("cu_metal_rt.xdi", "cu.prj:cu010k.dat", "cu.prj:cu050k.dat", "cu.prj:cu150k.dat"),
                List.of(r.features().text("source")), "the spectra that fit go on");
        assertEquals(4, ctx.failures().size(), ctx.failures().toString());
        String tooShort = failureOf(ctx, "short.dat").message();
        assertTrue(tooShort.contains("energy range too short") && tooShort.contains("11.00"), tooShort);
        String edge = failureOf(ctx, "no-edge.dat").message();
        assertTrue(edge.contains("no edge"), edge);
        assertEquals(nan + ", line 202: column 2 is NaN", failureOf(ctx, "nan.dat").message());
        String o = failureOf(ctx, "order.dat").message();
        assertTrue(o.contains("line 152") && o.contains("is not greater than the previous energy"), o);
    }

    @Test
    void trainingRowsThatDoNotFitAreRefusedAloneWithTheirSample() throws Exception {
        MuSpectrum foil = foil();
        double[] e = foil.energy();
        double[] good = foil.mu();
        double[] nan = good.clone();
        nan[100] = Double.NaN;
        double[] falling = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            falling[i] = 2 - 1e-4 * (e[i] - e[0]);
        }
        SampleTable mu = SampleTable.spectra(List.of(new SampleId(0, 0), new SampleId(1, 0), new SampleId(2, 0)), "mu",
                new Axis("energy", "eV", e), new double[][] {good, nan, falling});
        FeaturesStep s = new FeaturesStep();
        BasicContext ctx = BasicContext.quiet(dir.resolve("f"));
        SampleTable f = s.run(StepData.empty().with(FeaturesStep.MU, mu), s.parameters().fromText(Map.of("quantity", "chi", "input",
                "mu", "simulated", "false")), ctx).get(FeaturesStep.FEATURES);
        assertEquals(List.of(new SampleId(0, 0)), f.ids());
        assertEquals(2, ctx.failures().size(), ctx.failures().toString());
        assertEquals(new SampleId(1, 0), ctx.failures().get(0).sample());
        assertTrue(ctx.failures().get(0).message().contains("NaN"), ctx.failures().get(0).message());
        assertEquals(new SampleId(2, 0), ctx.failures().get(1).sample());
        assertTrue(ctx.failures().get(1).message().contains("no edge"), ctx.failures().get(1).message());
        // reconcile, through the same code, refuses the same rows and keeps the good one
        BasicContext rc = BasicContext.quiet(dir.resolve("r"));
        SampleTable norm = new ReconcileStep().run(StepData.empty().with(ReconcileStep.MU_IN, mu), new ReconcileStep().defaults(), rc)
                .get(ReconcileStep.NORM);
        assertEquals(List.of(new SampleId(0, 0)), norm.ids());
        assertEquals(List.of(new SampleId(1, 0), new SampleId(2, 0)), rc.failures().stream().map(SampleFailure::sample).toList());
    }

    @Test
    void wrongQuantitiesAndUnitsAreRefusedNeverInterpolated() throws Exception {
        MuSpectrum foil = foil();
        double[] keV = java.util.Arrays.stream(foil.energy()).map(x -> x / 1000).toArray();
        SampleTable inKeV = SampleTable.spectra(List.of(new SampleId(0, 0)), "mu", new Axis("energy", "keV", keV),
                new double[][] {foil.mu()});
        double[] k = new double[200];
        for (int i = 0; i < k.length; i++) {
            k[i] = 0.05 * i;
        }
        SampleTable chi = SampleTable.spectra(List.of(new SampleId(0, 0)), "chi", new Axis("k", "Å⁻¹", k), new double[][] {new double[200]});
        BasicContext ctx = BasicContext.quiet(dir);
        FeaturesStep fs = new FeaturesStep();
        FeaturesStep.Options measured = fs.parameters().fromText(Map.of("quantity", "chi", "input", "mu", "simulated", "false"));
        List<String> messages = new ArrayList<>();
        // μ(E) in keV where the recipe expects eV
        messages.add(assertThrows(IllegalArgumentException.class, () -> fs.run(StepData.empty().with(FeaturesStep.MU, inKeV), measured,
                ctx)).getMessage());
        // χ(k) given where μ(E) is expected, at features, reconcile and autobk
        messages.add(assertThrows(IllegalArgumentException.class, () -> fs.run(StepData.empty().with(FeaturesStep.MU, chi), measured,
                ctx)).getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> new ReconcileStep().run(StepData.empty()
                .with(ReconcileStep.MU_IN, inKeV), new ReconcileStep().defaults(), ctx)).getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> new AutobkStep().run(StepData.empty()
                .with(AutobkStep.MU, chi), new AutobkStep().defaults(), ctx)).getMessage());
        for (String m : messages) {
            assertTrue(m.contains("wrong quantity"), m);
        }
        // a model grid that is not the recipe's (another k window): refused, not interpolated onto it
        List<MeasuredFiles.Measured> one = List.of(new MeasuredFiles.Measured("cu_metal_rt.xdi", foil));
        Axis otherWindow = new Axis("k", "Å⁻¹", SpectrumFeatures.kGrid(2, 12));
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> MeasuredFeatures.make(one, chiRecipe(),
                otherWindow, ctx));
        assertTrue(grid.getMessage().contains("refusing to interpolate"), grid.getMessage());
        Axis energyGrid = new Axis("energy", "eV", new double[] {8970, 8980, 8990});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasuredFeatures.make(one, chiRecipe(), energyGrid, ctx))
                .getMessage().contains("refusing to interpolate"));
        assertTrue(ctx.failures().isEmpty(), "refused as a whole, not sample by sample: " + ctx.failures());
    }
}
