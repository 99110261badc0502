package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import smile.math.matrix.Matrix;

/**
 * Deeplearning4j (ND4J + OpenBLAS) and Smile (its own OpenBLAS binding) in one JVM, with only the
 * Linux x86-64 natives on the class path: both must load, compute right, and train.
 */
class NativeBlasCoexistenceTest {

    @Test
    void nd4jAndSmileShareOneOpenBlasAndBothTrain() {
        String threads = BlasThreads.set(2);
        assertTrue(threads.contains("omp=2"), threads);

        // ND4J matrix product through OpenBLAS gemm
        INDArray a = Nd4j.create(new double[][]{{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.create(new double[][]{{7, 8}, {9, 10}, {11, 12}});
        assertEquals("[[58.0, 64.0], [139.0, 154.0]]", Arrays.deepToString(a.mmul(b).toDoubleMatrix()));

        // Smile matrix product and SVD (BLAS dgemm and LAPACK dgesdd through org.bytedeco.openblas)
        Matrix sa = Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        Matrix sb = Matrix.of(new double[][]{{7, 8}, {9, 10}, {11, 12}});
        Matrix sc = sa.mm(sb);
        assertEquals(58, sc.get(0, 0), 1e-12);
        assertEquals(154, sc.get(1, 1), 1e-12);
        double[] s = Matrix.of(new double[][]{{3, 0}, {0, 4}}).svd(false, false).s;
        assertEquals(4, s[0], 1e-12);
        assertEquals(3, s[1], 1e-12);

        // a tiny network and a tiny forest, interleaved
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(120, 7).generate();
        double[][] x = ColumnScaling.fit(d.spectra().matrix()).apply(d.spectra().matrix());
        double[] cn = d.labels().column(SyntheticSpectra.CN);
        double[][] y = new double[cn.length][];
        for (int i = 0; i < cn.length; i++) {
            y[i] = new double[]{cn[i]};
        }
        ColumnScaling ys = ColumnScaling.fit(y);
        NetworkOptions no = NetworkOptions.defaults(1).withLayers(java.util.List.of(16, 8), java.util.List.of(), java.util.List.of())
                .withEpochs(5, 0);
        NetworkTrainer.Result r = NetworkTrainer.train(ModelKind.MLP, Task.REGRESSION, x, ys.apply(y), x, ys.apply(y), no, ys,
                null, NetworkTrainer.Monitor.NONE);
        Forest f = ForestTrainer.smileForest(x, cn, ForestOptions.defaults(3).withTrees(10)); // Smile itself (regression now grows its own)
        NetworkTrainer.Result r2 = NetworkTrainer.train(ModelKind.MLP, Task.REGRESSION, x, ys.apply(y), x, ys.apply(y), no, ys,
                null, NetworkTrainer.Monitor.NONE);
        assertEquals(5, r.curves().get(0).epochs());
        double first = r.curves().get(0).loss().get(0)[2];
        double last = r.curves().get(0).loss().get(4)[2];
        assertTrue(last < first, "training MSE fell: " + first + " -> " + last);
        assertEquals(10, f.trees().size());
        // the curve's training loss at the kept epoch is Deeplearning4j's own score of the kept network (L2 included)
        LossCurve c = r.curves().get(0);
        double dl4jScore = r.model().networks().get(0).score(new org.nd4j.linalg.dataset.DataSet(
                NetworkEnsemble.toArray(x), NetworkEnsemble.toArray(ys.apply(y))), false);
        assertEquals(dl4jScore, c.loss().get(c.bestEpoch() - 1)[0], 1e-5 * Math.max(1, dl4jScore));
        // same seed, same network: training is repeatable even with Smile's threads in between
        assertEquals(r.curves().get(0).loss().get(4)[2], r2.curves().get(0).loss().get(4)[2], 0.0);
        double mse = 0;
        for (int i = 0; i < x.length; i++) {
            double dd = f.predict(x[i])[0] - cn[i];
            mse += dd * dd;
        }
        assertTrue(mse / x.length < 2.0, "forest fits its training set, MSE " + mse / x.length);
    }
}
