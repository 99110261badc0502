package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepData;

/**
 * The step with the real Feff8L on 20 frames of the public Cu set (no-SCF mode, so that it takes
 * seconds), against Larch's feffrunner on pymatgen's feff.inp for frame 0.
 */
class SimulateSpectraStepTest {

    /** The step's defaults with the given options changed, as a user's workflow file would give them. */
    static SimulateSpectraStep.Options options(SimulateSpectraStep step, Map<String, String> changed) {
        return step.parameters().fromText(changed);
    }

    private static SimulateSpectraStep.Options noScf(SimulateSpectraStep step) {
        return options(step, Map.of("mode", "no-scf", "timeLimit", "600"));
    }

    @Test
    void twentyCuFramesGiveMuAndChiAndABrokenFrameFailsAlone(@TempDir Path tmp) throws Exception {
        StructureSet cu = FeffFixtures.cuFrames(20);
        // frame 20: frame 3 with atom 5 moved onto atom 4
        Frame f3 = cu.frame(3);
        double[] p = f3.positions();
        System.arraycopy(p, 12, p, 15, 3);
        List<Frame> frames = new ArrayList<>(cu.frames());
        frames.add(new Frame(20, f3.elements(), p, null, null));
        List<SampleId> ids = new ArrayList<>(cu.samples());
        ids.add(new SampleId(20, 0));
        StructureSet set = new StructureSet(frames, ids, cu.source(), cu.sha256(), List.of());

        SimulateSpectraStep step = new SimulateSpectraStep();
        BasicContext ctx = new BasicContext(2, tmp.resolve("work"), null, null);
        StepData out = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, set), noScf(step), ctx);
        SampleTable mu = out.get(SimulateSpectraStep.MU);
        SampleTable chi = out.get(SimulateSpectraStep.CHI);
        SampleTable runs = out.get(SimulateSpectraStep.RUNS);

        assertEquals(20, mu.rows());
        assertEquals(20, chi.rows());
        assertEquals(cu.samples(), mu.ids());
        assertTrue(mu.numericColumns() >= 399 && mu.numericColumns() <= 401, "Feff8L's k grid 0 … 20 by 0.05, cut to the "
                + "range all samples cover: " + mu.numericColumns());
        assertEquals(400, chi.numericColumns(), "k = 0 dropped");
        assertEquals(0.05, chi.axis().get(0), 1e-9);
        assertEquals(20.0, chi.axis().get(399), 1e-9);
        assertEquals("energy", mu.axis().name());

        List<SampleFailure> failures = ctx.failures();
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(new SampleId(20, 0), failures.get(0).sample());
        assertTrue(failures.get(0).message().contains("atoms 4 (Cu) and 5 (Cu) are 0.000 Å apart"), failures.get(0).message());
        assertTrue(ctx.software().get("feff").startsWith("Feff8L (EXAFS) release 0.1"), ctx.software().toString());

        // frame 0 against Larch's feffrunner on pymatgen's feff.inp (fixtures of make_feff_fixtures.py)
        List<double[]> larchChi = FeffFixtures.rows(FeffFixtures.resource("larch_cu_frame0_noscf_chi.dat"));
        List<double[]> larchXmu = FeffFixtures.rows(FeffFixtures.resource("larch_cu_frame0_noscf_xmu.dat"));
        double[] ours = chi.row(chi.rowOf(new SampleId(0, 0)));
        double num = 0;
        double den = 0;
        for (int i = 0; i < 400; i++) {
            double k = larchChi.get(i + 1)[0];
            assertEquals(k, chi.axis().get(i), 1e-9);
            if (k >= 2 && k <= 12) {
                double d = k * k * (ours[i] - larchChi.get(i + 1)[1]);
                num += d * d;
                den += Math.pow(k * k * larchChi.get(i + 1)[1], 2);
            }
        }
        // coordinates differ only in their printed digits (pymatgen ~6 significant, ours 6 decimals)
        assertTrue(Math.sqrt(num / den) < 2e-3, "k²χ of frame 0 vs Larch: relative L2 " + Math.sqrt(num / den));
        // μ of frame 0 on the common grid against Larch's μ interpolated linearly there
        double[] muRow = mu.row(mu.rowOf(new SampleId(0, 0)));
        double[] lo = larchXmu.stream().mapToDouble(r -> r[0]).toArray();
        double[] lm = larchXmu.stream().mapToDouble(r -> r[3]).toArray();
        assertTrue(mu.axis().get(0) >= lo[0] - 1e-3);
        for (int i = 0; i < mu.numericColumns(); i++) {
            double e = mu.axis().get(i);
            int j = 0;
            while (j < lo.length - 2 && lo[j + 1] < e) {
                j++;
            }
            double ref = lm[j] + (e - lo[j]) / (lo[j + 1] - lo[j]) * (lm[j + 1] - lm[j]);
            assertEquals(ref, muRow[i], 3e-3 * Math.abs(ref) + 1e-5, "mu at " + e + " eV");
        }
        // every sample has its own Fermi level; frames differ
        double[] e0 = runs.column("e0");
        assertTrue(e0[0] > 8975 && e0[0] < 9000, "Cu K: FEFF puts e = 0 near 8991 eV, got " + e0[0]);
        double[] chi1 = chi.row(chi.rowOf(new SampleId(1, 0)));
        assertTrue(Math.abs(chi1[100] - ours[100]) > 1e-6, "frames 0 and 1 differ");

        // only feff.inp, the log and the result are kept for a finished sample
        Path f0 = FeffBatch.sampleFolder(tmp.resolve("work"), new SampleId(0, 0));
        try (var s = Files.list(f0)) {
            assertEquals(List.of("feff.inp", "feff.log", "result.txt"), s.map(x -> x.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void missingFeffIsSaidClearly() {
        FeffException e = org.junit.jupiter.api.Assertions.assertThrows(FeffException.class,
                () -> FeffProgram.locate("/nonexistent/feff/bin"));
        assertTrue(e.getMessage().contains("feff8l_rdinp was not found in the FEFF folder /nonexistent/feff/bin"), e.getMessage());
        assertTrue(e.getMessage().contains("feff85exafs"), e.getMessage());
    }

    @Test
    void referencePresetWritesTheReferencesCards() {
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options d = step.defaults();
        SimulateSpectraStep.Options r = options(step, Map.of("preset", "reference"));
        assertEquals(FeffCards.reference().lines(), r.cards().lines());
        assertEquals(FeffCards.defaults().lines(), d.cards().lines());
        assertEquals(Element.of("Cu"), Element.of("cu"));
    }

    /**
     * The default mode, local-scf, writes the configured cards with only the SCF card changed: radius localScfRadius
     * (3 Å), at most localScfIterations (30) iterations with convergence factor localScfMixing (0.1); mode full keeps scfRadius
     * (6.8 Å) and scfIterations, and local values given as text reach the cards.
     */
    @Test
    void localScfModeNarrowsOnlyTheScfRadius() {
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options d = step.defaults();
        assertEquals(FeffCards.defaults().withScf(new FeffCards.Scf(3.0, 0, 30, 0.1, 1)).lines(), d.settings().effectiveCards().lines());
        assertEquals(FeffMode.LOCAL_SCF, d.settings().mode());
        SimulateSpectraStep.Options full = step.parameters().fromText(d, java.util.Map.of("mode", "full"));
        assertEquals(FeffCards.defaults().lines(), full.settings().effectiveCards().lines());
        SimulateSpectraStep.Options wider = step.parameters().fromText(d, java.util.Map.of("localScfRadius", "3.3"));
        assertEquals("SCF 3.3 0 30 0.1 1", wider.settings().effectiveCards().lines().get(6));
        SimulateSpectraStep.Options longer = step.parameters().fromText(d, java.util.Map.of("localScfIterations", "4",
                "localScfMixing", "0.3", "scfIterations", "12"));
        assertEquals("SCF 3.0 0 4 0.3 1", longer.settings().effectiveCards().lines().get(6));
        assertEquals("SCF 6.8 0 12 0.1 1", step.parameters().fromText(longer, java.util.Map.of("mode", "full")).settings()
                .effectiveCards().lines().get(6));
    }

    /** Feff8L writes χ to 20 Å⁻¹ whatever the EXAFS card says; the step stores it up to the kmax asked for. */
    @Test
    void chiEndsAtTheKmaxAskedFor(@TempDir Path tmp) throws Exception {
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options o = options(step, Map.of("mode", "no-scf", "timeLimit", "600", "kmax", "12"));
        StepData out = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, FeffFixtures.cuFrames(2)), o,
                new BasicContext(2, tmp.resolve("work"), null, null));
        SampleTable chi = out.get(SimulateSpectraStep.CHI);
        assertEquals(240, chi.numericColumns(), "0.05 … 12 by 0.05");
        assertEquals(12.0, chi.axis().get(239), 1e-9);
        assertEquals(2, chi.rows());
    }

    /**
     * A stated threshold energy puts μ(E) on the grid the step announces before running (what KNIME's
     * configure shows), each sample's own rows moved by one constant: the same μ values as FEFF's own
     * energies, 401 rows from the threshold to k = 20 Å⁻¹, and the default keeps FEFF's own energies.
     */
    @Test
    void aStatedThresholdGivesTheAnnouncedGridWithFeffsOwnValues(@TempDir Path tmp) throws Exception {
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options d = noScf(step);
        SimulateSpectraStep.Options o = step.parameters().fromText(d, Map.of("muThreshold", "8975"));
        StepData own = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, FeffFixtures.cuFrames(2)), d,
                new BasicContext(2, tmp.resolve("work"), null, null));
        StepData stated = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, FeffFixtures.cuFrames(2)), o,
                new BasicContext(2, tmp.resolve("work"), null, null));
        SampleTable muOwn = own.get(SimulateSpectraStep.MU);
        SampleTable mu = stated.get(SimulateSpectraStep.MU);
        assertEquals(step.outputColumns("mu", o, java.util.Map.of()).numeric(), mu.columnNames(), "announced = written");
        assertEquals(null, step.outputColumns("mu", d, java.util.Map.of()), "FEFF's own energies: known only after running");
        assertEquals(401, mu.numericColumns());
        assertEquals(8975.0, mu.axis().get(0), 1e-9);
        // k = 10 Å⁻¹ is 380.998 eV above the threshold (KTOE = 3.80998 eV Å²)
        assertEquals(8975 + 380.998, mu.axis().get(200), 1e-3);
        double threshold = muOwn.axis().get(0);
        assertTrue(threshold > 8900 && threshold < 9100 && Math.abs(threshold - 8975) > 1, "FEFF's own threshold " + threshold);
        for (int r = 0; r < 2; r++) {
            // the same rows at other energies (FEFF's own table is on one sample's grid, the other's interpolated onto it)
            for (int i : new int[] {100, 200, 300, 399}) {
                assertEquals(muOwn.row(r)[i], mu.row(r)[i], 2e-3 * Math.abs(muOwn.row(r)[i]), "row " + r + " point " + i);
            }
        }
    }

    @Test
    void environmentModeNamesEachSamplesRepresentativeAndFillsTheNamedLibrary(@TempDir Path tmp) {
        StructureSet cu = FeffFixtures.cuFrames(6);
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options d = step.defaults();
        assertEquals("local-scf", d.mode(), "local-scf mode is the default");
        Path lib = tmp.resolve("my-library");
        SimulateSpectraStep.Options o = options(step, Map.ofEntries(Map.entry("mode", "environment"), Map.entry("groups", "2"),
                Map.entry("representativesPerGroup", "1"), Map.entry("potentialLibrary", lib.toString()), Map.entry("seed", "42"),
                Map.entry("scfRadius", "3.0"), Map.entry("rpath", "4.0"), Map.entry("clusterRadius", "5.0"),
                Map.entry("timeLimit", "600"), Map.entry("workers", "2")));
        BasicContext ctx = new BasicContext(2, tmp.resolve("work"), null, null);
        SampleTable runs = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, cu), o, ctx).get(SimulateSpectraStep.RUNS);
        assertEquals(List.of(), ctx.failures());
        assertEquals(6, runs.rows());
        String[] rep = runs.text("representative");
        double[] dist = runs.column("environment_distance");
        long self = 0;
        for (int i = 0; i < 6; i++) {
            assertTrue(rep[i].startsWith("sample ") && rep[i].contains("["), rep[i]);
            if (dist[i] == 0) {
                self++;
                assertTrue(rep[i].startsWith("sample " + runs.ids().get(i) + " ["), "a representative takes its own: " + rep[i]);
            }
        }
        assertEquals(2, self, "two representatives");
        assertTrue(Files.isDirectory(lib), "the library is where the user said");
        assertTrue(!Files.exists(tmp.resolve("work/potentials")), "and not in the work folder");
    }

    /**
     * Periodic frames by environment, the others per sample: two cluster frames and two sites of a periodic bulk
     * frame in one merged set (the main job's mix at small cards). The clusters are computed in local-scf mode in the
     * step's work folder, the bulk sites share one representative's potentials in a folder of their own; the
     * tables keep the input order, and the runs table names the representative for the bulk sites only.
     */
    @Test
    void periodicFramesTakeTheirPotentialsByEnvironmentTheOthersTheirOwn(@TempDir Path tmp) throws Exception {
        Path bulkDump = FeffFixtures.resource("cu-bulk-md-public-first1.dump");
        StructureSet bulk = org.xasdaml.structure.ReadStructuresStep.read(bulkDump, new org.xasdaml.structure.ReadStructuresStep.Options(
                bulkDump.toString(), "auto", "0,1", 1, "", List.of(), false));
        StructureSet set = org.xasdaml.structure.MergeStructuresStep.merge(List.of(FeffFixtures.cuFrames(2), bulk), 100000);
        SimulateSpectraStep step = new SimulateSpectraStep();
        SimulateSpectraStep.Options o = options(step, Map.ofEntries(Map.entry("periodicMode", "environment"),
                Map.entry("groups", "1"), Map.entry("representativesPerGroup", "1"), Map.entry("targetError", "0"),
                Map.entry("seed", "42"), Map.entry("scfRadius", "3.0"), Map.entry("rpath", "4.0"), Map.entry("clusterRadius", "5.0"),
                Map.entry("timeLimit", "600"), Map.entry("workers", "2")));
        assertEquals("local-scf", o.mode());
        assertTrue(o.periodicByEnvironment());
        BasicContext ctx = new BasicContext(2, tmp.resolve("work"), null, null);
        StepData out = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, set), o, ctx);
        assertEquals(List.of(), ctx.failures());
        SampleTable runs = out.get(SimulateSpectraStep.RUNS);
        List<SampleId> expected = List.of(new SampleId(0, 0), new SampleId(1, 0), new SampleId(100000, 0), new SampleId(100000, 1));
        assertEquals(expected, runs.ids(), "the input order");
        assertEquals(expected, out.get(SimulateSpectraStep.CHI).ids());
        String[] rep = runs.text("representative");
        assertEquals("", rep[0], "a cluster frame has its own potentials");
        assertEquals("", rep[1]);
        assertTrue(rep[2].startsWith("sample 100000:") && rep[3].equals(rep[2]), "one representative for both bulk sites: "
                + String.join(" | ", rep));
        assertTrue(Files.isDirectory(FeffBatch.sampleFolder(tmp.resolve("work"), expected.get(0))));
        assertTrue(Files.isDirectory(FeffBatch.sampleFolder(tmp.resolve("work").resolve(SimulateSpectraStep.PERIODIC_WORK),
                expected.get(3))));
        assertTrue(!Files.exists(FeffBatch.sampleFolder(tmp.resolve("work"), expected.get(3))), "bulk sites apart from the clusters");
        String inp = Files.readString(FeffBatch.sampleFolder(tmp.resolve("work"), expected.get(0)).resolve("feff.inp"));
        assertTrue(inp.contains("SCF 3.0 0 30 0.1 1"), "clusters in local-scf mode");
        assertEquals("local-scf; periodic frames: environment", out.get(SimulateSpectraStep.CHI).meta().get("feff.mode"));
        assertEquals(step.outputColumns("runs", o, Map.of()).text(), List.of("representative"), "announced = written");
        InvalidParameterException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                () -> options(step, Map.of("periodicMode", "crystals")));
        assertTrue(e.getMessage().contains("crystals"), e.getMessage());
    }
}
