package org.xasdaml.curation.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xasdaml.curation.analysis.PrincipalComponents.Solver;

/** The randomized solver against the exact one (which the scikit-learn fixtures check). */
class PrincipalComponentsTest {

    /** 700 noisy samples of 5 smooth spectrum-like shapes with decaying weights, 120 features. */
    private static double[][] spectraLike(int n, int p, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] w = new double[5];
            for (int c = 0; c < 5; c++) {
                w[c] = r.nextGaussian() / (1 + 2 * c);
            }
            for (int j = 0; j < p; j++) {
                double t = j / (double) p;
                double v = 0;
                for (int c = 0; c < 5; c++) {
                    v += w[c] * Math.sin((c + 1) * Math.PI * t + c);
                }
                x[i][j] = v + 0.01 * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void randomizedMatchesTheExactSolverOnTheLeadingComponents() {
        double[][] x = spectraLike(700, 120, 3);
        PrincipalComponents exact = PrincipalComponents.fit(x, 3, Solver.FULL, 0);
        PrincipalComponents rand = PrincipalComponents.fit(x, 3, Solver.RANDOMIZED, 7);
        assertArrayEquals(exact.explainedVariance(), rand.explainedVariance(), 1e-10 * exact.explainedVariance()[0]);
        assertArrayEquals(exact.explainedVarianceRatio(), rand.explainedVarianceRatio(), 1e-10);
        for (int k = 0; k < 3; k++) { // same orientation (svd_flip) and direction
            assertArrayEquals(exact.components()[k], rand.components()[k], 1e-8, "component " + k);
        }
        assertEquals(exact.totalVariance(), rand.totalVariance(), 1e-12 * exact.totalVariance());
    }

    @Test
    void randomizedWorksOnWideDataAndAutoPicksItLikeScikitLearn() {
        double[][] wide = spectraLike(60, 800, 5);
        PrincipalComponents exact = PrincipalComponents.fit(wide, 2, Solver.FULL, 0);
        PrincipalComponents rand = PrincipalComponents.fit(wide, 2, Solver.RANDOMIZED, 1);
        assertArrayEquals(exact.explainedVariance(), rand.explainedVariance(), 1e-10 * exact.explainedVariance()[0]);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(exact.components()[k], rand.components()[k], 1e-8, "component " + k);
        }
        // max(n, p) > 500 and 2 < 0.8 min(n, p): AUTO is the randomized solver with the default seed
        PrincipalComponents auto = PrincipalComponents.fit(wide, 2);
        assertArrayEquals(PrincipalComponents.fit(wide, 2, Solver.RANDOMIZED, PrincipalComponents.DEFAULT_SEED).components()[1],
                auto.components()[1], 0.0);
    }
}
