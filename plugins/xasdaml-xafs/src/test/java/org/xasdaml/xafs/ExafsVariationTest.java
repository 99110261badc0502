package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The augmentation kernels against closed forms. */
class ExafsVariationTest {

    static double[] grid(double a, double b, double step) {
        int n = (int) Math.round((b - a) / step) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + i * step;
        }
        return x;
    }

    @Test
    void amplitudeAndDebyeWallerAreTheExafsEquationFactors() {
        double[] k = grid(0, 15, 0.05);
        double[] chi = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            chi[i] = Math.sin(2 * 2.55 * k[i]) / (k[i] + 1);
        }
        double[] a = ExafsVariation.amplitude(chi, 0.85);
        double[] d = ExafsVariation.debyeWaller(k, chi, 0.002);
        for (int i = 0; i < k.length; i++) {
            assertEquals(0.85 * chi[i], a[i], 1e-15);
            assertEquals(chi[i] * Math.exp(-0.004 * k[i] * k[i]), d[i], 1e-15);
        }
    }

    @Test
    void e0ShiftMovesThePhaseAsAnEnergyShiftWould() {
        // χ(E) = sin(E/20) above E0 = 0: shifting E0 by +4 eV reads the same energies at k² − 4/KTOE
        double[] k = grid(0, 15, 0.01);
        double[] chi = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            chi[i] = Math.sin(XafsConstants.ktoe(k[i]) / 20);
        }
        double[] s = ExafsVariation.shiftE0(k, chi, 4.0);
        for (int i = 0; i < k.length; i++) {
            double energyAboveOldE0 = XafsConstants.ktoe(k[i]) + 4.0;
            if (k[i] > 2 && k[i] < 14.5) {
                assertEquals(Math.sin(energyAboveOldE0 / 20), s[i], 2e-3, "k " + k[i]);
            }
        }
        assertArrayEquals(chi, ExafsVariation.shiftE0(k, chi, 0), 1e-15);
    }

    @Test
    void gaussianBroadeningAddsWidthsInQuadratureAndKeepsArea() {
        double[] e = grid(-50, 50, 0.1);
        double s1 = 2.0;
        double fwhm = 3.0;
        double s2 = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] y = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            y[i] = Math.exp(-0.5 * e[i] * e[i] / (s1 * s1));
        }
        double[] b = EnergyBroadening.convolve(e, y, fwhm, EnergyBroadening.Shape.GAUSSIAN);
        double peak = b[e.length / 2];
        assertEquals(s1 / Math.sqrt(s1 * s1 + s2 * s2), peak, 1e-4, "height of the convolved Gaussian");
        double[] ones = new double[e.length];
        java.util.Arrays.fill(ones, 2.5);
        assertArrayEquals(ones, EnergyBroadening.convolve(e, ones, fwhm, EnergyBroadening.Shape.LORENTZIAN), 1e-12);
        assertArrayEquals(y, EnergyBroadening.convolve(e, y, 0, EnergyBroadening.Shape.GAUSSIAN), 0.0);
    }

    @Test
    void noiseIsSeededWithTheRequestedSpread() {
        double[] z = new double[20000];
        double[] a = ExafsVariation.noise(z, 0.01, new SplittableRandom(7));
        double[] b = ExafsVariation.noise(z, 0.01, new SplittableRandom(7));
        assertArrayEquals(a, b, 0.0);
        double ss = 0;
        for (double v : a) {
            ss += v * v;
        }
        double sd = Math.sqrt(ss / a.length);
        assertTrue(Math.abs(sd - 0.01) < 0.0003, "sd " + sd);
    }
}
