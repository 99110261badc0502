package org.xasdaml.model.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.xasdaml.model.BlasThreads;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.NetworkTrainer;
import org.xasdaml.model.Task;

/**
 * One training epoch of the project's MLP or CNN, as {@link NetworkTrainer#train} runs it (a seeded
 * shuffle, then {@code fit} on each minibatch) without the per-epoch evaluation, for the
 * side-by-side timing against PyTorch ({@code xasdaml bench compare}, section nn,
 * {@code bench/python/torch_networks.py}). Not thread-safe: one runner per thread.
 */
public final class EpochRunner {
    private final MultiLayerNetwork net;
    private final DataSet train;
    private final int batch;
    private long epoch;

    /**
     * @param kind MLP or CNN
     * @param x    features (rows)
     * @param y    one regression target per row
     * @param o    architecture and training settings (batch size, Adam, L2)
     */
    public EpochRunner(ModelKind kind, double[][] x, double[] y, NetworkOptions o) {
        BlasThreads.prepare();
        float[][] xf = new float[x.length][];
        float[][] yf = new float[x.length][1];
        for (int i = 0; i < x.length; i++) {
            xf[i] = new float[x[i].length];
            for (int j = 0; j < xf[i].length; j++) {
                xf[i][j] = (float) x[i][j];
            }
            yf[i][0] = (float) y[i];
        }
        this.train = new DataSet(Nd4j.create(xf), Nd4j.create(yf));
        this.net = new MultiLayerNetwork(NetworkTrainer.build(kind, Task.REGRESSION, x[0].length, 1, o, o.seed()));
        this.net.init();
        this.batch = o.batch();
    }

    /** Runs one epoch; returns the last minibatch's score (so the work cannot be skipped). */
    public double epoch() {
        DataSet shuffled = train.copy();
        shuffled.shuffle(1_000_003L + ++epoch);
        NetworkTrainer.fitMinibatches(net, shuffled, batch);
        return net.score();
    }

    /** The network's parameter count and data type, for the benchmark line. */
    public String describe() {
        return net.numParams() + "params," + DataType.FLOAT.name().toLowerCase(java.util.Locale.ROOT);
    }
}
