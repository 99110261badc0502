package org.xasdaml.feff;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xasdaml.io.Json;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.Codec;
import org.xasdaml.workflow.PortType;

/**
 * Wavelet magnitude maps |W(k, R)| of many samples, in single precision, kept in a file rather than
 * on the heap: 5000 samples × 131 R × 200 k are 524 MB as floats and would be 1 GB as the doubles of a
 * sample table (2 GB while one is built from the other), so the maps are streamed to disk as they are
 * computed and read back one sample at a time.
 *
 * <p>Stored in a run folder as {@code <port>.npz} in the layout of sample tables ({@code ids.npy}
 * int32 n × 2, {@code values.npy} float32 n × (nR·nk), R-major per sample, {@code table.json} with the
 * column names {@code wt_k<k>_r<R>} and {@code precision=float32}), plus {@code k.npy} and {@code r.npy},
 * so {@code numpy.load} and the project's table reader open it.
 */
public final class WaveletMaps {
    /** The port type of wavelet maps. */
    public static final PortType<WaveletMaps> TYPE = new PortType<>("wavelet-maps", WaveletMaps.class,
            "Cauchy wavelet magnitudes |W(k, R)| per sample, single precision, R-major", false, new MapsCodec());

    private final List<SampleId> ids;
    private final float[] k;
    private final float[] r;
    private final Path data;
    private final float[] values;
    private final Map<String, String> meta;

    /**
     * @param ids  samples, one map each, in the order of the data file
     * @param k    k values of the map (Å⁻¹)
     * @param r    R values of the map (Å)
     * @param data raw little-endian float32 file, n × r.length × k.length
     * @param meta what made the maps (wavelet options, source)
     */
    public WaveletMaps(List<SampleId> ids, float[] k, float[] r, Path data, Map<String, String> meta) {
        this(ids, k, r, data, null, meta);
    }

