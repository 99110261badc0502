package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;

/** Small cases whose answers follow from the rules themselves (pymatgen's numbers where quoted). */
class FindersTest {

    /** Atom 0 at the origin and one atom on +x at each distance, in the reference's 40 Å box. */
    private static SiteEnvironment chain(String element, double... distances) {
        List<Element> el = new ArrayList<>();
        double[] p = new double[3 * (distances.length + 1)];
        el.add(Element.of(element));
        for (int i = 0; i < distances.length; i++) {
            el.add(Element.of(element));
            // spread over directions so that they do not shadow each other
            double t = 2 * Math.PI * i / distances.length;
            p[3 * (i + 1)] = distances[i] * Math.cos(t);
            p[3 * (i + 1) + 1] = distances[i] * Math.sin(t);
        }
        Frame f = new Frame(0, el, p, null, null);
        return SiteEnvironment.of(f.withLattice(Lattice.orthorhombic(40, 40, 40), new boolean[] {true, true, true}), 0);
    }

    @Test
    void jmolBondsCopperUpTo349() {
        // Cu bond radius 1.52 Å: 1.52 + 1.52 + 0.45 = 3.49 Å; nothing closer than 0.4 Å
        Neighbors n = new JmolNN().find(chain("Cu", 0.3, 2.5, 3.48, 3.50));
        assertEquals(2, n.cn());
        assertEquals(3.49, new JmolNN().maxBondDistance(Element.of("Cu"), Element.of("Cu")), 1e-12);
        // weight = shortest possible bond / distance
        assertEquals(3.49 / 2.5, n.weights()[0], 1e-12);
    }

    @Test
    void minimumDistanceKeepsTenPercent() {
        Neighbors n = new MinimumDistanceNN().find(chain("Cu", 2.0, 2.19, 2.21, 5.0));
        assertEquals(2, n.cn());
        assertEquals((2.0 + 2.19) / 2, n.cr(chain("Cu", 2.0, 2.19, 2.21, 5.0)), 1e-12);
    }

    @Test
    void brunnerCutsAtTheLargestRatio() {
        // ratios 2.6/2.5 = 1.04, 3.6/2.6 = 1.385, 5.0/3.6 = 1.389: the last gap is larger
        assertEquals(3, new BrunnerNNRelative().find(chain("Cu", 2.5, 2.6, 3.6, 5.0, 5.1)).cn());
        assertEquals(2, new BrunnerNNRelative().find(chain("Cu", 2.5, 2.6, 3.7, 5.0, 5.1)).cn());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BrunnerNNRelative().find(chain("Cu", 2.5, 9.0)));
        assertTrue(e.getMessage().contains("fewer than two"), e.getMessage());
    }

    @Test
    void econGivesEqualShellsWeightOne() {
        Neighbors n = new EconNN().find(chain("Cu", 2.5, 2.5, 2.5, 2.5));
        assertEquals(4, n.cn());
        assertArrayEquals(new double[] {1, 1, 1, 1}, n.weights(), 1e-12);
        // a far atom: weight exp(1 - (d/mefir)^6) below 0.2
        assertEquals(4, new EconNN().find(chain("Cu", 2.5, 2.5, 2.5, 2.5, 3.6)).cn());
    }

    @Test
    void crystalNNRoundsAsPython() {
        // Python: round(0.0045, 3) = 0.004, round(0.0125, 3) = 0.013, round(0.0625, 3) = 0.062,
        // round(0.1875, 3) = 0.188 (binary values; exact halves go to even)
        assertEquals(0.004, CrystalNN.round3(0.0045));
        assertEquals(0.013, CrystalNN.round3(0.0125));
        assertEquals(0.062, CrystalNN.round3(0.0625));
        assertEquals(0.188, CrystalNN.round3(0.1875));
        // pymatgen CrystalNN._semicircle_integral([1, 0.5, 0], i) and ([0.7, 0.2, 0], 0)
        assertEquals(0.3910022189557706, CrystalNN.semicircleIntegral(new double[] {1, 0.5, 0}, 0), 1e-15);
        assertEquals(0.6089977810442294, CrystalNN.semicircleIntegral(new double[] {1, 0.5, 0}, 1), 1e-15);
        assertEquals(0.5589396737304746, CrystalNN.semicircleIntegral(new double[] {0.7, 0.2, 0}, 0), 1e-15);
    }

    @Test
    void unknownMethodNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighborFinder.named("OpenBabelNN"));
        assertTrue(e.getMessage().contains("CrystalNN"));
    }

    @Test
    void crIsTheMinimumImageDistance() {
        // an atom at x = 39 in a 40 Å periodic box is 1 Å from the origin through the boundary
        Frame f = new Frame(0, List.of(Element.of("Cu"), Element.of("Cu")), new double[] {0, 0, 0, 39, 0, 0},
                Lattice.orthorhombic(40, 40, 40), new boolean[] {true, true, true});
        SiteEnvironment env = SiteEnvironment.of(f, 0);
        assertEquals(1.0, env.minimumImageDistance(1), 1e-12);
        assertEquals(1.0, env.neighbors(5).distance(0), 1e-12);
        Frame open = f.withLattice(Lattice.orthorhombic(40, 40, 40), new boolean[] {false, false, false});
        assertEquals(39.0, SiteEnvironment.of(open, 0).minimumImageDistance(1), 1e-12);
    }
}
