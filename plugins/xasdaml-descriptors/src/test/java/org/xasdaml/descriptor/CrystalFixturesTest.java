package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.StructureFormat;

/**
 * Every site of 13 multi-element crystals (oxides, phosphate, fluoride, chloride, sulfides,
 * arsenide, the Cu3Au alloy) against pymatgen 2022.11.7 (fixtures by make_pymatgen_fixtures.py).
 *
 * <p>Known, explained differences (asserted as such, not tolerated silently):
 * <ul>
 * <li>VoronoiNN counts, in CoO and Fe3O4, facets whose solid angle is 1e-12 to 1e-20 of the
 * largest: qhull's roundoff at vertices where more than four cells meet. The cell built here has
 * no such facets; without them pymatgen's counts are matched everywhere.</li>
 * <li>BrunnerNN_relative on Ba in cubic BaTiO3: the two largest distance ratios are both exactly
 * sqrt(3/2) (a/√2 → a√3/2 and a → a√(3/2)); which one is "largest" is decided by the last bit of
 * the distances.</li>
 * </ul>
 */
class CrystalFixturesTest {
    private static final String DIR = "/org/xasdaml/descriptor/";

    record Ref(String crystal, int site, String method, int cn, double cr, double[] weights) {
    }

    static List<Ref> fixtures() throws IOException {
        List<Ref> out = new ArrayList<>();
        try (InputStream in = CrystalFixturesTest.class.getResourceAsStream(DIR + "crystals-neighbors.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] t = lines[i].strip().split(",", -1);
                double[] w = t[6].isEmpty() ? new double[0] : Arrays.stream(t[6].split(";")).mapToDouble(Double::parseDouble).toArray();
                out.add(new Ref(t[0], Integer.parseInt(t[1]), t[3], Integer.parseInt(t[4]), Double.parseDouble(t[5]), w));
            }
        }
        return out;
    }

    static Frame crystal(String name, Path tmp) throws IOException {
        Path p = tmp.resolve("POSCAR." + name);
        try (InputStream in = CrystalFixturesTest.class.getResourceAsStream(DIR + "crystals/POSCAR." + name)) {
            Files.write(p, in.readAllBytes());
        }
        return StructureFormat.read(p, StructureFormat.parse("poscar"), ReadOptions.DEFAULT).frames().get(0);
    }

    @Test
    void sixMethodsOnThirteenCrystals(@TempDir Path tmp) throws IOException {
        List<Ref> refs = fixtures();
        assertEquals(124 * 6, refs.size());
        Map<String, Frame> frames = new HashMap<>();
        Map<String, int[]> stats = new HashMap<>();
        for (Ref r : refs) {
            Frame f = frames.get(r.crystal());
            if (f == null) {
                f = crystal(r.crystal(), tmp);
                frames.put(r.crystal(), f);
            }
            SiteEnvironment env = SiteEnvironment.of(f, r.site());
            Neighbors n = NeighborFinder.named(r.method()).find(env);
            int[] s = stats.computeIfAbsent(r.method(), k -> new int[2]);
            s[0]++;
            String where = r.crystal() + " site " + r.site() + " " + r.method();
            if (n.cn() == r.cn()) {
                s[1]++;
                assertEquals(r.cr(), n.cr(env), 1e-6, where + " CR");
                double[] w = n.weights().clone();
                Arrays.sort(w);
                for (int k = 0; k < w.length; k++) {
                    assertEquals(r.weights()[k], w[w.length - 1 - k], 1e-6, where + " weight " + k);
                }
            } else if (r.method().equals("VoronoiNN")) {
                long real = Arrays.stream(r.weights()).filter(x -> x > 1e-10).count();
                assertEquals(real, n.cn(), where + ": CN differs beyond qhull's roundoff facets");
                assertTrue(r.crystal().equals("CoO") || r.crystal().equals("Fe3O4"), where);
            } else {
                assertEquals("BrunnerNN_relative", r.method(), where + ": CN " + n.cn() + " vs pymatgen " + r.cn());
                assertEquals("BaTiO3", r.crystal(), where);
                assertEquals(0, r.site(), where);
                assertTrue(tiedLargestGap(env), where + " should be a tie between equal gaps");
            }
        }
        // measured: 124 of 124 sites for Crystal, Econ, Jmol, MinimumDistance; Brunner 123; Voronoi 117
        for (String m : List.of("CrystalNN", "EconNN", "JmolNN", "MinimumDistanceNN")) {
            assertEquals(124, stats.get(m)[1], m);
        }
        assertEquals(123, stats.get("BrunnerNN_relative")[1]);
        assertEquals(117, stats.get("VoronoiNN")[1]);
    }

    /** True when the two largest ratios of consecutive distances within 8 Å are equal to 1e-12. */
    private static boolean tiedLargestGap(SiteEnvironment env) {
        NeighborList l = env.neighbors(8.0);
        double[] ratios = new double[l.size() - 1];
        for (int i = 0; i + 1 < l.size(); i++) {
            ratios[i] = l.distance(i + 1) / l.distance(i);
        }
        Arrays.sort(ratios);
        return Math.abs(ratios[ratios.length - 1] - ratios[ratios.length - 2]) < 1e-12;
    }
}
