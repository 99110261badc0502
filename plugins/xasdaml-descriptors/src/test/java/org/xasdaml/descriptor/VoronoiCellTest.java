package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;

/** Voronoi cells of lattices whose cells are known in closed form. */
class VoronoiCellTest {

    private static Frame lattice(double a, double[][] basis, int atoms) {
        List<Element> el = new ArrayList<>();
        double[] p = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            el.add(Element.of("Cu"));
            p[3 * i] = basis[i][0] * a;
            p[3 * i + 1] = basis[i][1] * a;
            p[3 * i + 2] = basis[i][2] * a;
        }
        return new Frame(0, el, p, Lattice.orthorhombic(a, a, a), new boolean[] {true, true, true});
    }

    private static void checkCell(Frame f, int facets, double volume) {
        VoronoiNN.Facet[] cell = new VoronoiNN().facets(SiteEnvironment.of(f, 0));
        assertEquals(facets, cell.length);
        double omega = 0;
        double v = 0;
        for (VoronoiNN.Facet x : cell) {
            omega += x.solidAngle();
            v += x.volume();
            assertEquals(x.distance() / 2, x.faceDist(), 1e-12);
            assertEquals(3 * x.volume() / x.faceDist(), x.area(), 1e-12);
        }
        assertEquals(4 * Math.PI, omega, 1e-9);   // the facets close around the site
        assertEquals(volume, v, 1e-9);            // the cells tile space
    }

    @Test
    void simpleCubicIsACube() {
        Frame f = lattice(2.5, new double[][] {{0, 0, 0}}, 1);
        checkCell(f, 6, 2.5 * 2.5 * 2.5);
        VoronoiNN.Facet x = new VoronoiNN().facets(SiteEnvironment.of(f, 0))[0];
        assertEquals(4 * Math.PI / 6, x.solidAngle(), 1e-12);
        assertEquals(2.5 * 2.5, x.area(), 1e-12);
        assertEquals(4, x.nVerts());
    }

    @Test
    void bccIsATruncatedOctahedron() {
        checkCell(lattice(2.87, new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}, 2), 14, 2.87 * 2.87 * 2.87 / 2);
    }

    @Test
    void fccIsARhombicDodecahedron() {
        // second neighbours touch the cell only at vertices: no facets (pymatgen: 12 as well)
        checkCell(lattice(3.61, new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, 4), 12,
                3.61 * 3.61 * 3.61 / 4);
    }

    @Test
    void anIsolatedClusterHasAnOpenCellUnlessBoxed() {
        Frame f = new Frame(0, List.of(Element.of("Cu"), Element.of("Cu"), Element.of("Cu"), Element.of("Cu"), Element.of("Cu")),
                new double[] {0, 0, 0, 2.5, 0, 0, 0, 2.5, 0, 0, 0, 2.5, 2.5, 2.5, 2.5}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VoronoiNN().find(SiteEnvironment.of(f, 0)));
        assertTrue(e.getMessage().contains("open"), e.getMessage());
        // in the reference's 40 Å box the corner atom's cell closes against the periodic images
        Frame boxed = BoxConvention.CLUSTER_IN_BOX.apply(f, 40);
        Neighbors n = new VoronoiNN().find(SiteEnvironment.of(boxed, 0));
        assertFalse(n.cn() == 0);
        double far = 0;
        for (double d : n.distances()) {
            far = Math.max(far, d);
        }
        assertTrue(far > 30, "facets towards the images across the vacuum, farthest " + far);
    }
}
