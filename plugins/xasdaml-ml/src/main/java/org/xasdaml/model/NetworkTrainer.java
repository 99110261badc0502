package org.xasdaml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains the MLP and 1-D CNN of paper module M10 with Deeplearning4j, with early stopping on the
 * validation loss and the best epoch's weights as the result.
 *
 * <p>Compared with the reference (Keras): the same layers, Glorot-uniform weights, zero biases, Adam
 * (β 0.9/0.999, ε 1e-7), and the L2 penalty λ·Σw² on hidden dense layers (Deeplearning4j's
 * {@code l2(c)} adds c/2·Σw², so c = 2λ). The reference scored its MLP with the last epoch's
 * weights while saving the best ones; here the model <em>is</em> the best checkpoint. Every run is
 * seeded: weights through the configuration seed, minibatch order through {@code seed + epoch}.
 * The 1-D convolutions are 1×k convolutions on a 1×n image, so the flattening before the dense
 * layers keeps (channel, position) features as Keras' Flatten does.
 */
public final class NetworkTrainer {
    private NetworkTrainer() {
    }

    /** Called after each epoch; may throw to cancel (e.g. {@code StepContext.checkCancelled}). */
    @FunctionalInterface
    public interface Monitor {
        void epoch(int member, int epoch, double[] losses);

        Monitor NONE = (m, e, l) -> {
        };
    }

    /**
     * Result of training.
     *
     * @param model  the ensemble (best checkpoint of each member)
     * @param curves one learning curve per member
     */
    public record Result(NetworkEnsemble model, List<LossCurve> curves) {
    }

    /**
     * Trains {@code o.ensemble()} networks.
     *
     * @param xt      scaled training features
     * @param yt      training targets: scaled values (regression) or one-hot rows (classification)
     * @param xv      scaled validation features
     * @param yv      validation targets, as yt
     * @param targets for regression the target scaling (to report MSE/MAE in target units); null otherwise
     * @param classes for classification the class mapping (to report MSE/MAE of labels); null otherwise
     */
    public static Result train(ModelKind kind, Task task, double[][] xt, double[][] yt, double[][] xv, double[][] yv,
                               NetworkOptions o, ColumnScaling targets, ClassMapping classes, Monitor monitor) {
        return train(kind, task, xt, yt, xv, yv, o, targets, classes, monitor, 0);
    }