    private WaveletMaps(List<SampleId> ids, float[] k, float[] r, Path data, float[] values, Map<String, String> meta) {
        this.ids = List.copyOf(ids);
        this.k = k.clone();
        this.r = r.clone();
        this.data = data;
        this.values = values;
        this.meta = org.xasdaml.io.OrderedCopy.of(meta);
        if (values != null) {
            if (values.length != (long) ids.size() * mapSize()) {
                throw new IllegalArgumentException("wavelet values: " + values.length + " for " + ids.size() + " maps of " + mapSize());
            }
            return;
        }
        try {
            long expected = (long) ids.size() * mapSize() * 4;
            if (Files.size(data) != expected) {
                throw new IllegalArgumentException("wavelet data " + data + " holds " + Files.size(data) + " bytes, expected "
                        + expected);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read wavelet data " + data, e);
        }
    }

    public List<SampleId> ids() {
        return ids;
    }

    public float[] k() {
        return k.clone();
    }

    public float[] r() {
        return r.clone();
    }

    public Map<String, String> meta() {
        return meta;
    }

    public int size() {
        return ids.size();
    }

    /** Values per map: r.length × k.length. */
    public int mapSize() {
        return r.length * k.length;
    }

    /** The map of one sample, R-major: {@code map[ir * k.length + ik]}. */
    public float[] map(int row) {
        if (values != null) {
            return java.util.Arrays.copyOfRange(values, row * mapSize(), (row + 1) * mapSize());
        }
        ByteBuffer b = ByteBuffer.allocate(mapSize() * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
            long pos = (long) row * mapSize() * 4;
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) {
                    throw new IOException("unexpected end of " + data);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        b.flip();
        float[] m = new float[mapSize()];
        b.asFloatBuffer().get(m);
        return m;
    }

    /** Receives the little-endian float32 bytes of the maps, in order, a chunk at a time. */
    @FunctionalInterface
    interface ByteSink {
        void accept(byte[] b, int off, int len);
    }

    /** Hands the raw bytes of every map, in order, to a sink (from the file or from memory). */
    void forEachChunk(ByteSink sink) throws IOException {
        if (values != null) {
            ByteBuffer vb = ByteBuffer.allocate(4 * mapSize()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < size(); i++) {
                vb.clear();
                vb.asFloatBuffer().put(values, i * mapSize(), mapSize());
                sink.accept(vb.array(), 0, 4 * mapSize());
            }
            return;
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(data)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                sink.accept(buf, 0, r);
            }
        }
    }

    /** Appends maps to a raw float32 file, one sample after another. */
    public static final class Writer implements AutoCloseable {
        private final OutputStream out;
        private final int mapSize;
        private final ByteBuffer buf;

        public Writer(Path file, int mapSize) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.mapSize = mapSize;
            this.buf = ByteBuffer.allocate(mapSize * 4).order(ByteOrder.LITTLE_ENDIAN);
        }

        public void append(float[] map) throws IOException {
            if (map.length != mapSize) {
                throw new IllegalArgumentException("map of " + map.length + " values, expected " + mapSize);
            }
            buf.clear();
            buf.asFloatBuffer().put(map);
            out.write(buf.array(), 0, mapSize * 4);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Column names, as a sample table of the same data would have them. */
    List<String> columnNames() {
        List<String> names = new ArrayList<>(mapSize());
        for (float rr : r) {
            for (float kk : k) {
                names.add(String.format(Locale.ROOT, "wt_k%.2f_r%.4f", kk, rr));
            }
        }
        return names;
    }

    /** Stores maps as {@code <base>.npz}, streamed from the raw file; reading loads the floats onto the heap. */
    static final class MapsCodec implements Codec<WaveletMaps> {
        @Override
        public void write(WaveletMaps w, Path base) throws IOException {
            Path file = base.resolveSibling(base.getFileName() + ".npz");
            Files.createDirectories(file.toAbsolutePath().getParent());
            org.xasdaml.io.AtomicFiles.write(file, os -> {
                ZipOutputStream zip = new ZipOutputStream(os);
                zip.setLevel(1);
                int n = w.size();
                zip.putNextEntry(new ZipEntry("ids.npy"));
                header(zip, "<i4", n, 2);
                ByteBuffer ib = ByteBuffer.allocate(8 * Math.max(1, n)).order(ByteOrder.LITTLE_ENDIAN);
                for (SampleId id : w.ids) {
                    ib.putInt(id.frame()).putInt(id.site());
                }
                zip.write(ib.array(), 0, 8 * n);
                zip.closeEntry();
                // float32 magnitudes hardly compress (524 → 470 MB for 5000 maps) but deflating them costs
                // minutes, so values.npy is stored; a stored entry needs its size and CRC before its bytes
                java.io.ByteArrayOutputStream hb = new java.io.ByteArrayOutputStream();
                header(hb, "<f4", n, w.mapSize());
                byte[] head = hb.toByteArray();
                long bytes = 4L * n * w.mapSize();
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(head);
                w.forEachChunk(crc::update);
                ZipEntry ve = new ZipEntry("values.npy");
                ve.setMethod(ZipEntry.STORED);
                ve.setSize(head.length + bytes);
                ve.setCompressedSize(head.length + bytes);
                ve.setCrc(crc.getValue());
                zip.putNextEntry(ve);
                zip.write(head);
                w.forEachChunk((b, off, len) -> {
                    try {
                        zip.write(b, off, len);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("k.npy"));
                floats(zip, w.k);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("r.npy"));
                floats(zip, w.r);
                zip.closeEntry();
                Map<String, Object> desc = new LinkedHashMap<>();
                desc.put("columns", w.columnNames());
                desc.put("text", List.of());
                Map<String, String> meta = new LinkedHashMap<>(w.meta);
                meta.put("precision", "float32");
                meta.put("shape", "r x k = " + w.r.length + " x " + w.k.length + ", r-major");
                desc.put("meta", meta);
                zip.putNextEntry(new ZipEntry("table.json"));
                zip.write(Json.write(desc).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public WaveletMaps read(Path base) throws IOException {
            Path file = base.toString().endsWith(".npz") ? base : base.resolveSibling(base.getFileName() + ".npz");
            List<SampleId> ids = new ArrayList<>();
            float[] k = null;
            float[] r = null;
            float[] values = null;
            Map<String, String> meta = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    DataInputStream in = new DataInputStream(zip);
                    switch (e.getName()) {
                        case "ids.npy" -> {
                            ByteBuffer b = ByteBuffer.wrap(payload(in)).order(ByteOrder.LITTLE_ENDIAN);
                            while (b.remaining() >= 8) {
                                ids.add(new SampleId(b.getInt(), b.getInt()));
                            }
                        }
                        case "values.npy" -> values = toFloats(payload(in));
                        case "k.npy" -> k = toFloats(payload(in));
                        case "r.npy" -> r = toFloats(payload(in));
                        case "table.json" -> {
                            Map<String, Object> d = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            if (d.get("meta") instanceof Map<?, ?> m) {
                                m.forEach((a, b) -> meta.put(String.valueOf(a), String.valueOf(b)));
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            if (k == null || r == null || values == null) {
                throw new IOException(file + " is not a wavelet-maps file (no k.npy / r.npy)");
            }
            return new WaveletMaps(ids, k, r, null, values, meta);
        }

        @Override
        public boolean exists(Path base) {
            return Files.isRegularFile(base.resolveSibling(base.getFileName() + ".npz"))
                    || (base.toString().endsWith(".npz") && Files.isRegularFile(base));
        }

        private static void header(OutputStream out, String descr, int... shape) throws IOException {
            StringBuilder sh = new StringBuilder();
            for (int i = 0; i < shape.length; i++) {
                sh.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
            }
            String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", descr, sh);
            int total = 6 + 2 + 2 + dict.length() + 1;
            String h = dict + " ".repeat((64 - total % 64) % 64) + "\n";
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (h.length() & 0xff), (byte) (h.length() >> 8)});
            out.write(h.getBytes(StandardCharsets.US_ASCII));
        }

        private static void floats(OutputStream out, float[] v) throws IOException {
            header(out, "<f4", v.length);
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.write(b.array());
        }

        private static void skipHeader(DataInputStream in) throws IOException {
            byte[] pre = in.readNBytes(10);
            if (pre.length < 10 || pre[0] != (byte) 0x93) {
                throw new IOException("not a .npy entry");
            }
            int len = (pre[8] & 0xff) | ((pre[9] & 0xff) << 8);
            in.readNBytes(len);
        }

        private static byte[] payload(DataInputStream in) throws IOException {
            skipHeader(in);
            return in.readAllBytes();
        }

        private static float[] toFloats(byte[] b) {
            float[] f = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return f;
        }
    }
}
