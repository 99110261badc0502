package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/** Wavelet maps of a FEFF χ against Larch's cauchy_wavelet (fixture of make_feff_fixtures.py), through the codec. */
class ComputeWaveletStepTest {

    @Test
    void mapsMatchLarchAndSurviveTheirFile(@TempDir Path tmp) throws Exception {
        List<double[]> rows = FeffFixtures.rows(FeffFixtures.resource("larch_cu_frame0_noscf_chi.dat"));
        double[] k = new double[400];
        double[] chi = new double[400];
        for (int i = 0; i < 400; i++) {
            k[i] = rows.get(i + 1)[0];
            chi[i] = rows.get(i + 1)[1];
        }
        double[] twice = chi.clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        SampleTable table = SampleTable.spectra(List.of(new SampleId(0, 0), new SampleId(1, 0)), "chi", new Axis("k", "Å⁻¹", k),
                new double[][] {chi, twice});
        ComputeWaveletStep step = new ComputeWaveletStep();
        StepData out = step.run(StepData.empty().with(ComputeWaveletStep.CHI, table), step.defaults(),
                new BasicContext(2, tmp.resolve("work"), null, null));
        WaveletMaps maps = out.get(ComputeWaveletStep.WAVELET);
        WaveletMaps.TYPE.codec().write(maps, tmp.resolve("run").resolve("wavelet"));
        assertTrue(Files.isRegularFile(tmp.resolve("run").resolve("wavelet.npz")));
        WaveletMaps back = WaveletMaps.TYPE.codec().read(tmp.resolve("run").resolve("wavelet"));

        assertEquals(List.of(new SampleId(0, 0), new SampleId(1, 0)), back.ids());
        assertEquals(200, back.k().length);
        assertEquals(131, back.r().length);
        assertEquals(0.05f, back.k()[0], 1e-6f);
        assertEquals(19.95f, back.k()[199], 1e-4f);
        assertEquals(8.0f, back.r()[130], 1e-5f);
        assertEquals("float32", readMeta(tmp.resolve("run").resolve("wavelet.npz")));

        double[][] larch = larchMagnitude();
        float[] m0 = back.map(0);
        float[] m1 = back.map(1);
        double max = 0;
        for (double[] r : larch) {
            for (double v : r) {
                max = Math.max(max, v);
            }
        }
        for (int ir = 0; ir < 131; ir++) {
            for (int ik = 0; ik < 200; ik++) {
                assertEquals(larch[ir][ik], m0[ir * 200 + ik], 1e-5 * max, "R index " + ir + ", k index " + ik);
                assertEquals(2 * m0[ir * 200 + ik], m1[ir * 200 + ik], 1e-5 * max);
            }
        }
    }

    private static String readMeta(Path npz) throws Exception {
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(npz))) {
            java.util.zip.ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("table.json")) {
                    String json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    return json.contains("\"precision\":\"float32\"") || json.contains("\"precision\": \"float32\"") ? "float32" : json;
                }
            }
        }
        return "no table.json";
    }

    private static double[][] larchMagnitude() throws Exception {
        List<double[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(FeffFixtures.resource("larch_cu_frame0_noscf_wavelet_mag.txt.gz"))), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] p = line.strip().split("\\s+");
                double[] v = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    v[i] = Double.parseDouble(p[i]);
                }
                out.add(v);
            }
        }
        return out.toArray(new double[0][]);
    }
}
