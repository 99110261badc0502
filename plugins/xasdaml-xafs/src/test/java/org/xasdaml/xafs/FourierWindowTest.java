package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ftwindow against Larch 0.9.58 for all eight window shapes (absolute tolerance 10⁻¹²). */
class FourierWindowTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "c"})
    void windowsMatchLarch(String tag) {
        LarchFixture f = LarchFixture.load("fixtures/ftwindow_" + tag + ".txt");
        double[] x = f.col("x");
        for (FourierWindow.Shape s : FourierWindow.Shape.values()) {
            String name = s.name().toLowerCase(java.util.Locale.ROOT);
            double[] w = FourierWindow.window(x, f.num("xmin"), f.num("xmax"), f.num("dx"), f.num("dx2"), s);
            double d = LarchFixture.maxAbsDiff(f.col(name), w);
            assertTrue(d < 1e-12, tag + " " + name + " differs by " + d);
        }
    }

    @Test
    void besselI0MatchesKnownValues() {
        // Abramowitz & Stegun table 9.8: I0(1) = 1.266065878, I0(5) = 27.23987182
        assertEquals(1.2660658777520082, FourierWindow.besselI0(1.0), 1e-15);
        assertEquals(27.239871823604442, FourierWindow.besselI0(5.0), 1e-12);
        assertEquals(1.0, FourierWindow.besselI0(0.0));
    }

    @Test
    void fftMatchesNaiveDft() {
        int n = 64;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.sin(0.3 * i) + 0.1 * i;
            im[i] = Math.cos(0.7 * i * i);
        }
        double[] r0 = re.clone();
        double[] i0 = im.clone();
        Fft.of(n).forward(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * j * k / n;
                sr += r0[j] * Math.cos(a) - i0[j] * Math.sin(a);
                si += r0[j] * Math.sin(a) + i0[j] * Math.cos(a);
            }
            assertEquals(sr, re[k], 1e-11);
            assertEquals(si, im[k], 1e-11);
        }
        Fft.of(n).inverse(re, im);
        for (int j = 0; j < n; j++) {
            assertEquals(r0[j], re[j], 1e-13);
            assertEquals(i0[j], im[j], 1e-13);
        }
    }
}
