package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.BasicContext;

/**
 * Shared-potential mode with the real Feff8L on 20 frames of the public Cu set, on small clusters
 * (5 Å, SCF radius 3 Å) so that each self-consistent potential takes seconds.
 */
class SharedPotentialTest {

    @Test
    void twentyFramesShareTwoPotentialsAndTheRepresentativeMatchesItsFullRun(@TempDir Path tmp) {
        FeffCards cards = new FeffCards("K", 1.0, 20.0, 4.0, 8, 0.0, 1.5, new FeffCards.Scf(3.0, 0, 30, 0.1, 1), 0, 0.0, 0.6, null);
        List<Sample> samples = FeffFixtures.cuFrames(20).sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        BasicContext ctx = new BasicContext(2, tmp.resolve("shared"), null, null);
        FeffBatch.Outcome shared = FeffBatch.run(samples, new FeffBatch.Settings(cards, 5.0, FeffMode.SHARED_POTENTIAL, 10, 600, false),
                feff, tmp.resolve("shared"), ctx);
        assertEquals(List.of(), ctx.failures());
        assertEquals(20, shared.results().size());
        assertEquals(2, shared.shared().size());
        assertEquals(new SampleId(0, 0), shared.shared().get(0).representative());
        assertEquals(new SampleId(10, 0), shared.shared().get(1).representative());
        assertEquals(10, shared.shared().get(1).members().size());
        assertTrue(shared.shared().get(0).seconds() > 0);

        // the representative's own spectrum is exactly what a full run gives: same potentials, same paths
        BasicContext ctxFull = new BasicContext(1, tmp.resolve("full"), null, null);
        FeffBatch.Outcome full = FeffBatch.run(samples.subList(0, 1), new FeffBatch.Settings(cards, 5.0, FeffMode.FULL, 0, 600, false),
                feff, tmp.resolve("full"), ctxFull);
        assertEquals(List.of(), ctxFull.failures());
        assertArrayEquals(full.results().get(0).output().chi(), shared.results().get(0).output().chi(), 0);
        assertArrayEquals(full.results().get(0).output().mu(), shared.results().get(0).output().mu(), 0);

        // other members have their own paths: their χ differs from the representative's
        double err = SpectrumDifference.relativeL2K2Chi(shared.results().get(5).output(), shared.results().get(0).output(), 2, 12);
        assertTrue(err > 0.05, "frames 5 and 0 are different structures: " + err);
    }
}
