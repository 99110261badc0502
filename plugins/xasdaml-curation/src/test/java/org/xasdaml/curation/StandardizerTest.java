package org.xasdaml.curation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.Standardizer.Options;
import org.xasdaml.curation.Standardizer.Scaling;
import org.xasdaml.curation.analysis.PrincipalComponents;
import org.xasdaml.io.Json;
import org.xasdaml.table.Axis;

class StandardizerTest {

    @Test
    void zscoreMatchesStandardScalerIncludingAConstantFeature() {
        double[][] x = Fixtures.matrix("tall", "X");
        Standardizer s = Standardizer.fit(x, Options.zscore());
        assertArrayEquals(Fixtures.vector("tall", "zscore_mean"), s.center(), 1e-12);
        assertArrayEquals(Fixtures.vector("tall", "zscore_scale"), s.scale(), 1e-12);
        assertArrayEquals(Fixtures.vector("tall", "zscore_row0"), s.apply(x[0]), 1e-10);
        assertEquals(1.0, s.scale()[4]);
        assertEquals(0.0, s.apply(x[7])[4]);
    }

    /** 210 × 3.3 is constant (scale 1, as scikit-learn): a new sample at 3.31 becomes 0.01, not 1.7e12. */
    @Test
    void aConstantTrainingFeatureKeepsScaleOneAsInScikitLearn() {
        double[][] x = Fixtures.matrix("constant", "X");
        Standardizer s = Standardizer.fit(x, Options.zscore());
        double[] scale = Fixtures.vector("constant", "scale");
        assertEquals(1.0, scale[0]);
        assertEquals(1.0, s.scale()[0], "210 x 3.3 is constant");
        assertEquals(1.0, s.scale()[3]);
        assertEquals(scale[1], s.scale()[1], 1e-9 * scale[1], "tiny spread around 1e6 is a real spread");
        assertEquals(scale[2], s.scale()[2], 1e-12 * scale[2]);
        assertArrayEquals(Fixtures.vector("constant", "mean"), s.center(), 1e-9); // 1e-15 of 1e6
        double[][] newX = Fixtures.matrix("constant", "new");
        double[][] z = Fixtures.matrix("constant", "new_z");
        for (int i = 0; i < newX.length; i++) {
            assertArrayEquals(z[i], s.apply(newX[i]), 1e-6, "new sample " + i);
        }
        assertEquals(0.01, s.apply(newX[0])[0], 1e-12);
    }

    @Test
    void minmaxMatchesMinMaxScaler() {
        double[][] x = Fixtures.matrix("tall", "X");
        Standardizer s = Standardizer.fit(x, new Options(Scaling.MINMAX, 0, 0));
        assertArrayEquals(Fixtures.vector("tall", "minmax_row3"), s.apply(x[3]), 1e-12);
    }

    @Test
    void pcaAfterZscoreMatchesSklearn() {
        double[][] x = Fixtures.matrix("tall", "X");
        Standardizer s = Standardizer.fit(x, new Options(Scaling.ZSCORE, 5, 0));
        PrincipalComponents p = s.pca();
        assertArrayEquals(Fixtures.vector("tall", "pca5_ratio"), p.explainedVarianceRatio(), 1e-9);
        assertArrayEquals(Fixtures.vector("tall", "pca5_variance"), p.explainedVariance(), 1e-8);
        double[][] comps = Fixtures.matrix("tall", "pca5_components");
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(comps[k], p.components()[k], 1e-6, "component " + k);
        }
        assertArrayEquals(Fixtures.vector("tall", "pca5_scores_row0"), s.apply(x[0]), 1e-6);
        assertEquals(5, s.outputDimension());
        assertEquals(12, s.inputDimension());
    }

    @Test
    void varianceFractionChoosesTheSameNumberOfComponentsAsSklearn() {
        Standardizer s = Standardizer.fit(Fixtures.matrix("tall", "X"), new Options(Scaling.ZSCORE, 0, 0.99));
        assertEquals((int) Fixtures.number("tall", "pca099_n"), s.outputDimension());
    }

    @Test
    void pcaOnWideDataUsesTheSampleGramMatrixAndStillMatches() {
        PrincipalComponents p = PrincipalComponents.fit(Fixtures.matrix("wide", "X"), 4);
        assertArrayEquals(Fixtures.vector("wide", "pca4_ratio"), p.explainedVarianceRatio(), 1e-9);
        double[][] comps = Fixtures.matrix("wide", "pca4_components");
        for (int k = 0; k < 3; k++) { // the 4th is noise-level; its direction is ill-determined
            assertArrayEquals(comps[k], p.components()[k], 1e-6, "component " + k);
        }
    }

    @Test
    void fittedOnTrainOnlyAndAppliedUnchangedToOtherData() {
        double[][] train = {{1, 10}, {3, 30}};
        double[][] test = {{100, 1000}};
        Standardizer s = Standardizer.fit(train, Options.zscore());
        // mean 2, 20; population std 1, 10 (from train alone; the test row would change both)
        assertArrayEquals(new double[] {98, 98}, s.apply(test[0]), 1e-12);
        assertArrayEquals(new double[] {-1, -1}, s.apply(train[0]), 1e-12);
    }

    @Test
    void jsonRoundTripIsExactAndKeepsTheGrid(@TempDir Path dir) throws Exception {
        double[][] x = Fixtures.matrix("tall", "X");
        double[] grid = new double[12];
        for (int i = 0; i < 12; i++) {
            grid[i] = 8970 + i * 0.3;
        }
        Axis axis = new Axis("energy", "eV", grid);
        Standardizer s = Standardizer.fit(x, new Options(Scaling.ZSCORE, 3, 0), axis, null);
        Standardizer back = Standardizer.fromJson(Json.parseObject(Json.write(s.toJson())));
        assertArrayEquals(s.apply(x[5]), back.apply(x[5]), 0.0);
        assertEquals(axis, back.grid());
        CurationPorts.TRANSFORM.codec().write(s, dir.resolve("transform"));
        assertTrue(CurationPorts.TRANSFORM.codec().exists(dir.resolve("transform")));
        Standardizer read = CurationPorts.TRANSFORM.codec().read(dir.resolve("transform"));
        assertArrayEquals(s.apply(x[9]), read.apply(x[9]), 0.0);
    }

    @Test
    void wrongDimensionAndBadOptionsAreRefused() {
        Standardizer s = Standardizer.fit(new double[][] {{1, 2}, {2, 3}}, Options.zscore());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(new double[3]));
        assertTrue(e.getMessage().contains("2 features"));
        assertThrows(IllegalArgumentException.class, () -> new Options(Scaling.ZSCORE, 2, 0.9));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fromJson(Map.of("type", "model")));
        assertNotEquals(s.toString(), "");
    }

    /** --fitted takes the transform's folder, its base name or the .json file itself, as the help says. */
    @Test
    void aFittedTransformLoadsFromItsFileOrFolder(@TempDir Path dir) throws Exception {
        Standardizer s = Standardizer.fit(Fixtures.matrix("tall", "X"), Options.zscore());
        new CurationPorts.StandardizerCodec().write(s, dir.resolve("transform"));
        for (Path p : new Path[] {dir, dir.resolve("transform"), dir.resolve("transform.json")}) {
            Standardizer back = org.xasdaml.workflow.StepRunner.load(StandardiseStep.TRANSFORM_IN, p);
            assertArrayEquals(s.scale(), back.scale(), 0.0, p.toString());
        }
    }
}
