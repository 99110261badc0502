package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.xafs.io.XdiReader;

/**
 * The chain a prediction applies to a measured spectrum — XDI file → autobk → xftf — against the
 * same chain in Larch 0.9.58. Tolerance 10⁻⁵ × max |χ(R)|: the chain inherits autobk's (10⁻⁵ on k²χ),
 * the transforms themselves agree to 10⁻¹⁵.
 */
class PipelineTest {

    @TempDir
    Path dir;

    @Test
    void xdiAutobkXftfMatchesLarch() throws IOException {
        Path xdi = dir.resolve("cu_metal_rt.xdi");
        try (InputStream in = getClass().getResourceAsStream("data/cu_metal_rt.xdi")) {
            Files.copy(in, xdi);
        }
        LarchFixture f = LarchFixture.load("fixtures/pipeline_cu_metal_rt.txt");
        MuSpectrum mu = XdiReader.read(xdi).muSpectrum();
        AutobkBackground.Result bk = AutobkBackground.autobk(mu,
                AutobkBackground.Options.of(f.num("rbkg"), 0, null, f.num("autobk_kweight"), 0.1));
        XafsFourierTransform.ChiR chir = XafsFourierTransform.xftf(bk.chi(),
                new XafsFourierTransform.ForwardOptions(f.num("kmin"), f.num("kmax"), f.num("kweight"), f.num("dk"),
                        Double.NaN, FourierWindow.Shape.of(f.str("window")), f.num("rmax_out"), 2048, 0.05));
        double[] mag = chir.mag();
        double scale = LarchFixture.maxAbs(f.col("chir_mag"));
        double d = LarchFixture.maxAbsDiff(f.col("chir_mag"), mag);
        System.out.printf("pipeline cu_metal_rt max|chir|=%.4g rel diff=%.2e%n", scale, d / scale);
        assertTrue(d <= 1e-5 * scale, "chir_mag " + d);
        // the first shell of Cu metal (2.55 A, ~0.3-0.5 A phase shift) peaks near R = 2.2 A
        int imax = 0;
        for (int i = 0; i < mag.length; i++) {
            if (mag[i] > mag[imax]) {
                imax = i;
            }
        }
        assertEquals(2.2, chir.r()[imax], 0.15);
    }
}
