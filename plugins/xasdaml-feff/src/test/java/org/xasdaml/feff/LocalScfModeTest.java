package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Sample;
import org.xasdaml.workflow.BasicContext;

/**
 * Local-scf mode (each sample's own potentials over its first shell) against full SCF and against the
 * environment mode, with the real Feff8L on three frames of the public Cu set at small cards (5 Å
 * clusters, RPATH 4, NLEGS 4; full SCF over 4 Å, local over 3 Å) so that every run takes seconds. The
 * benchmark at production cards is PotentialBench's local-scf section.
 */
class LocalScfModeTest {

    /** Full SCF over 4 Å (the main job's radius), short paths. */
    static final FeffCards FULL = new FeffCards("K", 1.0, 20.0, 4.0, 4, 4.0, 2.5, new FeffCards.Scf(4.0, 0, 30, 0.1, 1), 0, 0.0, 0.6,
            null);

    /**
     * The three frames computed with full SCF, with local SCF and in environment mode with one representative
     * (the old shared-potential behaviour for the two others): local-scf's k²χ error against full SCF
     * (relative L2, 2–12 Å⁻¹) is below 1.5 % at every frame and below a third of the environment mode's
     * mean error on the two frames that are not the representative (measured here: local about 0.3 %,
     * environment 2–6 %). The local run's cards carry SCF 3 Å, its edge energy
     * lies within 0.15 eV of full SCF's while the representative's is off by more for at least one frame. The SCF
     * stopped after 4 iterations (localScfIterations 4) stays within 6 % but well above the converged one
     * (measured here 0.9–2.9 %).
     */
    @Test
    void localScfIsCloserToFullScfThanTheEnvironmentMode(@TempDir Path tmp) {
        List<Sample> all = FeffFixtures.cuFrames(20).sampleList();
        // frames whose full-SCF edge energies lie far apart (production reference: 8995.66, 8995.01, 8996.99 eV)
        List<Sample> frames = List.of(all.get(2), all.get(8), all.get(10));
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards local = FULL.withScf(new FeffCards.Scf(3.0, 0, SimulateSpectraStep.DEFAULT_LOCAL_SCF_ITERATIONS,
                SimulateSpectraStep.DEFAULT_LOCAL_SCF_MIXING, 1));
        // localScfIterations 4: Feff8L stops the SCF unconverged (measured 1.7 % mean, 5.3 % max on the benchmark sets)
        FeffCards shortScf = FULL.withScf(new FeffCards.Scf(3.0, 0, 4, 0.1, 1));
        BasicContext cf = new BasicContext(2, tmp.resolve("full"), null, null);
        FeffBatch.Outcome full = FeffBatch.run(frames, new FeffBatch.Settings(FULL, 5.0, FeffMode.FULL, 0, 600, false), feff,
                tmp.resolve("full"), cf);
        BasicContext cl = new BasicContext(2, tmp.resolve("local"), null, null);
        FeffBatch.Outcome loc = FeffBatch.run(frames, new FeffBatch.Settings(local, 5.0, FeffMode.LOCAL_SCF, 0, 600, false), feff,
                tmp.resolve("local"), cl);
        BasicContext cc = new BasicContext(2, tmp.resolve("short"), null, null);
        FeffBatch.Outcome shortRun = FeffBatch.run(frames, new FeffBatch.Settings(shortScf, 5.0, FeffMode.LOCAL_SCF, 0, 600, false), feff,
                tmp.resolve("short"), cc);
        EnvironmentPotentials.Settings one = new EnvironmentPotentials.Settings(1, 1, tmp.resolve("library"), 42);
        BasicContext ce = new BasicContext(2, tmp.resolve("env"), null, null);
        FeffBatch.Outcome env = FeffBatch.run(frames, new FeffBatch.Settings(FULL, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, one), feff,
                tmp.resolve("env"), ce);
        assertEquals(List.of(), cf.failures());
        assertEquals(List.of(), cl.failures());
        assertEquals(List.of(), cc.failures());
        assertEquals(List.of(), ce.failures());
        assertEquals(3, loc.results().size());
        assertTrue(loc.results().stream().allMatch(r -> r.mode() == FeffMode.LOCAL_SCF));
        double worstLocal = 0;
        double worstShort = 0;
        double worstLocalE0 = 0;
        double worstEnvE0 = 0;
        List<Double> envErr = new ArrayList<>();
        StringBuilder msg = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            FeffOutput f = full.results().get(i).output();
            FeffOutput l = loc.results().get(i).output();
            FeffOutput e = env.results().get(i).output();
            double el = SpectrumDifference.relativeL2K2Chi(l, f, 2, 12);
            double es = SpectrumDifference.relativeL2K2Chi(shortRun.results().get(i).output(), f, 2, 12);
            worstShort = Math.max(worstShort, es);
            double ee = SpectrumDifference.relativeL2K2Chi(e, f, 2, 12);
            worstLocal = Math.max(worstLocal, el);
            worstLocalE0 = Math.max(worstLocalE0, Math.abs(e0(l) - e0(f)));
            worstEnvE0 = Math.max(worstEnvE0, Math.abs(e0(e) - e0(f)));
            if (ee > 0) { // the representative itself has its own potentials
                envErr.add(ee);
            }
            msg.append(String.format(Locale.ROOT, " frame %d: local %.4f (4 iterations %.4f), environment %.4f, e0 %.3f / %.3f / %.3f;",
                    frames.get(i).id().frame(), el, es, ee, e0(f), e0(l), e0(e)));
        }
        System.out.println("local-scf vs full SCF vs environment (one representative):" + msg);
        double envMean = envErr.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        assertEquals(2, envErr.size(), "one representative, two frames on its potentials:" + msg);
        assertTrue(worstLocal < 0.015, "local-scf within 1.5 % of full SCF:" + msg);
        assertTrue(worstLocal < envMean / 3, "local-scf well below the environment mode:" + msg);
        assertTrue(worstShort < 0.06 && worstShort > 2 * worstLocal, "4 iterations within 6 % but well above the converged SCF:" + msg);
        assertTrue(worstLocalE0 < 0.15, "local-scf's edge energy within 0.15 eV of full SCF's:" + msg);
        assertTrue(worstEnvE0 > worstLocalE0, "the representative's edge energy is further off:" + msg);
        assertTrue(loc.results().get(0).output().omega().length > 0);
    }

    private static double e0(FeffOutput o) {
        return o.omega()[0] - o.e()[0];
    }
}
