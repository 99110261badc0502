package org.xasdaml.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the entries of a zip file the program wrote itself, each up to a size limit.
 *
 * <p>Why: a zip from a user may be crafted (an entry that inflates to terabytes, thousands of
 * entries) or just damaged (copied half-way). Entries are read only up to their limit, so a
 * hostile file costs at most the limits in memory, and a damaged one gives a message naming the
 * file instead of "Unexpected end of ZLIB input stream".
 */
public final class BoundedZip {
    private BoundedZip() {
    }

    /**
     * The entries of a zip, by name.
     *
     * @param limit bytes allowed for an entry of this name; 0 or less: the entry is not expected
     *              (skipped without being kept)
     * @param what  the file, for messages
     * @throws IOException naming {@code what} when an entry exceeds its limit, the same name comes
     *                     twice, or the zip is damaged or truncated
     */
    public static Map<String, byte[]> read(InputStream in, ToLongFunction<String> limit, String what) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            int count = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++count > 100_000) {
                    throw new IOException(what + " holds more than 100000 entries; it was not written by this program");
                }
                long max = limit.applyAsLong(e.getName());
                if (max <= 0) {
                    continue;
                }
                if (out.containsKey(e.getName())) {
                    throw new IOException(what + " holds " + e.getName() + " twice; it was not written by this program");
                }
                out.put(e.getName(), readUpTo(zip, max, what + " (" + e.getName() + ")"));
            }
        } catch (EOFException | ZipException e) {
            throw damaged(what, e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("ZLIB") || String.valueOf(e.getMessage()).contains("zip")) {
                throw damaged(what, e);
            }
            throw e;
        }
        return out;
    }

    private static IOException damaged(String what, Exception e) {
        return new IOException(what + " is damaged or incomplete (it ends early or a part of it does not unpack); copy or write it "
                + "again", e);
    }

    /** At most {@code max} bytes of a stream. @throws IOException when there are more */
    public static byte[] readUpTo(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > max) {
                throw new IOException(what + " is larger than " + human(max) + "; it was not written by this program");
            }
            b.write(buf, 0, r);
        }
        return b.toByteArray();
    }

    static String human(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }
}
