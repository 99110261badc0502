package org.xasdaml.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way outputs reach the disk: into a temporary file in the target's own folder, then
 * renamed over the target in one step.
 *
 * <p>Why: a reader (a rerun, the next stage, KNIME) sees either the old complete file or the new
 * complete file, never half of one after a full disk or a kill; and a symbolic link planted under
 * an output name is refused instead of having its target, possibly outside the output folder,
 * overwritten. A rename within one folder is atomic on every local file system.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the bytes a writer produces. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text (UTF-8) to {@code target} atomically. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.append(text);
            w.flush();
        });
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] data) throws IOException {
        write(target, out -> out.write(data));
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically.
     *
     * @throws IOException naming the file when it is a symbolic link, when the disk is full, or when
     *                     it cannot be written; the previous content of {@code target} is then kept
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        refuseLink(target);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS), 1 << 16)) {
                content.writeTo(out);
            }
            refuseLink(target);
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw explain(target, e);
        }
    }

    /** Moves a finished temporary file (in the same folder) over {@code target} in one step, replacing a link rather than its target. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @throws IOException when {@code target} is a symbolic link (writing would change its target, maybe outside the output folder) */
    public static void refuseLink(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            String to;
            try {
                to = String.valueOf(Files.readSymbolicLink(target));
            } catch (IOException e) {
                to = "?";
            }
            throw new IOException("will not write " + target + ": it is a symbolic link (to " + to
                    + "); outputs are written only as plain files in the output folder. Remove the link or choose another --out");
        }
    }

    /** A message for a failed write that names the file and says what to do, for the few causes users can fix. */
    public static IOException explain(Path target, Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
            return new IOException("cannot write " + target + ": the disk is full. Free some space (or choose another --out) and run "
                    + "again; the files written before are unchanged", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new IOException("cannot write " + target + ": permission denied; choose an output folder you may write to", e);
        }
        if (e instanceof IOException io && m.startsWith("will not write")) {
            return io;
        }
        if (e instanceof FileSystemException fs) {
            return new IOException("cannot write " + target + ": " + (fs.getReason() == null ? m : fs.getReason()), e);
        }
        if (e instanceof UncheckedIOException u) {
            return explain(target, u.getCause());
        }
        if (e instanceof IOException io) {
            return new IOException("cannot write " + target + ": " + m, io);
        }
        throw (RuntimeException) e;
    }
}
