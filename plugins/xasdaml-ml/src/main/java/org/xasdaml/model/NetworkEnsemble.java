package org.xasdaml.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xasdaml.io.BoundedZip;
import org.xasdaml.io.Json;

/**
 * Deeplearning4j networks as a {@link Predictor}: one network, or an ensemble trained with
 * consecutive seeds whose spread is the uncertainty of each prediction.
 *
 * <p>Stored as a zip of the JSON configuration and the raw float32 parameters ({@link #toBytes}),
 * without the optimiser state; read back without Java serialisation or a foreign binary header.
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

    /** Largest configuration accepted when reading (the 5-layer MLP's is 20 KB). */
    static final long MAX_CONFIGURATION = 16L << 20;
    /** Largest parameter entry accepted: 256 M float32 parameters (the largest network here has 0.7 M). */
    static final long MAX_COEFFICIENTS = 1L << 30;
    /** Entry names inside each network's zip. */
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.f32le";
    /** The parameters as archives of version 1 stored them (Deeplearning4j's serializer; read by {@link #legacyCoefficients}). */
    static final String LEGACY_COEFFICIENTS = "coefficients.bin";

    /**
     * Each network as a zip of its JSON configuration and its parameters as raw little-endian
     * float32 (the networks' own precision), in Deeplearning4j's flattened order.
     *
     * <p>Why not Deeplearning4j's {@code ModelSerializer}: its reader also opens an optional
     * {@code preprocessor.bin} with Java's {@code ObjectInputStream}, so a crafted archive could
     * instantiate arbitrary classes, and its binary array header announces a length that is
     * allocated before it is checked. Here the network is rebuilt from its configuration and the
     * parameter count it implies is checked against the bytes before anything is allocated.
     */
    public List<byte[]> toBytes() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (MultiLayerNetwork n : networks) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(b)) {
                zip.putNextEntry(new ZipEntry(CONFIGURATION));
                zip.write(n.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(COEFFICIENTS));
                float[] p = n.params().castTo(DataType.FLOAT).toFloatVector();
                ByteBuffer bb = ByteBuffer.allocate(4 * p.length).order(ByteOrder.LITTLE_ENDIAN);
                bb.asFloatBuffer().put(p);
                zip.write(bb.array());
                zip.closeEntry();
            }
            out.add(b.toByteArray());
        }
        return out;
    }

    /**
     * Networks from {@link #toBytes}: configuration and parameters only; any other entry (a
     * {@code preprocessor.bin}, an updater state) is ignored, never read.
     *
     * @param what the archive, for messages
     */
    public static NetworkEnsemble fromBytes(List<byte[]> nets, Task task, String what) throws IOException {
        BlasThreads.prepare();
        List<MultiLayerNetwork> out = new ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            String where = what + ", network " + i;
            Map<String, byte[]> e = BoundedZip.read(new ByteArrayInputStream(nets.get(i)),
                    name -> name.equals(CONFIGURATION) ? MAX_CONFIGURATION
                            : name.equals(COEFFICIENTS) || name.equals(LEGACY_COEFFICIENTS) ? MAX_COEFFICIENTS : 0,
                    where);
            if (!e.containsKey(CONFIGURATION) || !(e.containsKey(COEFFICIENTS) || e.containsKey(LEGACY_COEFFICIENTS))) {
                throw new IOException(where + " lacks " + (e.containsKey(CONFIGURATION) ? COEFFICIENTS : CONFIGURATION)
                        + "; the archive is damaged or was not written by this program, train the model again");
            }
            String json = new String(e.get(CONFIGURATION), StandardCharsets.UTF_8);
            checkTypes(Json.parse(json), where);
            MultiLayerConfiguration conf;
            try {
                conf = MultiLayerConfiguration.fromJson(json);
            } catch (RuntimeException ex) {
                throw new IOException(where + ": the network configuration cannot be read; train the model again", ex);
            }
            MultiLayerNetwork n = new MultiLayerNetwork(conf);
            n.init();
            float[] p;
            if (e.containsKey(COEFFICIENTS)) {
                byte[] c = e.get(COEFFICIENTS);
                if (c.length != 4L * n.numParams()) {
                    throw new IOException(where + ": " + c.length / 4 + " parameters stored but its configuration has " + n.numParams()
                            + "; the archive is damaged, train the model again");
                }
                p = new float[(int) n.numParams()];
                ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(p);
            } else {
                p = legacyCoefficients(e.get(LEGACY_COEFFICIENTS), n.numParams(), where);
            }
            n.setParams(Nd4j.create(p).reshape(1, p.length).castTo(n.params().dataType()));
            out.add(n);
        }
        return new NetworkEnsemble(out, task);
    }

    /**
     * The parameters of a version-1 archive, parsed here instead of by ND4J's reader, whose
     * header announces lengths that it allocates before checking. The layout (ND4J's
     * {@code Nd4j.write}: two buffers, each an allocation-mode text, a length, a type name and the
     * big-endian values: the shape information, then the data) is checked against the parameter
     * count the configuration implies before anything is allocated.
     */
    static float[] legacyCoefficients(byte[] c, long expected, String where) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(c));
        try {
            in.readUTF();
            long shapeLength = in.readLong();
            String shapeType = in.readUTF();
            if (shapeLength < 0 || shapeLength > 64 || !(shapeType.equals("LONG") || shapeType.equals("INT"))) {
                throw new IOException("shape information of " + shapeLength + " " + shapeType);
            }
            in.skipNBytes(shapeLength * (shapeType.equals("LONG") ? 8 : 4));
            in.readUTF();
            long length = in.readLong();
            String type = in.readUTF();
            if (length != expected) {
                throw new IOException(length + " parameters stored but its configuration has " + expected);
            }
            float[] p = new float[(int) expected];
            switch (type) {
                case "FLOAT" -> {
                    for (int i = 0; i < p.length; i++) {
                        p[i] = in.readFloat();
                    }
                }
                case "DOUBLE" -> {
                    for (int i = 0; i < p.length; i++) {
                        p[i] = (float) in.readDouble();
                    }
                }
                default -> throw new IOException("parameters of type " + type);
            }
            return p;
        } catch (java.io.EOFException | java.io.UTFDataFormatException ex) {
            throw new IOException(where + ": the parameters end early; the archive is damaged, train the model again", ex);
        } catch (IOException ex) {
            throw new IOException(where + ": " + ex.getMessage() + "; the archive is damaged, train the model again", ex);
        }
    }

    /**
     * Refuses type names in the configuration other than Deeplearning4j's and ND4J's own: the JSON
     * names its layer classes, and a reader that instantiates named classes must not be handed
     * arbitrary ones.
     */
    private static void checkTypes(Object json, String where) throws IOException {
        if (json instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> en : m.entrySet()) {
                if (String.valueOf(en.getKey()).startsWith("@") && en.getValue() instanceof String cls
                        && !(cls.startsWith("org.deeplearning4j.") || cls.startsWith("org.nd4j."))) {
                    throw new IOException(where + ": the network configuration names the class " + cls
                            + ", which is not part of Deeplearning4j; the archive was not written by this program");
                }
                checkTypes(en.getValue(), where);
            }
        } else if (json instanceof List<?> l) {
            for (Object o : l) {
                checkTypes(o, where);
            }
        }
    }
}
