package org.xasdaml.curation.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.io.Json;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRunner;

/**
 * Many measured files in one table: Larch's Cu foil (XDI, 8779.0–10145.86 eV), its 10 K foil
 * (column file cu.xmu, 8786.204–11362.47 eV) and the three groups of an Athena project (cu.prj)
 * go on one stated grid (the overlap of their ranges at 0.25 eV), whatever the order of the files;
 * no spectrum's edge moves; a file that does not cover a given grid is refused alone.
 */
class ReadSpectraGridTest {
    static final Path XAFS = ProcessingStepsLarchTest.XAFS;

    @TempDir
    Path dir;

    static String file(String name) {
        return XAFS.resolve(name).toString();
    }

    StepData read(ReadSpectraStep.Options o, BasicContext ctx) {
        return new ReadSpectraStep().run(StepData.empty(), o, ctx);
    }

    /** E0 and edge step of every row, by the Larch-equal normalise step. */
    static SampleTable edges(SampleTable mu, BasicContext ctx) {
        NormaliseStep n = new NormaliseStep();
        return n.run(StepData.empty().with(NormaliseStep.MU, mu), n.defaults(), ctx).get(NormaliseStep.EDGES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void differentEnergiesGoOnTheOverlapAtAStatedStepWhateverTheOrder() throws Exception {
        List<String> files = List.of(file("data/cu_metal_rt.xdi"), file("data/cu.xmu"), file("io/cu.prj"));
        ReadSpectraStep step = new ReadSpectraStep();
        BasicContext ctx = BasicContext.quiet(dir.resolve("w"));
        StepData out = StepRunner.run(step, StepData.empty(), Map.of(), ReadSpectraStep.Options.of(files, List.of()), ctx,
                dir.resolve("read"));
        SampleTable mu = out.get(ReadSpectraStep.MU);
        assertEquals(List.of("cu_metal_rt.xdi", "cu.xmu", "cu.prj:cu010k.dat", "cu.prj:cu050k.dat", "cu.prj:cu150k.dat"),
                List.of(mu.text("source")));
        double[] g = mu.axis().values();
        // the overlap: from the highest first energy (cu.xmu, 8786.204 eV) to the lowest last one (the XDI, 10145.86 eV)
        assertEquals(8786.204, g[0], 1e-9);
        assertEquals(0.25, g[1] - g[0], 1e-9);
        assertTrue(g[g.length - 1] <= 10145.86 && g[g.length - 1] > 10145.86 - 6, "last " + g[g.length - 1]);
        // even 0.25 eV steps up to 15 eV above the median E0, then even 0.05 Å⁻¹ steps in k above it
        Map<String, Object> r0 = Json.parseObject(mu.meta().get(ReadSpectraStep.GRID_META));
        double e0ref = ((Number) r0.get("e0")).doubleValue();
        int last = 0;
        while (g[last + 1] <= e0ref + 15 + 1e-9) {
            assertEquals(0.25, g[last + 1] - g[last], 1e-9);
            last++;
        }
        for (int i = last + 1; i < g.length; i++) {
            double k = Math.sqrt((g[i] - e0ref) * org.xasdaml.xafs.XafsConstants.ETOK);
            assertEquals(Math.round(k / 0.05) * 0.05, k, 1e-9, "k grid at " + g[i]);
        }
        // the choice is recorded in the table and in the stage's provenance
        Map<String, Object> rule = Json.parseObject(mu.meta().get(ReadSpectraStep.GRID_META));
        assertTrue(rule.get("rule").toString().contains("0.25 eV steps") && rule.get("rule").toString().contains("0.05 Å⁻¹ steps in k") && rule.get("rule").toString().contains("cu.xmu")
                && rule.get("rule").toString().contains("cu_metal_rt.xdi"), rule.toString());
        Map<String, Object> prov = Json.parseObject(Files.readString(dir.resolve("read/provenance.json")));
        Map<String, Object> recorded = (Map<String, Object>) ((Map<String, Object>) prov.get("records")).get(ReadSpectraStep.GRID_META);
        assertEquals(rule, recorded);
        assertEquals(5, ((Number) recorded.get("points")).intValue() > 0 ? ((Number) recorded.get("spectra")).intValue() : -1);

        // the same files in another order: the same grid and the same spectra (no file's energies are privileged)
        List<String> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        SampleTable back = read(ReadSpectraStep.Options.of(reversed, List.of()), BasicContext.quiet(dir.resolve("w2"))).get(ReadSpectraStep.MU);
        assertTrue(back.axis().sameGrid(mu.axis(), 0));
        for (int i = 0; i < mu.rows(); i++) {
            int j = List.of(back.text("source")).indexOf(mu.text("source")[i]);
            assertArrayEquals(mu.row(i), back.row(j), 0.0, mu.text("source")[i]);
        }

        // what the common grid costs: E0 within 0.25 eV (the foils' own points are 0.5 eV apart at the edge), edge step within
        // 0.5 % of each spectrum's own energies over the same range
        SampleTable common = edges(mu, ctx);
        String[] alone = {"data/cu_metal_rt.xdi", "data/cu.xmu", "io/cu.prj", "io/cu.prj", "io/cu.prj"};
        String[] group = {null, null, "cu010k.dat", "cu050k.dat", "cu150k.dat"};
        for (int i = 0; i < alone.length; i++) {
            SampleTable own = read(ReadSpectraStep.Options.of(List.of(file(alone[i])), group[i] == null ? List.of() : List.of(group[i])),
                    ctx).get(ReadSpectraStep.MU);
            // on its own energies within the common range (pre_edge's norm2 defaults to the end of the data, so the range
            // itself changes the edge step: cu.xmu's is 3.4 % higher on the overlap than on its own 8786-11362 eV)
            double[] x = own.axis().values();
            int a = 0;
            int b = x.length;
            while (x[a] < g[0] - 1e-9) {
                a++;
            }
            while (x[b - 1] > g[g.length - 1] + 1e-9) {
                b--;
            }
            SampleTable inRange = SampleTable.spectra(own.ids(), "mu", new org.xasdaml.table.Axis("energy", "eV",
                    java.util.Arrays.copyOfRange(x, a, b)), new double[][] {java.util.Arrays.copyOfRange(own.row(0), a, b)});
            SampleTable e = edges(inRange, ctx);
            double e0 = e.column("e0")[0];
            double stepOwn = e.column("edge_step")[0];
            System.out.printf("read grid %s: E0 own %.3f common %.3f eV, edge step own %.5f (whole range %.5f) common %.5f%n",
                    mu.text("source")[i], e0, common.column("e0")[i], stepOwn, edges(own, ctx).column("edge_step")[0],
                    common.column("edge_step")[i]);
            assertEquals(e0, common.column("e0")[i], 0.25, mu.text("source")[i] + " E0");
            assertEquals(stepOwn, common.column("edge_step")[i], 5e-3 * stepOwn, mu.text("source")[i] + " edge step");
        }
    }

    @Test
    void aFileThatDoesNotCoverAGivenGridIsRefusedAloneAndTheOthersGoOn() {
        // Larch's Roman glass (fluorescence, 8928.6–9354.3 eV) cannot give 8800–10000 eV
        List<String> files = List.of(file("data/cu_metal_rt.xdi"), file("data/cu_romanglass.xdi"), file("io/cu.prj"));
        BasicContext ctx = BasicContext.quiet(dir);
        ReadSpectraStep.Options o = new ReadSpectraStep.Options(files, List.of(), 0, 1, -1, -1, -1, "8800", "10000", 0.5);
        SampleTable mu = read(o, ctx).get(ReadSpectraStep.MU);
        assertEquals(List.of("cu_metal_rt.xdi", "cu.prj:cu010k.dat", "cu.prj:cu050k.dat", "cu.prj:cu150k.dat"), List.of(mu.text("source")));
        assertEquals(8800, mu.axis().get(0), 0);
        double end = mu.axis().get(mu.axis().size() - 1);
        assertTrue(end <= 10000 && end > 10000 - 6, "end " + end);
        assertEquals(1, ctx.failures().size(), ctx.failures().toString());
        SampleFailure f = ctx.failures().get(0);
        assertTrue(f.message().contains("cu_romanglass.xdi") && f.message().contains("8928.6") && f.message().contains("9354.2")
                && f.message().contains("refusing to extrapolate"), f.message());

        // by default the overlap narrows to the Roman glass's range, and says so
        SampleTable narrow = read(ReadSpectraStep.Options.of(files, List.of()), BasicContext.quiet(dir)).get(ReadSpectraStep.MU);
        assertEquals(5, narrow.rows());
        assertTrue(narrow.meta().get(ReadSpectraStep.GRID_META).contains("cu_romanglass.xdi"), narrow.meta().toString());
    }
}
