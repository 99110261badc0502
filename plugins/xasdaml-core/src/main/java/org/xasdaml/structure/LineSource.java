package org.xasdaml.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a text file with their numbers, so every parse error can say where it is.
 * Gzipped files (".gz") are read transparently.
 */
final class LineSource implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private long number;
    private String pushedBack;

    LineSource(Path file) {
        this.file = file;
        try {
            var raw = Files.newInputStream(file);
            var stream = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The next line, or null at the end of the file. */
    String next() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            number++;
            return s;
        }
        try {
            String s = in.readLine();
            if (s != null) {
                number++;
                if (number == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1); // a byte-order mark some editors put first: invisible, and not part of the data
                }
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " at line " + (number + 1) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next line, which must exist.
     *
     * @param frame the frame being read, for the message
     * @param what  what the line holds, e.g. "the scale factor"
     * @throws StructureFileException naming the file, frame and line when the file ends here
     */
    String required(int frame, String what) {
        String line = next();
        if (line == null) {
            throw new StructureFileException(file, frame, number, "file ends where " + what + " should be (truncated?)");
        }
        return line;
    }

    /** Gives back the line just read, so the next call returns it again. */
    void pushBack(String line) {
        pushedBack = line;
        number--;
    }

    /**
     * Refuses an atom count announced by a header that the file cannot possibly hold, before
     * anything is allocated for it: each atom needs a line of at least {@code minBytesPerAtom}
     * bytes, and a gzipped file unpacks to at most 1032 times its size (deflate's limit). A
     * 30-byte XYZ announcing 1e9 atoms is thus refused at once instead of taking gigabytes first.
     *
     * @return the count as an int
     */
    int checkAtomCount(long announced, int frame, long line, int minBytesPerAtom) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = Long.MAX_VALUE / 2048;
        }
        long room = (file.getFileName().toString().endsWith(".gz") ? bytes * 1032 : bytes) / minBytesPerAtom;
        if (announced > room || announced > Integer.MAX_VALUE / 3) {
            throw new StructureFileException(file, frame, line, "the header announces " + announced + " atoms, but the whole file ("
                    + bytes + " bytes) can hold at most " + Math.min(room, Integer.MAX_VALUE / 3)
                    + "; the atom count is wrong or the file is truncated");
        }
        return (int) announced;
    }

    /** Number of the line last returned by {@link #next()}. */
    long lineNumber() {
        return number;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
