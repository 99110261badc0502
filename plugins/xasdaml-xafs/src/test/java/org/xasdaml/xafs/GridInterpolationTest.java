package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Interpolation onto grids, refusal to extrapolate, and validation of the records. */
class GridInterpolationTest {

    private final MuSpectrum spectrum = new MuSpectrum(new double[] {10, 20, 30, 40}, new double[] {1, 3, 2, 6});

    @Test
    void interpolatesLikeNumpyInsideTheRange() {
        MuSpectrum out = GridInterpolation.onto(spectrum, new EnergyGrid(new double[] {10, 15, 27.5, 40}));
        assertArrayEquals(new double[] {1, 2, 2.25, 6}, out.mu(), 1e-15);
    }

    @Test
    void refusesToExtrapolateByDefault() {
        XafsArgumentException e = assertThrows(XafsArgumentException.class,
                () -> GridInterpolation.onto(spectrum, EnergyGrid.linspace(5, 35, 4)));
        assertEquals("spectrum covers [10.0, 40.0] but the grid needs [5.0, 35.0]; refusing to extrapolate",
                e.getMessage());
        e = assertThrows(XafsArgumentException.class,
                () -> GridInterpolation.onto(spectrum, EnergyGrid.linspace(10, 40.001, 4)));
        assertEquals("spectrum covers [10.0, 40.0] but the grid needs [10.0, 40.001]; refusing to extrapolate",
                e.getMessage());
    }

    @Test
    void clampsOnlyWhenAskedTo() {
        MuSpectrum out = GridInterpolation.onto(spectrum, new EnergyGrid(new double[] {0, 25, 50}),
                GridInterpolation.Extrapolation.CLAMP);
        assertArrayEquals(new double[] {1, 2.5, 6}, out.mu(), 1e-15);
    }

    @Test
    void chiOntoKGrid() {
        ChiSpectrum chi = new ChiSpectrum(new double[] {0, 1, 2}, new double[] {0, 1, 0});
        ChiSpectrum out = GridInterpolation.onto(chi, KGrid.uniform(2, 0.5), GridInterpolation.Extrapolation.REFUSE);
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, out.chi(), 1e-15);
        assertThrows(XafsArgumentException.class,
                () -> GridInterpolation.onto(chi, KGrid.uniform(2.5, 0.5), GridInterpolation.Extrapolation.REFUSE));
    }

    @Test
    void linspaceAndKGridAreLarchs() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, GridInterpolation.linspace(0, 1, 5));
        KGrid k = KGrid.uniform(20, 0.05);
        assertEquals(401, k.size());
        assertEquals(20.0, k.values()[400], 1e-12);
    }

    @Test
    void recordsValidateAndCopy() {
        XafsArgumentException e = assertThrows(XafsArgumentException.class,
                () -> new EnergyGrid(new double[] {1, 2, 2}));
        assertEquals("energy grid is not strictly increasing at index 2: 2.0 after 2.0", e.getMessage());
        e = assertThrows(XafsArgumentException.class, () -> new MuSpectrum(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertEquals("mu[1] is not finite: NaN", e.getMessage());
        e = assertThrows(XafsArgumentException.class, () -> new MuSpectrum(new double[] {1, 2}, new double[] {1}));
        assertEquals("energy has 2 values but mu has 1", e.getMessage());
        e = assertThrows(XafsArgumentException.class, () -> new KGrid(new double[] {-0.1, 0}));
        assertEquals("k grid[0] -0.1 is out of range: must be >= 0", e.getMessage());
        double[] e0 = {1, 2, 3};
        EnergyGrid g = new EnergyGrid(e0);
        e0[0] = 100;
        g.values()[1] = 100;
        assertArrayEquals(new double[] {1, 2, 3}, g.values());
    }

    @Test
    void kWeighting() {
        assertArrayEquals(new double[] {0, 2, 16}, KWeighting.apply(new double[] {0, 1, 2}, new double[] {5, 2, 4}, 2));
        assertArrayEquals(new double[] {5, 2, 4}, KWeighting.apply(new double[] {0, 1, 2}, new double[] {5, 2, 4}, 0));
    }
}
