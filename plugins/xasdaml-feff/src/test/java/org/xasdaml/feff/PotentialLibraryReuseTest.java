package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;

/**
 * Two runs over different frames of the same kind (frames 20–69 and 70–119 of the public Cu set)
 * against one potential library: the second reuses the first's potentials, and the mean spectrum of the
 * second lies within 0.5 standard deviations (of the first run's spectra) of the first's at every
 * energy of μ(E) and every k of χ(k) in 2–12 Å⁻¹. Cheap cards (5 Å clusters, SCF radius 3 Å).
 */
class PotentialLibraryReuseTest {

    @Test
    void secondRunReusesTheLibraryAndHasTheSameDistribution(@TempDir Path tmp) {
        Path dump = Path.of("../../data/cu-md-public.dump");
        List<Sample> all = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", 120, "",
                List.of(), false)).sampleList();
        List<Sample> first = all.subList(20, 70);
        List<Sample> second = all.subList(70, 120);
        FeffProgram feff = FeffProgram.locate(null);
        EnvironmentPotentials.Settings env = new EnvironmentPotentials.Settings(4, 1, tmp.resolve("library"), 42);
        FeffBatch.Settings s = new FeffBatch.Settings(EnvironmentModeTest.CHEAP, 5.0, FeffMode.ENVIRONMENT, 0, 600, false, env);
        BasicContext c1 = new BasicContext(2, tmp.resolve("run1"), null, null);
        FeffBatch.Outcome a = FeffBatch.run(first, s, feff, tmp.resolve("run1"), c1);
        BasicContext c2 = new BasicContext(2, tmp.resolve("run2"), null, null);
        FeffBatch.Outcome b = FeffBatch.run(second, s, feff, tmp.resolve("run2"), c2);
        assertEquals(List.of(), c1.failures());
        assertEquals(List.of(), c2.failures());
        assertEquals(50, a.results().size());
        assertEquals(50, b.results().size());
        long newInSecond = b.choices().values().stream().filter(EnvironmentPotentials.Choice::computed).map(c -> c.entry().id())
                .distinct().count();
        long usedFromFirst = b.choices().values().stream().filter(c -> !c.computed()).map(c -> c.entry().id()).distinct().count();

        List<FeffResult> both = new ArrayList<>(a.results());
        both.addAll(b.results());
        SimulateSpectraStep.Tables t = SimulateSpectraStep.tables(both, new BasicContext(1, tmp, null, null));
        double worstMu = worstZ(t.mu(), 0, 50, 100, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double worstChi = worstZ(t.chi(), 0, 50, 100, 2, 12);
        System.out.printf(Locale.ROOT, "library reuse: second run mean vs first, worst |Δmean|/SD: mu %.3f, chi %.3f; "
                + "second run: %d entries reused, %d computed%n", worstMu, worstChi, usedFromFirst, newInSecond);
        assertTrue(usedFromFirst >= 3, "the second run takes the first run's potentials: " + usedFromFirst);
        assertTrue(newInSecond <= 1, "the second run computes at most one new representative: " + newInSecond);
        assertTrue(worstMu <= 0.5, "μ(E): worst |Δmean|/SD " + worstMu);
        assertTrue(worstChi <= 0.5, "χ(k): worst |Δmean|/SD " + worstChi);
    }

    /** max over columns (axis within [lo, hi]) of |mean(rows b…c) − mean(rows a…b)| / SD(rows a…b). */
    static double worstZ(SampleTable t, int a, int b, int c, double lo, double hi) {
        double[][] m = t.matrix();
        double[] axis = new double[m[0].length];
        for (int j = 0; j < axis.length; j++) {
            axis[j] = t.axis().get(j);
        }
        double worst = 0;
        for (int j = 0; j < axis.length; j++) {
            if (axis[j] < lo - 1e-9 || axis[j] > hi + 1e-9) {
                continue;
            }
            double m1 = 0;
            double m2 = 0;
            for (int i = a; i < b; i++) {
                m1 += m[i][j];
            }
            m1 /= b - a;
            for (int i = b; i < c; i++) {
                m2 += m[i][j];
            }
            m2 /= c - b;
            double v = 0;
            for (int i = a; i < b; i++) {
                v += (m[i][j] - m1) * (m[i][j] - m1);
            }
            double sd = Math.sqrt(v / (b - a - 1));
            if (sd > 0) {
                worst = Math.max(worst, Math.abs(m2 - m1) / sd);
            }
        }
        return worst;
    }
}
