package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.StructureFormat;

/** The absorber RDF against vasppy's algorithm run with numpy/scipy (cu-rdf.csv, 25 Cu frames). */
class RadialDistributionTest {

    @Test
    void matchesVasppyOnCuFrames() throws IOException {
        List<Frame> frames = StructureFormat.read(SharedData.file("cu-md-public.dump"), StructureFormat.parse("auto"),
                ReadOptions.DEFAULT).frames();
        String[] lines;
        try (InputStream in = getClass().getResourceAsStream("/org/xasdaml/descriptor/cu-rdf.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        RadialDistribution.Grid grid = new RadialDistribution.Grid(1.0, 8.0, 100);
        double[] r = grid.centres();
        for (int f = 0; f < 25; f++) {
            Frame frame = frames.get(f);
            int[] partners = RadialDistribution.partners(frame, 0, Element.of("Cu"));
            assertEquals(107, partners.length);
            double[] raw = RadialDistribution.raw(frame, 0, partners, grid, true);
            double[] smooth = RadialDistribution.of(frame, 0, partners, grid, 0.1, true);
            double[] cluster = RadialDistribution.of(frame, 0, partners, grid, 0.1, false);
            for (int k = 0; k < 100; k++) {
                String[] t = lines[1 + 100 * f + k].strip().split(",");
                assertEquals(f, Integer.parseInt(t[0]));
                assertEquals(Double.parseDouble(t[1]), r[k], 1e-15, "r");
                assertEquals(Double.parseDouble(t[2]), raw[k], 1e-9 * Math.max(1, Math.abs(raw[k])), "raw g, frame " + f + " bin " + k);
                assertEquals(Double.parseDouble(t[3]), smooth[k], 1e-9 * Math.max(1, Math.abs(smooth[k])), "g, frame " + f + " bin " + k);
            }
            // the dump box is more than twice the cluster's extent: minimum image = the atom itself
            assertArrayEquals(smooth, cluster, 1e-12);
        }
    }

    @Test
    void matchesVasppyInPeriodicCrystals(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        String[] lines;
        try (InputStream in = getClass().getResourceAsStream("/org/xasdaml/descriptor/crystal-rdf.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        RadialDistribution.Grid grid = new RadialDistribution.Grid(1.0, 8.0, 100);
        int checked = 0;
        for (int start = 1; start < lines.length; start += 100) {
            String[] t = lines[start].strip().split(",", -1);
            Frame f = CrystalFixturesTest.crystal(t[0], tmp);
            int site = Integer.parseInt(t[1]);
            int[] partners = RadialDistribution.partners(f, site, t[2].isEmpty() ? null : Element.of(t[2]));
            double[] raw = RadialDistribution.raw(f, site, partners, grid, true);
            double[] g = RadialDistribution.of(f, site, partners, grid, 0.1, true);
            for (int k = 0; k < 100; k++) {
                String[] u = lines[start + k].strip().split(",", -1);
                assertEquals(k, Integer.parseInt(u[3]));
                assertEquals(Double.parseDouble(u[4]), raw[k], 1e-9 * Math.max(1, raw[k]), t[0] + " bin " + k);
                assertEquals(Double.parseDouble(u[5]), g[k], 1e-9 * Math.max(1, g[k]), t[0] + " bin " + k);
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void gaussianFilterReflectsAtTheEdgesAndKeepsTheSum() {
        double[] in = new double[20];
        in[0] = 1;
        double[] out = RadialDistribution.gaussianFilter(in, 1.0);
        // scipy.ndimage.gaussian_filter1d([1,0,...,0], 1.0)[:3] (mode reflect): the mirrored half
        // of the kernel folds back onto the first samples
        double[] w = new double[9];
        double s = 0;
        for (int k = -4; k <= 4; k++) {
            w[k + 4] = Math.exp(-0.5 * k * k);
            s += w[k + 4];
        }
        assertEquals((w[4] + w[3]) / s, out[0], 1e-15);
        assertEquals((w[5] + w[2]) / s, out[1], 1e-15);
        double total = 0;
        for (double v : out) {
            total += v;
        }
        assertEquals(1.0, total, 1e-14);
    }

    @Test
    void histogramUsesNumpyEdges() {
        RadialDistribution.Grid g = new RadialDistribution.Grid(1.0, 8.0, 100);
        double[] e = g.edges();
        double[] h = RadialDistribution.histogram(new double[] {1.0, e[1], 8.0, 0.99, 8.01, 1.0699}, g);
        assertEquals(2, h[0]);   // 1.0 and 1.0699
        assertEquals(1, h[1]);   // an inner edge belongs to the bin above
        assertEquals(1, h[99]);  // rmax belongs to the last bin
        assertEquals(4, java.util.Arrays.stream(h).sum());
    }

    @Test
    void aFrameWithoutCellHasNoDensity() {
        Frame f = new Frame(0, List.of(Element.of("Cu"), Element.of("Cu")), new double[] {0, 0, 0, 2.5, 0, 0}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadialDistribution.raw(f, 0, new int[] {1}, new RadialDistribution.Grid(1, 8, 100), false));
        assertEquals(true, e.getMessage().contains("no cell"));
        Frame boxed = f.withLattice(Lattice.orthorhombic(10, 10, 10), null);
        double[] g = RadialDistribution.raw(boxed, 0, new int[] {1}, new RadialDistribution.Grid(1, 8, 100), false);
        // one partner at 2.5 Å: bin [2.47, 2.54), g = V / shell volume
        double shell = 4.0 / 3.0 * Math.PI * (Math.pow(2.54, 3) - Math.pow(2.47, 3));
        assertEquals(1000 / shell, g[21], 1e-9);
    }
}
