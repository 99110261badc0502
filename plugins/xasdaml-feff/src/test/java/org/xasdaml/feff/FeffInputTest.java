package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;

/** feff.inp against pymatgen's FEFFDictSet (the reference's writer), fixtures from make_feff_fixtures.py. */
class FeffInputTest {

    @Test
    void cuFrameMatchesPymatgen() throws Exception {
        Sample s = FeffFixtures.cuFrames(1).sampleList().get(0);
        FeffInput in = FeffInput.of(s, 20, FeffCards.defaults());
        String ours = in.text();
        String theirs = Files.readString(FeffFixtures.resource("pymatgen_cu_frame0_feff.inp"));
        compareAtoms(FeffFixtures.atoms(theirs), FeffFixtures.atoms(ours), 1e-4);
        assertEquals(108, FeffFixtures.atoms(ours).size(), "a 108-atom cluster is taken whole with a 20 Å radius");
        List<int[]> pots = FeffFixtures.potentials(ours);
        assertEquals(2, pots.size());
        assertEquals(29, pots.get(0)[1]);
        assertEquals(29, pots.get(1)[1]);
        assertEquals("0 Cu, 1 Cu", in.potentialsKey());
    }

    @Test
    void periodicCu2oMatchesPymatgen() throws Exception {
        double a = 4.2696;
        double[][] frac = {{0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}, {0, 0, 0},
            {0.5, 0.5, 0.5}};
        double[] pos = new double[18];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                pos[3 * i + j] = frac[i][j] * a;
            }
        }
        Element cu = Element.of("Cu");
        Element o = Element.of("O");
        Frame f = new Frame(0, List.of(cu, cu, cu, cu, o, o), pos, Lattice.orthorhombic(a, a, a), new boolean[] {true, true, true});
        FeffInput in = FeffInput.of(new Sample(new SampleId(0, 0), f), 6.0, FeffCards.defaults());
        String theirs = Files.readString(FeffFixtures.resource("pymatgen_cu2o_feff.inp"));
        compareAtoms(FeffFixtures.atoms(theirs), FeffFixtures.atoms(in.text()), 1e-4);
        List<int[]> pots = FeffFixtures.potentials(in.text());
        List<int[]> ref = FeffFixtures.potentials(theirs);
        assertEquals(ref.size(), pots.size());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i)[0], pots.get(i)[0]);
            assertEquals(ref.get(i)[1], pots.get(i)[1], "Z of potential " + i);
        }
        assertEquals("0 Cu, 1 Cu, 2 O", in.potentialsKey());
    }

    /**
     * Same atoms: equal counts, and atom by atom (both sorted by distance, ties by position) equal
     * coordinates, potentials and distances.
     */
    private static void compareAtoms(List<double[]> expected, List<double[]> actual, double tol) {
        assertEquals(expected.size(), actual.size(), "number of atoms");
        Comparator<double[]> order = Comparator.comparingDouble((double[] r) -> Math.round(r[4] * 1e3))
                .thenComparingDouble(r -> Math.round(r[0] * 1e3)).thenComparingDouble(r -> Math.round(r[1] * 1e3))
                .thenComparingDouble(r -> Math.round(r[2] * 1e3));
        List<double[]> e = new ArrayList<>(expected);
        List<double[]> g = new ArrayList<>(actual);
        e.sort(order);
        g.sort(order);
        for (int i = 0; i < e.size(); i++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(e.get(i)[c], g.get(i)[c], tol, "atom " + i + " column " + c);
            }
        }
    }

    /**
     * A periodic bulk frame (108-atom fcc Cu cell, 10.7 Å) with the default 20 Å radius: about 2,900 atoms
     * lie within 20 Å, more than Feff8L's 1000. The cluster becomes the largest whole sphere of at most 1000
     * atoms; counted independently here by brute force over periodic images.
     */
    @Test
    void periodicBulkIsCutToFeffsAtomLimitAsAWholeSphere() {
        java.nio.file.Path dump = java.nio.file.Path.of("../../data/cu-bulk-md-public.dump");
        org.xasdaml.structure.StructureSet set = org.xasdaml.structure.ReadStructuresStep.read(dump,
                new org.xasdaml.structure.ReadStructuresStep().defaults());
        Sample s = set.sampleList().get(0);
        Frame f = s.frame();
        assertTrue(f.periodic());
        List<Double> d = new ArrayList<>();
        double[][] m = f.lattice().matrix();
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                for (int k = -3; k <= 3; k++) {
                    for (int a = 0; a < f.size(); a++) {
                        double dx = f.x(a) + i * m[0][0] + j * m[1][0] + k * m[2][0] - f.x(0);
                        double dy = f.y(a) + i * m[0][1] + j * m[1][1] + k * m[2][1] - f.y(0);
                        double dz = f.z(a) + i * m[0][2] + j * m[1][2] + k * m[2][2] - f.z(0);
                        d.add(Math.sqrt(dx * dx + dy * dy + dz * dz));
                    }
                }
            }
        }
        d.sort(null);
        long within20 = d.stream().filter(x -> x <= 20).count();
        assertTrue(within20 > 2500, "atoms within 20 Å: " + within20);
        FeffInput in = FeffInput.of(s, 20, FeffCards.defaults());
        int n = in.atoms().size();
        assertTrue(n <= FeffInput.MAX_ATOMS && n > 990, "atoms written: " + n);
        double rmax = in.atoms().get(n - 1).distance();
        // whole sphere: every image atom closer than the farthest written one is written, and the next one is farther
        assertEquals(d.stream().filter(x -> x <= rmax + 1e-9).count(), n);
        assertTrue(d.get(n) > rmax, "the first atom left out lies beyond the sphere");
        assertTrue(rmax > 13.5 && rmax < 15, "radius of the cut sphere " + rmax);
        assertTrue(in.title().get(1).contains("at most 1000 atoms"), in.title().get(1));
        // a smaller cap shrinks the sphere the same way
        FeffInput small = FeffInput.of(s, 20, FeffCards.defaults(), 200);
        assertTrue(small.atoms().size() <= 200 && small.atoms().size() > 150, "atoms " + small.atoms().size());
        assertTrue(d.get(small.atoms().size()) > small.atoms().get(small.atoms().size() - 1).distance());
    }

    @Test
    void twoAtomsAtOnePlaceAreRefusedWithTheirNames() {
        Element cu = Element.of("Cu");
        Frame f = new Frame(7, List.of(cu, cu, cu), new double[] {0, 0, 0, 2.5, 0, 0, 2.5, 0, 0.1}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeffInput.of(new Sample(new SampleId(7, 0), f), 20, FeffCards.defaults()));
        assertTrue(e.getMessage().contains("sample 7:0"), e.getMessage());
        assertTrue(e.getMessage().contains("atoms 1 (Cu) and 2 (Cu) are 0.100 Å apart"), e.getMessage());
    }

    @Test
    void lonelyAbsorberIsRefused() {
        Element cu = Element.of("Cu");
        Frame f = new Frame(3, List.of(cu, cu), new double[] {0, 0, 0, 30, 0, 0}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeffInput.of(new Sample(new SampleId(3, 0), f), 20, FeffCards.defaults()));
        assertTrue(e.getMessage().contains("no atom within 20.0 Å"), e.getMessage());
    }

    @Test
    void clusterRadiusCutsAndSortsByDistance() {
        Sample s = FeffFixtures.cuFrames(1).sampleList().get(0);
        FeffInput in = FeffInput.of(s, 5.0, FeffCards.defaults());
        double last = -1;
        for (FeffInput.Atom t : in.atoms()) {
            assertTrue(t.distance() <= 5.0);
            assertTrue(t.distance() >= last);
            last = t.distance();
        }
        // count from the pymatgen fixture: atoms within 5 Å of the absorber (absorber included)
        long expected = FeffFixtures.atoms(readUnchecked("pymatgen_cu_frame0_feff.inp")).stream().filter(r -> r[4] <= 5.0).count();
        assertEquals(expected, in.atoms().size());
    }

    private static String readUnchecked(String name) {
        try {
            return Files.readString(FeffFixtures.resource(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
