package org.xasdaml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkUnderAnOutputNameIsRefusedAndItsTargetKept() throws Exception {
        Path outside = dir.resolve("outside.txt");
        Files.writeString(outside, "precious");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("provenance.json"), outside);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(out.resolve("provenance.json"), "{}"));
        assertTrue(e.getMessage().startsWith("will not write " + out.resolve("provenance.json") + ": it is a symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(outside));
        assertEquals(List.of("provenance.json"), names(out), "no temporary file is left behind");
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("mu.csv");
        AtomicFiles.writeString(f, "old complete content\n");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, os -> {
            os.write("half of the new".getBytes());
            throw new IOException("No space left on device");
        }));
        assertEquals("old complete content\n", Files.readString(f));
        assertEquals(List.of("mu.csv"), names(dir));
        byte[] data = {1, 2, 3};
        AtomicFiles.write(f, data);
        assertArrayEquals(data, Files.readAllBytes(f));
    }

    /** A real full disk: a 256 KiB tmpfs (needs root; skipped with a reason otherwise). */
    @Test
    void aFullDiskGivesAClearMessageAndKeepsTheOldFile() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("small"));
        if (!FullDisk.mount(mnt)) {
            return;
        }
        try {
            Path f = mnt.resolve("values.csv");
            AtomicFiles.writeString(f, "old\n");
            byte[] big = new byte[1 << 20];
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, big));
            assertEquals("cannot write " + f + ": the disk is full. Free some space (or choose another --out) and run again; "
                    + "the files written before are unchanged", e.getMessage());
            assertEquals("old\n", Files.readString(f));
            assertEquals(List.of("values.csv"), names(mnt));
        } finally {
            FullDisk.unmount(mnt);
        }
    }

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
