package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class ForestTest {

    @Test
    void copiedTreesPredictExactlyAsSmileAndSurviveWriting() throws Exception {
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(150, 11).generate();
        double[][] x = d.spectra().matrix();
        double[] cr = d.labels().column(SyntheticSpectra.CR);
        double[][] train = java.util.Arrays.copyOfRange(x, 0, 100);
        double[] ytrain = java.util.Arrays.copyOfRange(cr, 0, 100);
        double[][] test = java.util.Arrays.copyOfRange(x, 100, 150);
        ForestOptions o = ForestOptions.defaults(5).withTrees(20);
        Forest f = ForestTrainer.regression(train, ytrain, o);
        double[] smile = ForestTrainer.smileRegression(train, ytrain, o, test);
        for (int i = 0; i < test.length; i++) {
            assertEquals(smile[i], f.predict(test[i])[0], 1e-15, "sample " + i);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        f.write(new DataOutputStream(b));
        Forest back = Forest.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        for (double[] t : test) {
            assertArrayEquals(f.predict(t), back.predict(t), 0.0);
        }
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
