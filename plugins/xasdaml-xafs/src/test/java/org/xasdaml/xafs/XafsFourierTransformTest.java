package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * xftf/xftr against Larch 0.9.58. Project tolerance: max |Δ| of re, im and mag ≤ 10⁻⁶ × the
 * largest |χ(R)| (|χ(q)|) of the Larch result.
 */
class XafsFourierTransformTest {

    static final double TOL = 1e-6;

    static XafsFourierTransform.ForwardOptions forwardOptions(LarchFixture f) {
        return new XafsFourierTransform.ForwardOptions(f.num("kmin"), f.num("kmax"), f.num("kweight"),
                f.num("dk"), f.num("dk2"), FourierWindow.Shape.of(f.str("window")), f.num("rmax_out"),
                (int) f.num("nfft"), f.num("kstep"));
    }

    static XafsFourierTransform.ChiR forward(String name) {
        LarchFixture f = LarchFixture.load("fixtures/xftf_" + name + ".txt");
        return XafsFourierTransform.xftf(LarchFixture.chiInput(f.str("input")), forwardOptions(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"han_kw2", "han_kw1_dk3", "kai_kw3", "par_kw2_dk2", "wel_kw0", "sin_kw2",
        "gau_kw1", "han_kw2_feff"})
    void xftfMatchesLarch(String name) {
        LarchFixture f = LarchFixture.load("fixtures/xftf_" + name + ".txt");
        XafsFourierTransform.ChiR out = forward(name);
        double scale = LarchFixture.maxAbs(f.col("chir_mag"));
        assertEquals(f.col("r").length, out.r().length, "number of R points");
        assertTrue(LarchFixture.maxAbsDiff(f.col("r"), out.r()) < 1e-12);
        double dre = LarchFixture.maxAbsDiff(f.col("chir_re"), out.re());
        double dim = LarchFixture.maxAbsDiff(f.col("chir_im"), out.im());
        double dmag = LarchFixture.maxAbsDiff(f.col("chir_mag"), out.mag());
        System.out.printf("xftf %-14s max|chir|=%.4g  rel dre=%.2e dim=%.2e dmag=%.2e%n", name, scale,
                dre / scale, dim / scale, dmag / scale);
        assertTrue(dre <= TOL * scale, "re " + dre);
        assertTrue(dim <= TOL * scale, "im " + dim);
        assertTrue(dmag <= TOL * scale, "mag " + dmag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"han_r1_3", "kai_r1_6", "han_r1_3_feff"})
    void xftrMatchesLarch(String name) {
        LarchFixture f = LarchFixture.load("fixtures/xftr_" + name + ".txt");
        XafsFourierTransform.ChiR chir = forward(f.str("forward"));
        XafsFourierTransform.ReverseOptions opts = new XafsFourierTransform.ReverseOptions(f.num("rmin"),
                f.num("rmax"), f.num("dr"), Double.NaN, f.num("rweight"), FourierWindow.Shape.of(f.str("window")),
                f.num("qmax_out"), (int) f.num("nfft"));
        XafsFourierTransform.ChiQ out = XafsFourierTransform.xftr(chir.r(), chir.re(), chir.im(), opts);
        double scale = LarchFixture.maxAbs(f.col("chiq_mag"));
        assertEquals(f.col("q").length, out.q().length, "number of q points");
        assertTrue(LarchFixture.maxAbsDiff(f.col("q"), out.q()) < 1e-12);
        double dre = LarchFixture.maxAbsDiff(f.col("chiq_re"), out.re());
        double dim = LarchFixture.maxAbsDiff(f.col("chiq_im"), out.im());
        double dmag = LarchFixture.maxAbsDiff(f.col("chiq_mag"), out.mag());
        System.out.printf("xftr %-14s max|chiq|=%.4g  rel dre=%.2e dim=%.2e dmag=%.2e%n", name, scale,
                dre / scale, dim / scale, dmag / scale);
        assertTrue(dre <= TOL * scale, "re " + dre);
        assertTrue(dim <= TOL * scale, "im " + dim);
        assertTrue(dmag <= TOL * scale, "mag " + dmag);
    }

    @Test
    void parsevalHoldsForTheNormalisation() {
        // sum |chi(R)|^2 over all nfft R points equals (kstep^2/pi) * nfft * sum |chi_k w|^2
        double[] k = new double[401];
        double[] chi = new double[401];
        for (int i = 0; i < k.length; i++) {
            k[i] = 0.05 * i;
            chi[i] = Math.sin(2 * 2.5 * k[i]) * Math.exp(-0.01 * k[i] * k[i]);
        }
        XafsFourierTransform.ForwardOptions o = new XafsFourierTransform.ForwardOptions(0, 20, 0, 1, Double.NaN,
                FourierWindow.Shape.HANNING, 1000, 2048, 0.05);
        XafsFourierTransform.ChiR r = XafsFourierTransform.xftf(new ChiSpectrum(k, chi), o);
        // the peak of a single sine of frequency 2R sits at R = 2.5 A
        double[] mag = r.mag();
        int imax = 0;
        for (int i = 0; i < mag.length; i++) {
            if (mag[i] > mag[imax]) {
                imax = i;
            }
        }
        assertEquals(2.5, r.r()[imax], Math.PI / (0.05 * 2048));
    }

    @Test
    void rejectsBadOptions() {
        XafsArgumentException e = assertThrows(XafsArgumentException.class,
                () -> XafsFourierTransform.ForwardOptions.of(12, 3, 2, 1, FourierWindow.Shape.HANNING));
        assertEquals("kmax 3.0 is out of range: must exceed kmin 12.0", e.getMessage());
        e = assertThrows(XafsArgumentException.class, () -> FourierWindow.Shape.of("boxcar"));
        assertTrue(e.getMessage().startsWith("window boxcar is out of range"));
        assertEquals(FourierWindow.Shape.KAISER, FourierWindow.Shape.of("Kaiser-Bessel"));
    }
}
