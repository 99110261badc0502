package org.xasdaml.knime.gen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xasdaml.workflow.PortType;

/**
 * A port's data as bytes, for KNIME port objects: the port type's own codec writes its files into
 * a scratch folder and they are zipped, so a KNIME port holds exactly what a command-line run
 * folder holds (and a model trained in KNIME is the same archive the command line reads).
 */
public final class CodecBytes {
    /** The base name the codec writes under inside the zip. */
    static final String BASE = "data";

    private CodecBytes() {
    }

    public static <T> byte[] encode(PortType<T> type, T value) throws IOException {
        Path dir = Files.createTempDirectory("xasdaml-port-");
        try {
            type.codec().write(value, dir.resolve(BASE));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    ZipEntry e = new ZipEntry(dir.relativize(p).toString().replace('\\', '/'));
                    e.setTime(0);
                    zip.putNextEntry(e);
                    Files.copy(p, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } finally {
            delete(dir);
        }
    }

    public static <T> T decode(PortType<T> type, byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("xasdaml-port-");
        try {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("port data holds an entry outside its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                    }
                }
            }
            if (!type.codec().exists(dir.resolve(BASE))) {
                throw new IOException("port data holds no " + type.id() + " data");
            }
            return type.codec().read(dir.resolve(BASE));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
