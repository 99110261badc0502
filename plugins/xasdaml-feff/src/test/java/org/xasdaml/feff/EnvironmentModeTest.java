package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.BasicContext;

/**
 * Environment mode with the real Feff8L on frames of the public Cu set, on small clusters (5 Å, SCF
 * radius 3 Å) so that each self-consistent potential takes seconds.
 */
class EnvironmentModeTest {

    static final FeffCards CHEAP = new FeffCards("K", 1.0, 20.0, 4.0, 8, 0.0, 1.5, new FeffCards.Scf(3.0, 0, 30, 0.1, 1), 0, 0.0, 0.6,
            null);

    /**
     * The sharing key leaves out the atom count of the potentials card (AtomCountBench: another count's
     * potentials change k²χ by ≤ 1e-5) but keeps the composition: a 108-atom cluster frame and a 107-atom
     * periodic frame share a key while each feff.inp keeps its own count as pymatgen writes it; a mixture
     * of other fractions does not.
     */
    @Test
    void keyIgnoresTheAtomCountButNotTheComposition() {
        Path dump = FeffFixtures.resource("cu-bulk-md-public-first1.dump");
        Sample bulk = org.xasdaml.structure.ReadStructuresStep.read(dump, new org.xasdaml.structure.ReadStructuresStep.Options(
                dump.toString(), "auto", "0", 1, "", List.of(), false)).sampleList().get(0);
        Sample cluster = FeffFixtures.cuFrames(1).sampleList().get(0);
        FeffInput b = FeffInput.of(bulk, 9.0, CHEAP);
        FeffInput c = FeffInput.of(cluster, 9.0, CHEAP);
        assertEquals(107, b.potentials().get(1).stoichiometry());
        assertEquals(108, c.potentials().get(1).stoichiometry());
        assertEquals(EnvironmentPotentials.key(c, 9.0), EnvironmentPotentials.key(b, 9.0));
        assertTrue(EnvironmentPotentials.key(c, 9.0).contains("| key v2 |"), EnvironmentPotentials.key(c, 9.0));
        org.xasdaml.structure.Element cu = org.xasdaml.structure.Element.of("Cu");
        org.xasdaml.structure.Element o = org.xasdaml.structure.Element.of("O");
        FeffInput cuo = new FeffInput(List.of("t"), CHEAP, List.of(new FeffInput.Potential(0, cu, 0.0001),
                new FeffInput.Potential(1, cu, 2), new FeffInput.Potential(2, o, 2)), c.atoms());
        FeffInput cuoLarger = new FeffInput(List.of("t"), CHEAP, List.of(new FeffInput.Potential(0, cu, 0.0001),
                new FeffInput.Potential(1, cu, 64), new FeffInput.Potential(2, o, 64)), c.atoms());
        FeffInput cu2o = new FeffInput(List.of("t"), CHEAP, List.of(new FeffInput.Potential(0, cu, 0.0001),
                new FeffInput.Potential(1, cu, 4), new FeffInput.Potential(2, o, 2)), c.atoms());
        assertEquals(EnvironmentPotentials.key(cuo, 9.0), EnvironmentPotentials.key(cuoLarger, 9.0));
        assertNotEquals(EnvironmentPotentials.key(cuo, 9.0), EnvironmentPotentials.key(cu2o, 9.0));
        assertTrue(EnvironmentPotentials.key(cu2o, 9.0).endsWith("0:Cu 1:Cu:0.67 2:O:0.33"), EnvironmentPotentials.key(cu2o, 9.0));
    }

