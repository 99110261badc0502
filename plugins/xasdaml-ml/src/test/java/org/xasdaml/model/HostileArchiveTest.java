package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.table.SampleTable;

/** Crafted and damaged .xasmodel files: nothing is deserialised, nothing unbounded is allocated, every message names the file. */
class HostileArchiveTest {
    @TempDir
    static Path dir;
    static Path good;
    static ModelArchive original;

    @BeforeAll
    static void train() throws Exception {
        original = ModelArchiveTest.train(ModelKind.MLP, Task.REGRESSION, List.of(SyntheticSpectra.CN), 1).archive();
        good = dir.resolve("good.xasmodel");
        original.write(good);
    }

    /** Instantiated only by Java deserialisation: leaves a file behind when it is. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        final String path;

        Tripwire(String path) {
            this.path = path;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            Files.writeString(Path.of(path), "deserialised");
        }
    }

    static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    /** The nested-set payload: deserialising it hashes 2^depth sets (hangs for depth 100). */
    static Set<Object> nestedSets(int depth) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /** A copy of the good archive with network-0.zip's entries changed. */
    static Path withNetwork(String name, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> outer = entries(Files.readAllBytes(good));
        outer.put("network-0.zip", zip(change.apply(entries(outer.get("network-0.zip")))));
        Path f = dir.resolve(name);
        Files.write(f, zip(outer));
        return f;
    }

    @Test
    void aPreprocessorEntryIsNeverDeserialised() throws Exception {
        Path trip = dir.resolve("tripped");
        byte[] tripwire = serialise(new Tripwire(trip.toString()));
        byte[] bomb = serialise(nestedSets(100));
        for (byte[] payload : new byte[][] {tripwire, bomb}) {
            Path f = withNetwork("crafted.xasmodel", m -> {
                m.put("preprocessor.bin", payload);
                return m;
            });
            ModelArchive back = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ModelArchive.read(f));
            assertFalse(Files.exists(trip), "a Java object was deserialised from the archive");
            SampleTable a = original.predict(ModelArchiveTest.DATA.spectra(), false);
            SampleTable b = back.predict(ModelArchiveTest.DATA.spectra(), false);
            assertArrayEquals(a.column(SyntheticSpectra.CN), b.column(SyntheticSpectra.CN), 0.0);
        }
    }

    @Test
    void aConfigurationNamingAForeignClassIsRefused() throws Exception {
        Path f = withNetwork("foreign.xasmodel", m -> {
            String json = new String(m.get("configuration.json"), StandardCharsets.UTF_8);
            m.put("configuration.json", json.replaceFirst("\"@class\" ?: ?\"org\\.deeplearning4j\\.[A-Za-z0-9.$]+\"",
                    "\"@class\" : \"com.sun.rowset.JdbcRowSetImpl\"").getBytes(StandardCharsets.UTF_8));
            return m;
        });
        IOException e = assertThrows(IOException.class, () -> ModelArchive.read(f));
        assertEquals(f + ", network 0: the network configuration names the class com.sun.rowset.JdbcRowSetImpl, which is not "
                + "part of Deeplearning4j; the archive was not written by this program", e.getMessage());
    }

    @Test
    void wrongParameterCountsAndOversizedEntriesAreRefusedBeforeAllocation() throws Exception {
        Path f = withNetwork("short.xasmodel", m -> {
            m.put("coefficients.f32le", new byte[40]);
            return m;
        });
        IOException e = assertThrows(IOException.class, () -> ModelArchive.read(f));
        assertTrue(e.getMessage().startsWith(f + ", network 0: 10 parameters stored but its configuration has "), e.getMessage());

        // archive.json inflating to 300 MB (a 300 KB file): refused at 256 MB
        Map<String, byte[]> outer = entries(Files.readAllBytes(good));
        outer.put("archive.json", new byte[300 << 20]);
        Path bomb = dir.resolve("bomb.xasmodel");
        Files.write(bomb, zip(outer));
        assertTrue(Files.size(bomb) < 2 << 20);
        outer.clear();
        e = assertThrows(IOException.class, () -> ModelArchive.read(bomb));
        assertEquals(bomb + " (archive.json) is larger than 256 MB; it was not written by this program", e.getMessage());
    }

    @Test
    void aForestClaimingAHugeTreeIsRefused() throws Exception {
        ModelArchive rf = ModelArchiveTest.train(ModelKind.RF, Task.REGRESSION, List.of(SyntheticSpectra.CN), 1).archive();
        Path f = dir.resolve("rf.xasmodel");
        rf.write(f);
        Map<String, byte[]> outer = entries(Files.readAllBytes(f));
        byte[] forest = outer.get("forest-0.bin");
        // magic, version, features, outputs, trees, then the first tree's node count: claim 1e9 nodes
        java.nio.ByteBuffer.wrap(forest).putInt(20, 1_000_000_000);
        Files.write(f, zip(outer));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class, () -> ModelArchive.read(f)));
        assertEquals("corrupt forest: tree 0 claims 1000000000 nodes, more than its bytes hold", e.getMessage());
    }

    @Test
    void aTruncatedArchiveIsNamed() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path f = dir.resolve("half.xasmodel");
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(IOException.class, () -> ModelArchive.read(f));
        assertEquals(f + " is damaged or incomplete (it ends early or a part of it does not unpack); copy or write it again",
                e.getMessage());
    }

    /** A version-1 archive (parameters in ND4J's layout) whose header claims 2^40 parameters is refused before allocation. */
    @Test
    void aLegacyParameterHeaderIsCheckedBeforeAllocation() throws Exception {
        byte[] old;
        try (java.io.InputStream in = getClass().getResourceAsStream("/fixtures/models-2026-12-04/mlp.xasmodel")) {
            old = in.readAllBytes();
        }
        Map<String, byte[]> outer = entries(old);
        Map<String, byte[]> net = entries(outer.get("network-0.zip"));
        byte[] c = net.get("coefficients.bin");
        // second buffer: after the shape buffer (UTF mode, long 6, UTF "LONG", 6 longs) comes UTF mode, then the length
        int at = 2 + 16 + 8 + 2 + 4 + 6 * 8 + 2 + 16;
        assertEquals(7009L, java.nio.ByteBuffer.wrap(c).getLong(at), "the premise: the fixture's parameter count");
        java.nio.ByteBuffer.wrap(c).putLong(at, 1L << 40);
        outer.put("network-0.zip", zip(net));
        Path f = dir.resolve("legacy.xasmodel");
        Files.write(f, zip(outer));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class, () -> ModelArchive.read(f)));
        assertEquals(f + ", network 0: 1099511627776 parameters stored but its configuration has 7009; the archive is damaged, "
                + "train the model again", e.getMessage());
    }
}
