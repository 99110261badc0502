package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;

/** The environment kernels without FEFF: k-means grouping, representatives, descriptor invariances. */
class EnvironmentGroupsTest {

    @Test
    void kMeansSeparatesThreeBlobsAndRepresentativesAreTheirCentralMembers() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[][] x = new double[60][];
        for (int i = 0; i < 60; i++) {
            double[] c = centres[i % 3];
            x[i] = new double[] {c[0] + r.nextGaussian() * 0.5, c[1] + r.nextGaussian() * 0.5};
        }
        x[0] = new double[] {0, 0}; // exactly at a blob centre: its representative
        int[] g = EnvironmentGroups.kMeans(x, 3, 42);
        for (int i = 3; i < 60; i++) {
            assertEquals(g[i % 3], g[i], "row " + i + " belongs with its blob");
        }
        assertTrue(g[0] != g[1] && g[1] != g[2] && g[0] != g[2]);
        assertArrayEquals(g, EnvironmentGroups.kMeans(x, 3, 42), "same seed, same groups");
        int[] reps = EnvironmentGroups.representatives(x, 3, 1, 42);
        assertEquals(3, reps.length);
        int[] groupOfRep = java.util.Arrays.stream(reps).map(i -> g[i]).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2}, groupOfRep, "one representative per blob");
        for (int rep : reps) {
            assertTrue(distanceToMean(x, rep) < 0.6, "a representative is a central member: " + distanceToMean(x, rep));
        }
        assertEquals(6, EnvironmentGroups.representatives(x, 3, 2, 42).length, "two per group");
        assertEquals(2, EnvironmentGroups.representatives(new double[][] {{1}, {2}}, 5, 1, 42).length, "no more than the rows");
    }

    private static double distanceToMean(double[][] x, int i) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int j = i % 3; j < x.length; j += 3) {
            mx += x[j][0];
            my += x[j][1];
            n++;
        }
        return Math.hypot(x[i][0] - mx / n, x[i][1] - my / n);
    }

    @Test
    void descriptorIsRotationInvariantAndSeesAStretchedFirstShell() {
        FeffCards cards = FeffCards.defaults();
        Sample s = FeffFixtures.cuFrames(1).sampleList().get(0);
        EnvironmentDescriptor d0 = EnvironmentDescriptor.of(FeffInput.of(s, 20, cards), 6.8, "k");
        // the same frame rotated 90° about z and shifted: same environment
        Frame f = s.frame();
        double[] rot = new double[3 * f.size()];
        double[] big = new double[3 * f.size()];
        List<Element> el = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            rot[3 * i] = -f.y(i) + 3;
            rot[3 * i + 1] = f.x(i) - 1;
            rot[3 * i + 2] = f.z(i) + 2;
            big[3 * i] = 1.02 * f.x(i);
            big[3 * i + 1] = 1.02 * f.y(i);
            big[3 * i + 2] = 1.02 * f.z(i);
            el.add(f.element(i));
        }
        EnvironmentDescriptor d1 = EnvironmentDescriptor.of(FeffInput.of(new Sample(new SampleId(0, 0),
                new Frame(0, el, rot, null, null)), 20, cards), 6.8, "k");
        assertEquals(0, Math.sqrt(d0.distance2(d1)), 1e-9);
        // 2 % longer bonds: a clearly different environment
        EnvironmentDescriptor d2 = EnvironmentDescriptor.of(FeffInput.of(new Sample(new SampleId(0, 0),
                new Frame(0, el, big, null, null)), 20, cards), 6.8, "k");
        double norm = Math.sqrt(d0.distance2(new EnvironmentDescriptor("k", new double[d0.vector().length])));
        // (with the 0.3 Å broadening a 0.05 Å longer first shell moves the vector by about 8.5 % of its length)
        assertTrue(Math.sqrt(d0.distance2(d2)) > 0.05 * norm, "stretched by 2 %: " + Math.sqrt(d0.distance2(d2)) + " of " + norm);
        // two centres (absorber, nearest Cu) × one element × bins from 1.6 to 6.8 Å
        assertEquals(2 * 52, d0.vector().length);
    }

    @Test
    void splitGivesEachCentreAboveTheTargetItsFarthestSample() {
        // samples on a line; centres at 0 and 10: samples 0 … 5 belong to centre 0, 6 … 10 to centre 1
        double[][] x = new double[11][];
        for (int i = 0; i <= 10; i++) {
            x[i] = new double[] {i};
        }
        double[][] centres = {{0}, {10}};
        // only centre 1 is above the target: its farthest sample is 6 (5 is as far from both and goes to the first centre)
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {6}, EnvironmentGroups.split(x, centres, new double[] {0.01, 0.05}, 0.03, 5));
        // both above: worst first; the room limits the number
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {5, 6}, EnvironmentGroups.split(x, centres, new double[] {0.08, 0.05}, 0.03, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {5}, EnvironmentGroups.split(x, centres, new double[] {0.08, 0.05}, 0.03, 1));
        // an unknown check (NaN) is never split
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {}, EnvironmentGroups.split(x, centres, new double[] {Double.NaN, 0.02}, 0.03, 5));
    }
}
