package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cauchy_wavelet against Larch 0.9.58 at the stored (R, k) points. Project tolerance: max |Δ| of
 * re, im, mag ≤ 10⁻⁶ × the largest |W| of the full Larch map.
 */
class CauchyWaveletTest {

    @ParameterizedTest
    @ValueSource(strings = {"feffcu_kw2_r8", "cuchi_kw1_r6"})
    void fullTransformMatchesLarch(String name) {
        LarchFixture f = LarchFixture.load("fixtures/wavelet_" + name + ".txt.gz");
        ChiSpectrum chi = LarchFixture.chiInput(f.str("input"));
        CauchyWavelet.Result w = CauchyWavelet.transform(chi,
                new CauchyWavelet.Options(f.num("kweight"), f.num("rmax_out"), (int) f.num("nfft")));
        assertEquals((int) f.num("nr"), w.r().length, "number of R rows");
        assertEquals((int) f.num("nk"), w.k().length, "number of k columns");
        double scale = f.num("max_mag");
        double[][] re = w.re();
        double[][] im = w.im();
        double[][] mag = w.mag();
        double[] r = w.r();
        double[] ir = f.col("ir");
        double[] ik = f.col("ik");
        double dre = 0;
        double dim = 0;
        double dmag = 0;
        double dr = 0;
        for (int p = 0; p < ir.length; p++) {
            int i = (int) ir[p];
            int j = (int) ik[p];
            dre = Math.max(dre, Math.abs(re[i][j] - f.col("re")[p]));
            dim = Math.max(dim, Math.abs(im[i][j] - f.col("im")[p]));
            dmag = Math.max(dmag, Math.abs(mag[i][j] - f.col("mag")[p]));
            dr = Math.max(dr, Math.abs(r[i] - f.col("r")[p]));
        }
        double javaMax = 0;
        for (double[] row : mag) {
            javaMax = Math.max(javaMax, LarchFixture.maxAbs(row));
        }
        System.out.printf("wavelet %-14s max|W|=%.5g rel dre=%.2e dim=%.2e dmag=%.2e (%d points)%n", name,
                scale, dre / scale, dim / scale, dmag / scale, ir.length);
        assertTrue(dr < 1e-12, "r grid " + dr);
        assertEquals(scale, javaMax, 1e-6 * scale, "max |W|");
        assertTrue(dre <= 1e-6 * scale, "re " + dre);
        assertTrue(dim <= 1e-6 * scale, "im " + dim);
        assertTrue(dmag <= 1e-6 * scale, "mag " + dmag);
    }

    @Test
    void subsampledMagnitudeIsTheReferenceMapInFloat() {
        LarchFixture f = LarchFixture.load("fixtures/wavelet_feffcu_kw2_r8.txt.gz");
        ChiSpectrum chi = LarchFixture.chiInput("feffcu");
        CauchyWavelet.Magnitude m = CauchyWavelet.magnitudeSubsampled(chi, CauchyWavelet.Options.xasdaml(), 1, 2, 2);
        assertEquals(200, m.k().length);
        assertEquals(131, m.r().length);
        assertEquals(0.05f, m.k()[0], 1e-7f);
        assertEquals(19.95f, m.k()[199], 1e-5f);
        assertEquals(8.0f, m.r()[130], 1e-6f);
        double scale = f.num("max_mag");
        double[] mag = f.col("mag");
        // fixture rows are r-major with the same strides, so they line up one to one
        assertEquals(mag.length, m.mag().length);
        float[] got = m.mag();
        double d = 0;
        for (int p = 0; p < mag.length; p++) {
            d = Math.max(d, Math.abs(got[p] - mag[p]));
        }
        assertTrue(d <= 1e-6 * scale, "float magnitude " + d);
        assertEquals((float) mag[5 * 200 + 7], m.at(5, 7), 1e-6 * scale);
    }

    @Test
    void refusesANonUniformKGrid() {
        double[] k = {0, 0.05, 0.1, 0.2, 0.25};
        double[] chi = {0, 1, 0, -1, 0};
        XafsArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(XafsArgumentException.class,
                () -> CauchyWavelet.transform(new ChiSpectrum(k, chi), CauchyWavelet.Options.xasdaml()));
        assertEquals("k spacing at index 3 0.1 is out of range: the wavelet needs a uniform grid of step 0.05"
                + " (interpolate first, e.g. with GridInterpolation)", e.getMessage());
    }

    @Test
    void rZeroRowIsZeroAndRGridIsLarchs() {
        double[] k = new double[401];
        double[] chi = new double[401];
        for (int i = 0; i < k.length; i++) {
            k[i] = 0.05 * i;
            chi[i] = Math.sin(4.4 * k[i]);
        }
        CauchyWavelet.Result w = CauchyWavelet.transform(new ChiSpectrum(k, chi), CauchyWavelet.Options.xasdaml());
        assertEquals(261, w.r().length);
        assertEquals(1e-19, w.r()[0]);
        assertArrayEquals(new double[401], w.re()[0]);
    }
}
