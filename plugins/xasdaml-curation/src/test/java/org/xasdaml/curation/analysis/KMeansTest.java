package org.xasdaml.curation.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xasdaml.curation.Fixtures;
import org.xasdaml.curation.statistics.Describe;

class KMeansTest {

    @Test
    void lloydFromSklearnsInitialCentresGivesItsInertiaLabelsAndCentres() {
        double[][] x = Fixtures.matrix("blobs", "X");
        KMeans km = KMeans.fit(x, Fixtures.matrix("blobs", "init"), 300, 1e-4);
        double ref = Fixtures.number("blobs", "fixed_inertia");
        assertEquals(ref, km.inertia(), ref * 1e-10);
        assertArrayEquals(Fixtures.ints("blobs", "fixed_labels"), km.labels());
        double[][] c = Fixtures.matrix("blobs", "fixed_centers");
        for (int i = 0; i < c.length; i++) {
            assertArrayEquals(c[i], km.centers()[i], 1e-10);
        }
    }

    @Test
    void seededKMeansPlusPlusReachesSklearnsBestInertiaForEachK() {
        double[][] x = Fixtures.matrix("blobs", "X");
        double[] ref = Fixtures.vector("blobs", "elbow_inertia_k1_6");
        // k = 1..3 have one optimum, which every decent start finds; larger k may differ by local optimum
        for (int k = 1; k <= 3; k++) {
            KMeans km = KMeans.fit(x, k, 7L);
            assertEquals(ref[k - 1], km.inertia(), ref[k - 1] * 1e-3, "k = " + k);
        }
        for (int k = 4; k <= 6; k++) {
            assertEquals(ref[k - 1], KMeans.fit(x, k, 7L).inertia(), ref[k - 1] * 0.05, "k = " + k);
        }
    }

    @Test
    void sameSeedSameClusters() {
        double[][] x = Fixtures.matrix("blobs", "X");
        assertArrayEquals(KMeans.fit(x, 4, 11L).labels(), KMeans.fit(x, 4, 11L).labels());
    }

    @Test
    void elbowOfTheBlobCurveIsThree() {
        double[] ref = Fixtures.vector("blobs", "elbow_inertia_k1_6");
        assertEquals(3, Elbow.choose(new int[] {1, 2, 3, 4, 5, 6}, ref));
    }

    @Test
    void tooFewSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new double[][] {{1}, {2}}, 3, 1L));
    }

    @Test
    void describeMatchesNumpy() {
        Describe d = Describe.of(Fixtures.vector("describe", "values"));
        assertEquals(Fixtures.number("describe", "count"), d.count());
        assertEquals(Fixtures.number("describe", "mean"), d.mean(), 1e-12);
        assertEquals(Fixtures.number("describe", "std"), d.std(), 1e-12);
        assertEquals(Fixtures.number("describe", "var"), d.var(), 1e-11);
        assertEquals(Fixtures.number("describe", "min"), d.min(), 0);
        assertEquals(Fixtures.number("describe", "q25"), d.q25(), 1e-12);
        assertEquals(Fixtures.number("describe", "median"), d.median(), 1e-12);
        assertEquals(Fixtures.number("describe", "q75"), d.q75(), 1e-12);
        assertEquals(Fixtures.number("describe", "max"), d.max(), 0);
    }
}
