package org.xasdaml.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;

class TableCodecTest {
    @TempDir
    Path dir;

    final TableCodec codec = new TableCodec();

    @Test
    void descriptorCsvMatchesTheReferenceLayout() throws Exception {
        SampleTable t = SampleTable.ofColumns(List.of(new SampleId(0, 0), new SampleId(1, 0), new SampleId(7, 0)),
                List.of("CN_JmolNN"), new double[][] {{11, 12, 3}});
        codec.write(t, dir.resolve("cn_JmolNN"));
        assertEquals("index,CN_JmolNN\n0,11\n1,12\n7,3\n", Files.readString(dir.resolve("cn_JmolNN.csv")));
        assertEquals(t, codec.read(dir.resolve("cn_JmolNN")));
    }

    @Test
    void csvKeepsFullPrecisionSitesTextAndMeta() throws Exception {
        SampleTable t = SampleTable.ofColumns(List.of(new SampleId(3, 0), new SampleId(3, 5)), List.of("CR_JmolNN"),
                        new double[][] {{2.695800694372228, Double.NaN}})
                .withText("set", new String[] {"train", "te,st"}).withMeta(Map.of("method", "JmolNN"));
        codec.write(t, dir.resolve("x"));
        assertTrue(Files.readString(dir.resolve("x.csv")).startsWith("index,site,CR_JmolNN,set\n3,0,2.695800694372228,train\n"));
        SampleTable back = codec.read(dir.resolve("x"));
        assertEquals(t.ids(), back.ids());
        assertArrayEquals(t.column(0), back.column(0));
        assertArrayEquals(t.text("set"), back.text("set"));
        assertEquals("JmolNN", back.meta().get("method"));
    }

    @Test
    void spectraGoToNpzWithTheirGrid() throws Exception {
        int n = 50;
        int m = 300;
        double[][] rows = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                rows[i][j] = Math.sin(0.01 * i * j) + 1e-13 * j;
            }
        }
        double[] e = new double[m];
        for (int j = 0; j < m; j++) {
            e[j] = 8970 + 0.5 * j;
        }
        List<SampleId> ids = java.util.stream.IntStream.range(0, n).mapToObj(i -> new SampleId(i, 0)).toList();
        SampleTable t = SampleTable.spectra(ids, "mu", new Axis("energy", "eV", e), rows);
        codec.write(t, dir.resolve("mu"));
        assertTrue(Files.exists(dir.resolve("mu.npz")));
        SampleTable back = codec.read(dir.resolve("mu"));
        assertEquals(t, back);
        assertEquals("mu_8970.0000", back.columnNames().get(0));

        SampleTable single = t.withMeta(Map.of("precision", "float32"));
        codec.write(single, dir.resolve("mu32"));
        SampleTable b32 = codec.read(dir.resolve("mu32"));
        assertEquals((float) rows[7][100], b32.value(7, 100));
        assertTrue(Files.size(dir.resolve("mu32.npz")) < Files.size(dir.resolve("mu.npz")));
    }

    @Test
    void joinAndSelectByIdNotPosition() {
        SampleTable a = SampleTable.ofColumns(List.of(new SampleId(0, 0), new SampleId(1, 0), new SampleId(2, 0)), List.of("a"),
                new double[][] {{10, 11, 12}});
        SampleTable b = SampleTable.ofColumns(List.of(new SampleId(2, 0), new SampleId(0, 0)), List.of("b"), new double[][] {{22, 20}});
        SampleTable j = a.join(b);
        assertEquals(List.of(new SampleId(0, 0), new SampleId(2, 0)), j.ids());
        assertArrayEquals(new double[] {20, 22}, j.column("b"));
        assertArrayEquals(new double[] {10, 12}, j.column("a"));
        assertEquals("sample 9:0 is not in the table",
                assertThrows(IllegalArgumentException.class, () -> a.selectIds(List.of(new SampleId(9, 0)))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleTable.ofColumns(List.of(new SampleId(0, 0), new SampleId(0, 0)),
                List.of("a"), new double[][] {{1, 2}}));
    }

    /** A truncated .npz is named with what to do, not "Unexpected end of ZLIB input stream". */
    @Test
    void aTruncatedNpzIsNamed(@TempDir Path dir) throws Exception {
        List<SampleId> ids = List.of(new SampleId(0, 0), new SampleId(1, 0));
        double[][] v = new double[2][300];
        for (int j = 0; j < 300; j++) {
            v[0][j] = Math.sin(j);
            v[1][j] = Math.cos(j);
        }
        double[] x = new double[300];
        for (int j = 0; j < 300; j++) {
            x[j] = j;
        }
        SampleTable t = SampleTable.spectra(ids, "mu", new Axis("energy", "eV", x), v);
        new TableCodec().write(t, dir.resolve("mu"));
        byte[] all = Files.readAllBytes(dir.resolve("mu.npz"));
        Files.write(dir.resolve("mu.npz"), java.util.Arrays.copyOf(all, all.length / 3));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> new TableCodec().read(dir.resolve("mu")));
        assertEquals("the table stored at " + dir.resolve("mu") + " is damaged or incomplete (it ends early or does not unpack); "
                + "run the step that wrote it again", e.getMessage());
    }
}