    @Test
    void representativesMatchTheirFullRunsAndEverySampleTakesItsNearest(@TempDir Path tmp) throws Exception {
        List<Sample> samples = FeffFixtures.cuFrames(20).sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        EnvironmentPotentials.Settings env = new EnvironmentPotentials.Settings(3, 1, null, 7);
        BasicContext ctx = new BasicContext(2, tmp.resolve("env"), null, null);
        FeffBatch.Outcome o = FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env), feff,
                tmp.resolve("env"), ctx);
        assertEquals(List.of(), ctx.failures());
        assertEquals(20, o.results().size());
        assertEquals(20, o.choices().size());
        List<PotentialLibrary.Entry> lib = new PotentialLibrary(tmp.resolve("env/potentials")).entries(
                EnvironmentPotentials.key(FeffInput.of(samples.get(0), 5.0, CHEAP), 5.0));
        assertEquals(3, lib.size(), "three representatives in the library");
        // every sample took the entry nearest to its own environment
        for (Sample s : samples) {
            EnvironmentDescriptor d = EnvironmentDescriptor.of(FeffInput.of(s, 5.0, CHEAP), 3.0, "x");
            double best = lib.stream().mapToDouble(e -> Math.sqrt(EnvironmentDescriptor.distance2(d.vector(), e.descriptor().vector())))
                    .min().orElseThrow();
            assertEquals(best, o.choices().get(s.id()).distance(), 1e-12, "sample " + s.id());
        }
        // a representative's own spectrum is its full SCF run, exactly
        SampleId rep = null;
        for (Map.Entry<SampleId, EnvironmentPotentials.Choice> c : o.choices().entrySet()) {
            if (c.getValue().distance() == 0) {
                rep = c.getKey();
            }
        }
        assertTrue(rep != null);
        int r = rep.frame();
        BasicContext ctxFull = new BasicContext(1, tmp.resolve("full"), null, null);
        FeffBatch.Outcome full = FeffBatch.run(samples.subList(r, r + 1), new FeffBatch.Settings(CHEAP, 5.0, FeffMode.FULL, 0, 600, false),
                feff, tmp.resolve("full"), ctxFull);
        FeffResult mine = o.results().stream().filter(x -> x.id().frame() == r).findFirst().orElseThrow();
        assertArrayEquals(full.results().get(0).output().chi(), mine.output().chi(), 0);

        // a rerun computes nothing: results and representatives are reused
        BasicContext again = new BasicContext(2, tmp.resolve("env"), null, null);
        FeffBatch.Outcome o2 = FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env),
                feff, tmp.resolve("env"), again);
        assertEquals(20, o2.reused());
        assertEquals(0, o2.computed());
    }

    @Test
    void aFailedRepresentativeHandsItsSamplesToTheNextNearest(@TempDir Path tmp) throws Exception {
        List<Sample> samples = FeffFixtures.cuFrames(12).sampleList();
        EnvironmentPotentials.Settings env = new EnvironmentPotentials.Settings(3, 1, null, 7);
        // which samples will be representatives
        double[][] x = new double[samples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = EnvironmentDescriptor.of(FeffInput.of(samples.get(i), 5.0, CHEAP), 3.0, "x").vector();
        }
        int[] reps = EnvironmentGroups.representatives(x, 3, 1, 7);
        assertEquals(3, reps.length);
        int broken = samples.get(reps[0]).id().frame();
        // stand-in for a crashing Feff8L pot: a wrapper that fails on the broken representative's input only
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        for (FeffStage s : FeffStage.values()) {
            Path real = FeffProgram.locate(null).binDir().resolve(s.program());
            if (s == FeffStage.POT) {
                Path w = bin.resolve(s.program());
                Files.writeString(w, "#!/bin/sh\nif grep -q '(frame " + broken + ", ' feff.inp; then echo 'stand-in crash' >&2; exit 3; fi\n"
                        + "exec " + real + "\n");
                Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                Files.createSymbolicLink(bin.resolve(s.program()), real);
            }
        }
        List<String> warnings = new ArrayList<>();
        BasicContext ctx = new BasicContext(2, tmp.resolve("env"), null, warnings::add);
        FeffBatch.Outcome o = FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env),
                FeffProgram.locate(bin.toString()), tmp.resolve("env"), ctx);
        assertEquals(List.of(), ctx.failures(), "no sample is lost");
        assertEquals(12, o.results().size());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("sample " + broken + ":0") && w.contains("next nearest")), warnings.toString());
        Map<String, Integer> used = new HashMap<>();
        for (EnvironmentPotentials.Choice c : o.choices().values()) {
            used.merge(c.entry().source(), 1, Integer::sum);
            assertNotEquals("sample " + broken + ":0", c.entry().source());
        }
        assertEquals(2, used.size(), "the two working representatives serve all samples: " + used);
    }

    @Test
    void refinementAddsRepresentativesWhereTheCheckErrorIsAboveTheTarget(@TempDir Path tmp) throws Exception {
        List<Sample> samples = FeffFixtures.cuFrames(12).sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        // target 0.1 %: every check is above it, so representatives are added up to the cap, max(2 × 1, 0.5 × 12) = 6
        EnvironmentPotentials.Settings env = new EnvironmentPotentials.Settings(2, 1, null, 7, 0.001, 0.5);
        List<String> log = new ArrayList<>();
        BasicContext ctx = new BasicContext(2, tmp.resolve("env"), (f, m) -> log.add(m), null);
        FeffBatch.Outcome o = FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env), feff,
                tmp.resolve("env"), ctx);
        assertEquals(List.of(), ctx.failures());
        assertEquals(12, o.results().size());
        String key = EnvironmentPotentials.key(FeffInput.of(samples.get(0), 5.0, CHEAP), 5.0);
        assertEquals(6, new PotentialLibrary(tmp.resolve("env/potentials")).entries(key).size(), log.toString());
        assertTrue(log.stream().anyMatch(m -> m.contains("round 1, 2 sets of potentials")), log.toString());
        // every check is a real difference of two FEFF runs, kept for a rerun
        List<Path> checks;
        try (var files = Files.list(tmp.resolve("env/environment-checks"))) {
            checks = files.filter(f -> f.toString().endsWith(".txt")).toList();
        }
        assertTrue(checks.size() >= 2, checks.toString());
        for (Path c : checks) {
            double err = Double.parseDouble(Files.readString(c).strip());
            assertTrue(err > 0.001 && err < 0.5, c + ": " + err);
        }
        // the same run with a target no check exceeds keeps the two k-means representatives
        BasicContext loose = new BasicContext(2, tmp.resolve("loose"), null, null);
        FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false,
                new EnvironmentPotentials.Settings(2, 1, null, 7, 0.9, 0.5)), feff, tmp.resolve("loose"), loose);
        assertEquals(2, new PotentialLibrary(tmp.resolve("loose/potentials")).entries(key).size());
        // a rerun repeats no FEFF run: samples, representatives and checks are all found
        BasicContext again = new BasicContext(2, tmp.resolve("env"), null, null);
        FeffBatch.Outcome o2 = FeffBatch.run(samples, new FeffBatch.Settings(CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env), feff,
                tmp.resolve("env"), again);
        assertEquals(12, o2.reused());
        assertEquals(0, o2.computed());
    }
}