    /**
     * As {@link #train(ModelKind, Task, double[][], double[][], double[][], double[][], NetworkOptions, ColumnScaling,
     * ClassMapping, Monitor)}, the members numbered (and seeded: seed + number) from {@code firstMember}, as the
     * members of one fold of a cross-fitted ensemble.
     */
    public static Result train(ModelKind kind, Task task, double[][] xt, double[][] yt, double[][] xv, double[][] yv,
                               NetworkOptions o, ColumnScaling targets, ClassMapping classes, Monitor monitor, int firstMember) {
        if (kind == ModelKind.RF) {
            throw new IllegalArgumentException("random forests are trained by ForestTrainer");
        }
        BlasThreads.prepare();
        if (xv.length == 0) {
            throw new IllegalArgumentException("the validation set is empty: early stopping and the best checkpoint need one");
        }
        List<MultiLayerNetwork> nets = new ArrayList<>();
        List<LossCurve> curves = new ArrayList<>();
        DataSet train = new DataSet(NetworkEnsemble.toArray(xt), NetworkEnsemble.toArray(yt));
        INDArray xtArr = NetworkEnsemble.toArray(xt);
        INDArray xvArr = NetworkEnsemble.toArray(xv);
        for (int m = firstMember; m < firstMember + o.ensemble(); m++) {
            long seed = o.seed() + m;
            MultiLayerNetwork net = new MultiLayerNetwork(build(kind, task, xt[0].length, yt[0].length, o, seed));
            net.init();
            List<double[]> loss = new ArrayList<>();
            double bestLoss = Double.POSITIVE_INFINITY;
            INDArray best = net.params().dup();
            int bestEpoch = 0;
            int bad = 0;
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                DataSet shuffled = train.copy();
                shuffled.shuffle(seed * 1_000_003L + epoch);
                fitMinibatches(net, shuffled, o.batch());
                double reg = net.calcRegularizationScore(true);
                double[] te = errors(net, xtArr, xt, yt, task, targets, classes);
                double[] ve = errors(net, xvArr, xv, yv, task, targets, classes);
                double trainLoss = te[2] + reg;
                double validLoss = ve[2] + reg;
                double[] row = {trainLoss, validLoss, te[0], ve[0], te[1], ve[1]};
                loss.add(row);
                monitor.epoch(m, epoch, row);
                if (validLoss < bestLoss - o.minDelta()) {
                    bestLoss = validLoss;
                    best = net.params().dup();
                    bestEpoch = epoch;
                    bad = 0;
                } else if (o.patience() > 0 && ++bad >= o.patience()) {
                    break;
                }
            }
            net.setParams(best);
            nets.add(net);
            curves.add(new LossCurve(m, loss, bestEpoch));
        }
        return new Result(new NetworkEnsemble(nets, task), curves);
    }

    /**
     * One pass of {@code fit} over consecutive minibatches of {@code batch} rows (the last one shorter).
     *
     * <p>The minibatches are row views of the shuffled arrays, the same rows as {@code DataSet.batchBy}
     * gives: batchBy splits the set into one DataSet per row and merges them again, which took about 20 %
     * of an MLP epoch's CPU time (201-512-256-128-64-32-1, 1000 rows, batches of 32: 233 → 188 ms, the
     * same loss to the last digit; {@code xasdaml bench compare}, section nn).
     */
    public static void fitMinibatches(MultiLayerNetwork net, DataSet shuffled, int batch) {
        INDArray f = shuffled.getFeatures();
        INDArray l = shuffled.getLabels();
        long n = f.size(0);
        for (long start = 0; start < n; start += batch) {
            long end = Math.min(n, start + batch);
            net.fit(new DataSet(f.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    l.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())));
        }
    }

    /**
     * One forward pass over a set: MSE and MAE in target units (regression, averaged over targets) or
     * of class labels, and the data loss as Deeplearning4j scores it (mean squared error of the scaled
     * targets averaged over outputs, or cross-entropy), to which the caller adds the L2 term.
     */
    private static double[] errors(MultiLayerNetwork net, INDArray xArr, double[][] x, double[][] y, Task task,
                                   ColumnScaling targets, ClassMapping classes) {
        double[][] out = net.output(xArr, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        if (out.length != x.length) {
            out = new double[][]{net.output(xArr, false).castTo(DataType.DOUBLE).toDoubleVector()};
        }
        double se = 0;
        double ae = 0;
        double loss = 0;
        int count = 0;
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                if (task == Task.REGRESSION) {
                    double d = out[i][j] - y[i][j];
                    loss += d * d / out[i].length;
                } else if (y[i][j] > 0) {
                    loss -= y[i][j] * Math.log(Math.max(out[i][j], 1e-15));
                }
            }
        }
        loss /= out.length;
        if (task == Task.REGRESSION) {
            double[][] p = targets.invert(out);
            double[][] t = targets.invert(y);
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[i].length; j++) {
                    double d = p[i][j] - t[i][j];
                    se += d * d;
                    ae += Math.abs(d);
                    count++;
                }
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                double d = classes.label(argmax(out[i])) - classes.label(argmax(y[i]));
                se += d * d;
                ae += Math.abs(d);
                count++;
            }
        }
        return new double[]{se / count, ae / count, loss};
    }

    static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    /** The network configuration; public so tests and the bench can count parameters. */
    public static org.deeplearning4j.nn.conf.MultiLayerConfiguration build(ModelKind kind, Task task, int nIn, int nOut,
                                                                           NetworkOptions o, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(o.learningRate(), 0.9, 0.999, 1e-7))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        List<Integer> denseSizes;
        boolean firstDense;
        if (kind == ModelKind.CNN) {
            int width = nIn;
            for (int i = 0; i < o.channels().size(); i++) {
                width = width - o.kernel() + 1;
                if (width < 1) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the grid of %d points is too short for %d convolutions of width %d with pooling %d",
                            nIn, o.channels().size(), o.kernel(), o.pool()));
                }
                b.layer(new ConvolutionLayer.Builder(1, o.kernel()).nOut(o.channels().get(i)).activation(Activation.RELU)
                        .convolutionMode(ConvolutionMode.Truncate).build());
                if (o.pool() > 1 && i < o.channels().size() - 1) {
                    width = width / o.pool();
                    b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(1, o.pool())
                            .stride(1, o.pool()).convolutionMode(ConvolutionMode.Truncate).build());
                }
            }
            denseSizes = o.dense();
            firstDense = false;
        } else {
            denseSizes = o.hidden();
            firstDense = true;
        }
        for (int i = 0; i < denseSizes.size(); i++) {
            DenseLayer.Builder d = new DenseLayer.Builder().nOut(denseSizes.get(i)).activation(Activation.RELU).l2(2 * o.l2());
            if (o.dropout() > 0 && !(firstDense && i == 0)) {
                d.dropOut(1 - o.dropout());
            }
            b.layer(d.build());
        }
        OutputLayer.Builder out = task == Task.REGRESSION
                ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                : new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX);
        out.nOut(nOut);
        if (o.dropout() > 0 && !denseSizes.isEmpty()) {
            out.dropOut(1 - o.dropout());
        }
        b.layer(out.build());
        b.setInputType(kind == ModelKind.CNN ? InputType.convolutionalFlat(1, nIn, 1) : InputType.feedForward(nIn));
        return b.build();
    }
}
