package org.xasdaml.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j networks as a {@link Predictor}: one network, or an ensemble trained with
 * consecutive seeds whose spread is the uncertainty of each prediction.
 *
 * <p>Stored with Deeplearning4j's {@link ModelSerializer} (a zip of the JSON configuration and the
 * binary parameters, no Java serialisation), without the optimiser state.
 *
 * @param networks trained networks, best checkpoint of each
 * @param task     regression (linear outputs) or classification (softmax outputs)
 */
public record NetworkEnsemble(List<MultiLayerNetwork> networks, Task task) implements Predictor {
    public NetworkEnsemble {
        networks = List.copyOf(networks);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one network");
        }
    }

    @Override
    public synchronized Output predict(double[][] x) {
        INDArray in = toArray(x);
        double[][][] members = new double[networks.size()][][];
        for (int m = 0; m < members.length; m++) {
            members[m] = networks.get(m).output(in, false).castTo(DataType.DOUBLE).toDoubleMatrix();
            if (members[m].length != x.length) { // a single row comes back as a vector
                members[m] = new double[][]{networks.get(m).output(in, false).castTo(DataType.DOUBLE).toDoubleVector()};
            }
        }
        return Predictor.summarise(members);
    }

    @Override
    public int members() {
        return networks.size();
    }

    /** Parameters of one network (for provenance). */
    public long parameters() {
        return networks.get(0).numParams();
    }

    static INDArray toArray(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < f[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return Nd4j.create(f);
    }

    /** Each network in Deeplearning4j's own format. */
    public List<byte[]> toBytes() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (MultiLayerNetwork n : networks) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ModelSerializer.writeModel(n, b, false);
            out.add(b.toByteArray());
        }
        return out;
    }

    public static NetworkEnsemble fromBytes(List<byte[]> nets, Task task) throws IOException {
        BlasThreads.prepare();
        List<MultiLayerNetwork> out = new ArrayList<>();
        for (byte[] b : nets) {
            out.add(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(b), false));
        }
        return new NetworkEnsemble(out, task);
    }
}
