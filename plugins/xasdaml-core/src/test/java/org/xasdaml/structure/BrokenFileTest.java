package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input is an error naming file, frame and line, or, when asked, a reported skip. */
class BrokenFileTest {
    @TempDir
    Path dir;

    static final String FRAME = """
            ITEM: TIMESTEP
            %d
            ITEM: NUMBER OF ATOMS
            %d
            ITEM: BOX BOUNDS ff ff ff
            -10 10
            -10 10
            -10 10
            ITEM: ATOMS id type element x y z
            """;

    private Path dump(String name, String... frames) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("", frames));
        return p;
    }

    private static String frame(int t, int n, String atoms) {
        return String.format(FRAME, t, n) + atoms;
    }

    static final String THREE_CU = "1 1 Cu 0 0 0\n2 1 Cu 2.5 0 0\n3 1 Cu 0 2.5 0\n";

    private StructureFileException fails(Path p) {
        return assertThrows(StructureFileException.class, () -> StructureFormat.read(p, null, ReadOptions.DEFAULT));
    }

    @Test
    void truncatedFrame() throws IOException {
        Path p = dump("cut.dump", frame(0, 3, THREE_CU), frame(1, 3, "1 1 Cu 0 0 0\n"));
        StructureFileException e = fails(p);
        assertEquals("cut.dump, frame 1, line 22: the header announces 3 atoms but the frame has 1 atom lines (file truncated?)",
                e.getMessage());
        assertEquals(1, e.frame());
    }

    @Test
    void wrongCount() throws IOException {
        Path p = dump("count.dump", frame(0, 2, THREE_CU), frame(1, 3, THREE_CU));
        assertEquals("count.dump, frame 0, line 12: the header announces 2 atoms but the frame has more atom lines",
                fails(p).getMessage());
    }

    @Test
    void notANumber() throws IOException {
        Path p = dump("nan.dump", frame(0, 3, "1 1 Cu 0 0 0\n2 1 Cu nan 0 0\n3 1 Cu 0 2.5 0\n"));
        assertEquals("nan.dump, frame 0, line 11: coordinate is not finite: 'nan'", fails(p).getMessage());
    }

    @Test
    void unknownElement() throws IOException {
        Path p = dump("xx.dump", frame(0, 3, "1 1 Cu 0 0 0\n2 1 Qq 1 0 0\n3 1 Cu 0 2.5 0\n"));
        assertEquals("xx.dump, frame 0, line 11: unknown element symbol 'Qq'", fails(p).getMessage());
    }

    @Test
    void skipBadFramesReportsAndGoesOn() throws IOException {
        Path p = dump("mixed.dump", frame(0, 3, THREE_CU), frame(1, 3, "1 1 Cu 0 0 0\n2 1 Cu inf 0 0\n3 1 Cu 0 2.5 0\n"),
                frame(2, 3, THREE_CU));
        ReadResult r = StructureFormat.read(p, null, ReadOptions.DEFAULT.withSkipBadFrames(true));
        assertEquals(List.of(0, 2), r.frames().stream().map(Frame::index).toList());
        assertEquals(1, r.skipped().size());
        assertEquals("mixed.dump, frame 1, line 23: coordinate is not finite: 'inf'", r.skipped().get(0).getMessage());
    }

    @Test
    void typeWithoutMap() throws IOException {
        Path p = dir.resolve("types.dump");
        Files.writeString(p, String.format(FRAME, 0, 1).replace("type element", "type") + "1 1 0 0 0\n");
        assertEquals("types.dump, frame 0, line 9: no 'element' column: give a type map (e.g. 1=Cu,2=O) to name the species of each type",
                fails(p).getMessage());
    }

    @Test
    void xyzCountMismatch() throws IOException {
        Path p = dir.resolve("short.xyz");
        Files.writeString(p, "3\ncomment\nCu 0 0 0\nCu 1 0 0\n");
        assertEquals("short.xyz, frame 0, line 4: the frame announces 3 atoms but the file ends after 2 (truncated?)",
                fails(p).getMessage());
    }

    @Test
    void xyzUnknownElementAndNan() throws IOException {
        Path p = dir.resolve("bad.xyz");
        Files.writeString(p, "2\nc\nCu 0 0 0\nZz 1 0 0\n");
        assertEquals("bad.xyz, frame 0, line 4: unknown element symbol 'Zz'", fails(p).getMessage());
        Files.writeString(p, "2\nc\nCu 0 0 0\nCu 1 NaN 0\n");
        assertEquals("bad.xyz, frame 0, line 4: coordinate is not finite: 'NaN'", fails(p).getMessage());
    }

    @Test
    void poscarCountsAndTruncation() throws IOException {
        Path p = dir.resolve("POSCAR");
        Files.writeString(p, "test\n1.0\n3 0 0\n0 3 0\n0 0 3\nCu O\n1 2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        assertEquals("POSCAR, frame 0, line 10: the header announces 3 atoms but the frame has 2 coordinate lines (file truncated?)",
                fails(p).getMessage());
        Files.writeString(p, "test\n1.0\n3 0 0\n0 3 0\n0 0 3\nCu O\n1\nDirect\n0 0 0\n");
        assertEquals("POSCAR, frame 0, line 7: 2 element symbols but 1 counts", fails(p).getMessage());
    }

    @Test
    void poscarVasp4NeedsElements() throws IOException {
        Path p = dir.resolve("POSCAR");
        Files.writeString(p, "test\n-27.0\n3 0 0\n0 3 0\n0 0 3\n1 1\nCartesian\n0 0 0\n1.5 1.5 1.5\n");
        assertEquals("POSCAR, frame 0, line 6: VASP 4 file without an element line: give the 2 element symbols in order",
                fails(p).getMessage());
        ReadResult r = StructureFormat.read(p, null, new ReadOptions(false, java.util.Map.of(),
                List.of(Element.of("Cu"), Element.of("O"))));
        Frame f = r.frames().get(0);
        assertEquals(27.0, f.lattice().volume(), 1e-12, "negative scale is the volume");
        assertEquals(1.5, f.x(1), 1e-12);
        assertEquals("CuO", f.formula());
    }

    @Test
    void emptyAndUnknownFormat() throws IOException {
        Path p = dir.resolve("mystery.txt");
        Files.writeString(p, "hello\n");
        assertEquals("mystery.txt, line 1: cannot tell the format from the name or first line; give it (lammps-dump, xyz, poscar, xdatcar)",
                fails(p).getMessage());
    }

    /** A header's atom count is checked against the file's size before anything is allocated for it. */
    @Test
    void hugeAnnouncedAtomCountsAreRefusedBeforeAllocation() throws IOException {
        Runtime rt = Runtime.getRuntime();
        Path xyz = dir.resolve("huge.xyz");
        Files.writeString(xyz, "1000000000\n\nCu 0 0 0\nCu 0 0 2\n");
        assertEquals(30, Files.size(xyz));
        long before = rt.totalMemory() - rt.freeMemory();
        assertEquals("huge.xyz, frame 0, line 1: the header announces 1000000000 atoms, but the whole file (30 bytes) can hold at "
                + "most 3; the atom count is wrong or the file is truncated", fails(xyz).getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(rt.totalMemory() - rt.freeMemory() - before < 100 << 20, "no gigabytes taken");

        // 1e9 atoms: 3 × 1e9 overflowed int to a negative array size
        Path dump = dump("huge.dump", frame(0, 1_000_000_000, THREE_CU));
        assertEquals("huge.dump, frame 0, line 4: the header announces 1000000000 atoms, but the whole file (" + Files.size(dump)
                + " bytes) can hold at most " + Files.size(dump) / 10 + "; the atom count is wrong or the file is truncated",
                fails(dump).getMessage());
        Path big = dump("bigger.dump", frame(0, 0, THREE_CU).replace("\n0\nITEM: BOX", "\n5000000000\nITEM: BOX"));
        assertEquals("bigger.dump, frame 0, line 4: the header announces 5000000000 atoms, but the whole file (" + Files.size(big)
                + " bytes) can hold at most " + Files.size(big) / 10 + "; the atom count is wrong or the file is truncated",
                fails(big).getMessage());

        Path poscar = dir.resolve("POSCAR");
        Files.writeString(poscar, "Cu\n1.0\n3.6 0 0\n0 3.6 0\n0 0 3.6\nCu\n2000000000\nCartesian\n0 0 0\n");
        assertEquals("POSCAR, frame 0, line 7: the header announces 2000000000 atoms, but the whole file (" + Files.size(poscar)
                + " bytes) can hold at most " + Files.size(poscar) / 6 + "; the atom count is wrong or the file is truncated",
                fails(poscar).getMessage());
    }

    @Test
    void aByteOrderMarkIsReadPastAndAFolderIsNamed() throws IOException {
        Path xyz = dir.resolve("bom.xyz");
        Files.writeString(xyz, "\uFEFF2\n\nCu 0 0 0\nCu 0 0 2.5\n");
        assertEquals(2, StructureFormat.read(xyz, null, ReadOptions.DEFAULT).frames().get(0).size());
        Path bad = dir.resolve("bad.xyz");
        Files.writeString(bad, "\uFEFFtwo\n\nCu 0 0 0\n");
        assertEquals("bad.xyz, frame 0, line 1: expected the atom count of a frame, found 'two'", fails(bad).getMessage());
        Path nul = dir.resolve("nul.xyz");
        Files.writeString(nul, "2\u0000\n\nCu 0 0 0\n");
        assertEquals("nul.xyz, frame 0, line 1: expected the atom count of a frame, found '2\\u0000'", fails(nul).getMessage());
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> StructureFormat.read(dir, null, ReadOptions.DEFAULT));
        assertEquals(dir + " is a folder; give the structure file inside it (a LAMMPS dump, XYZ, POSCAR or XDATCAR)",
                e.getCause().getMessage());
    }
}
