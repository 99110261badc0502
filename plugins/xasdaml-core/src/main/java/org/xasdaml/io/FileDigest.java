package org.xasdaml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of input files, so provenance says exactly which data a result came from. */
public final class FileDigest {
    private FileDigest() {
    }

    /** Hex SHA-256 of a file, or of a folder's files (names and contents, in sorted order). */
    public static String sha256(Path path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(path)) {
                    files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(FolderLock.FILE)).sorted().toList();
                }
                for (Path f : files) {
                    md.update(path.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    update(md, f);
                }
            } else {
                update(md, path);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Hex SHA-256 of stored port data: the file or folder itself when it exists, else the files
     * that share its name plus an extension ({@code mu} stands for {@code mu.npz}, {@code mu.json}),
     * which is how codecs store a port under a base name.
     */
    public static String sha256OfStored(Path base) {
        if (Files.exists(base)) {
            return sha256(base);
        }
        Path dir = base.toAbsolutePath().getParent();
        String prefix = base.getFileName().toString() + ".";
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            if (files.isEmpty()) {
                throw new UncheckedIOException(new java.io.FileNotFoundException("nothing stored at " + base));
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(HexFormat.of().parseHex(sha256(f)));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
    }
}
