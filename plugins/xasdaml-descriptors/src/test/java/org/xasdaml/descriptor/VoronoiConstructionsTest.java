package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.StructureFormat;

/**
 * The two constructions of a Voronoi cell (one polyhedron cut plane by plane; each facet clipped
 * on its own) agree, on the Cu frames at every cutoff VoronoiNN and CrystalNN try.
 */
class VoronoiConstructionsTest {

    @Test
    void incrementalAndPerFacetCellsAgree() {
        List<Frame> frames = StructureFormat.read(SharedData.file("cu-md-public.dump"), StructureFormat.parse("auto"),
                ReadOptions.DEFAULT).frames();
        int closed = 0;
        int open = 0;
        for (Frame f0 : frames.subList(0, 150)) {
            SiteEnvironment env = SiteEnvironment.of(BoxConvention.CLUSTER_IN_BOX.apply(f0, 40), 0);
            for (double cutoff : new double[] {7, 13, 14, 26, 28, 52, 56}) {
                NeighborList l = env.sitesInSphere(cutoff);
                int m = l.countWithin(cutoff);
                double[][] p = VoronoiCell.planes(l.x, l.y, l.z, 1, m);
                VoronoiCell a = VoronoiCell.incremental(p[0], p[1], p[2], p[3], 1, m - 1);
                assertNotNull(a, "frame " + f0.index() + ": a cut failed at cutoff " + cutoff);
                VoronoiCell b = VoronoiCell.perFacet(p[0], p[1], p[2], p[3], 1, m - 1);
                assertEquals(b.bounded, a.bounded, "frame " + f0.index() + " cutoff " + cutoff);
                if (!a.bounded) {
                    open++;
                    continue;
                }
                closed++;
                assertArrayEquals(java.util.Arrays.copyOf(b.neighbor, b.count), java.util.Arrays.copyOf(a.neighbor, a.count),
                        "frame " + f0.index() + " cutoff " + cutoff);
                for (int i = 0; i < a.count; i++) {
                    assertEquals(b.solidAngle[i], a.solidAngle[i], 1e-10);
                    assertEquals(b.area[i], a.area[i], 1e-9);
                    assertEquals(b.nVerts[i], a.nVerts[i]);
                }
            }
        }
        assertEquals(true, closed > 400 && open > 100, closed + " closed, " + open + " open");
    }
}
