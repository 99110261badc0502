package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class ForestTest {

    @Test
    void grownForestIsAsAccurateAsSmilesOnUnseenSpectraRepeatableAndSurvivesWriting() throws Exception {
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(400, 11).generate();
        double[][] x = d.spectra().matrix();
        double[] cr = d.labels().column(SyntheticSpectra.CR);
        double[][] train = java.util.Arrays.copyOfRange(x, 0, 300);
        double[] ytrain = java.util.Arrays.copyOfRange(cr, 0, 300);
        double[][] test = java.util.Arrays.copyOfRange(x, 300, 400);
        double[] ytest = java.util.Arrays.copyOfRange(cr, 300, 400);
        for (int leaf : new int[] {1, 5}) {
            ForestOptions o = ForestOptions.defaults(5).with(40, 15, 0, leaf);
            Forest f = ForestTrainer.regression(train, ytrain, o);
            Forest smile = ForestTrainer.smileForest(train, ytrain, o);
            double r2 = r2(f, test, ytest);
            double r2Smile = r2(smile, test, ytest);
            System.out.printf(java.util.Locale.ROOT, "forest leaf %d: test R2 %.4f (Smile 3.1.1: %.4f)%n", leaf, r2, r2Smile);
            assertTrue(r2 > 0.5, "R2 " + r2);
            assertTrue(r2 > r2Smile - 0.03, "R2 " + r2 + " against Smile's " + r2Smile);
            // every leaf keeps at least `leaf` distinct training samples: its value is a mean of them
            Forest again = ForestTrainer.regression(train, ytrain, o);
            assertArrayEquals(f.predict(test[3]), again.predict(test[3]), 0.0);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            f.write(new DataOutputStream(b));
            Forest back = Forest.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
            for (double[] t : test) {
                assertArrayEquals(f.predict(t), back.predict(t), 0.0);
            }
        }
    }

    @Test
    void aStepIsSplitAtTheMidpointBetweenTheDrawnSamplesAroundIt() {
        // y jumps between x = 0.4 and x = 0.5; the second feature is constant (never chosen)
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i / 10.0, 7};
            y[i] = i < 5 ? 1 : 3;
        }
        Forest f = ForestTrainer.regression(x, y, new ForestOptions(30, 4, 2, 1, 0, 1.0, 9));
        for (Forest.Tree t : f.trees()) {
            if (t.nodes() > 1) { // a bootstrap sample holding both sides of the step
                assertEquals(0, t.feature()[0]);
                // the midpoint of the drawn x just below and just above the step
                double th = t.threshold()[0];
                assertEquals(Math.rint(20 * th), 20 * th, 1e-9, "threshold " + th);
                assertTrue(th > 0.2 && th < 0.7, "threshold " + th);
                assertEquals(1.0, t.leaf(new double[] {0.0, 7})[0], 0.0);
                assertEquals(3.0, t.leaf(new double[] {0.95, 7})[0], 0.0);
            }
        }
        assertEquals(1.0, f.predict(new double[] {0.1, 7})[0], 0.2);
        assertEquals(3.0, f.predict(new double[] {0.9, 7})[0], 0.2);
    }

    /** R² of a forest on held-out rows, by the evaluation module's metrics (scikit-learn's r2_score). */
    private static double r2(Forest f, double[][] x, double[] y) {
        double[] p = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            p[i] = f.predict(x[i])[0];
        }
        return org.xasdaml.evaluation.RegressionMetrics.of(y, p).r2();
    }

    @Test
    void classificationLeavesHoldClassFractions() {
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(120, 12).generate();
        double[][] x = d.spectra().matrix();
        ClassMapping cm = ClassMapping.of(d.labels().column(SyntheticSpectra.CN));
        int[] cls = cm.indices(d.labels().column(SyntheticSpectra.CN));
        Forest f = ForestTrainer.classification(x, cls, cm.size(), ForestOptions.defaults(5).withTrees(15));
        double[] p = f.predict(x[0]);
        assertEquals(cm.size(), p.length);
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-12);
    }
}
