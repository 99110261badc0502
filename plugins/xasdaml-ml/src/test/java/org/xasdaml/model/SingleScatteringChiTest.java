package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;

class SingleScatteringChiTest {

    @Test
    void oneNeighbourFollowsTheExafsEquationAndFarAtomsAreIgnored() {
        Element cu = Element.of("Cu");
        // absorber at the origin, a neighbour at 2.5 Å, a third atom beyond rmax (6 Å)
        Frame f = new Frame(0, List.of(cu, cu, cu), new double[]{0, 0, 0, 1.5, 2.0, 0, 0, 0, 6.0}, null, null);
        SingleScatteringChi s = SingleScatteringChi.copper();
        double[] y = s.k2chi(f, 0);
        double[] k = s.axis().values();
        assertEquals(201, k.length);
        for (int i : new int[]{0, 60, 200}) {
            double kk = k[i];
            double r = 2.5;
            double expected = kk * kk * 0.9 / (kk * r * r) * Math.exp(-2 * 0.002 * kk * kk) * Math.exp(-2 * r / 8.0)
                    * Math.sin(2 * kk * r - 0.3 - 0.08 * kk);
            assertEquals(expected, y[i], 1e-12, "k = " + kk);
        }
        // the same pair seen from the other atom gives the same spectrum
        double[] back = s.k2chi(f, 1);
        assertEquals(y[100], back[100], 1e-12);
    }
}
