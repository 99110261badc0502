package org.xasdaml.table;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy array format (version 1.0, little-endian, C order), so that datasets written here
 * open with {@code numpy.load} and Python users lose nothing.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    private Npy() {
    }

    /** An array read back: its shape and values as doubles (or ints kept in doubles). */
    record Array(int[] shape, double[] values) {
    }

    static void writeHeader(OutputStream out, String descr, int... shape) throws IOException {
        StringBuilder sh = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", descr, sh);
        int total = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        int len = header.length();
        out.write(len & 0xff);
        out.write((len >> 8) & 0xff);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a rows x cols matrix given column-major as float64 or float32, C order. */
    static void writeMatrix(OutputStream out, double[][] columns, int rows, boolean single) throws IOException {
        int cols = columns.length;
        writeHeader(out, single ? "<f4" : "<f8", rows, cols);
        int width = single ? 4 : 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.max(1, cols) * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows; i++) {
            buf.clear();
            for (int j = 0; j < cols; j++) {
                if (single) {
                    buf.putFloat((float) columns[j][i]);
                } else {
                    buf.putDouble(columns[j][i]);
                }
            }
            out.write(buf.array(), 0, cols * width);
        }
    }

    static void writeDoubles(OutputStream out, double[] v) throws IOException {
        writeHeader(out, "<f8", v.length);
        ByteBuffer buf = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            buf.putDouble(d);
        }
        out.write(buf.array());
    }

    static void writeInts(OutputStream out, int[] v, int rows, int cols) throws IOException {
        writeHeader(out, "<i4", rows, cols);
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int d : v) {
            buf.putInt(d);
        }
        out.write(buf.array());
    }

    static Array read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[6];
        in.readFully(magic);
        for (int i = 0; i < 6; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy array");
            }
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int len;
        if (major == 1) {
            len = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        } else {
            len = in.readUnsignedByte() | (in.readUnsignedByte() << 8) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 24);
        }
        byte[] hb = new byte[len];
        in.readFully(hb);
        String header = new String(hb, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException(name + ": bad .npy header " + header.strip());
        }
        if (f.find() && f.group(1).equals("True")) {
            throw new IOException(name + ": Fortran-order arrays are not supported");
        }
        String descr = d.group(1);
        String[] parts = s.group(1).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        long total = 1;
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count++] = Integer.parseInt(p.strip());
                total *= shape[count - 1];
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        int width = switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            default -> throw new IOException(name + ": unsupported dtype " + descr);
        };
        byte[] data = new byte[Math.toIntExact(total * width)];
        in.readFully(data);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[(int) total];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (descr) {
                case "<f8" -> b.getDouble();
                case "<f4" -> b.getFloat();
                case "<i8" -> b.getLong();
                default -> b.getInt();
            };
        }
        return new Array(shape, v);
    }
}
