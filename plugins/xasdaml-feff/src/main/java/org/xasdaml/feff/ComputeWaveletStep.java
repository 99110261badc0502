package org.xasdaml.feff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.xafs.CauchyWavelet;
import org.xasdaml.xafs.ChiSpectrum;

/**
 * Cauchy wavelet magnitudes of every χ(k) (paper module M1's wavelet maps), kept as the reference kept
 * them: |W| on every 2nd k without k = 0 (200 values, 0.05 … 19.95 Å⁻¹) and every 2nd R (131 values,
 * 0 … 8 Å), in single precision. The full complex map (261 × 401 per sample) is never stored.
 *
 * <p>Samples are transformed in batches and each batch's maps are appended to a file in the work
 * folder, so the heap holds one batch, not the dataset: 5000 samples need 524 MB of disk and a few MB
 * of heap. The kernel is {@link CauchyWavelet#magnitudeSubsampled} (Larch {@code cauchy_wavelet}).
 */
public final class ComputeWaveletStep implements Step<ComputeWaveletStep.Options> {
    public static final Port<SampleTable> CHI = Port.of("chi", PortTypes.TABLE, "χ(k) per sample on a uniform k grid (axis k)");
    public static final Port<WaveletMaps> WAVELET = Port.of("wavelet", WaveletMaps.TYPE,
            "|W(k, R)| per sample, single precision, subsampled");

    /** Parameters of the wavelet maps. */
    public record Options(
            @Param(label = "k weight", description = "k-weight applied to χ before the transform (the reference used 2)", min = 0, max = 4)
            double kweight,
            @Param(label = "Largest R of the map", description = "Largest R of the map (rmax_out)", unit = "Å", min = 0.5, max = 30)
            double rmax,
            @Param(label = "FFT length", description = "FFT length parameter (power of 2)", min = 64, advanced = true)
            int nfft,
            @Param(label = "Keep every n-th k point", description = "Keep every n-th k, starting at the first k > 0 (2 as the reference: 200 values)", min = 1)
            int kStride,
            @Param(label = "Keep every n-th R point", description = "Keep every n-th R, starting at R = 0 (2 as the reference: 131 values)", min = 1)
            int rStride,
            @Param(label = "Samples per batch", description = "Samples transformed before their maps are written out", min = 1, advanced = true)
            int batch) {
        public Options {
            if (Integer.bitCount(nfft) != 1) {
                throw InvalidParameterException.of("nfft", "nfft %d must be a power of 2", nfft);
            }
            if (kStride < 1 || rStride < 1 || batch < 1) {
                throw new InvalidParameterException(null, "strides and batch must be at least 1");
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("wavelet", List.of("feff", "wavelet"), "Wavelet Maps", Category.DATASET_CALCULATION, "M1",
                "Cauchy wavelet magnitude maps |W(k, R)| of every χ(k), subsampled and in single precision.",
                """
                Transforms k^w·χ(k) with the Cauchy wavelet (Larch cauchy_wavelet; kweight 2, rmax 8 Å, nfft 2048 \
                as the reference) and keeps the magnitude on every 2nd k without k = 0 and every 2nd R: 200 × 131 \
                values per sample, as the reference stored them, in single precision.

                Maps are written batch by batch to the work folder, so thousands of samples need little memory.""",
                List.of(CHI), List.of(WAVELET));
    }

    @Override
    public Options defaults() {
        return new Options(2, 8, 2048, 2, 2, 256);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) throws IOException {
        SampleTable chi = inputs.get(CHI);
        Axis axis = chi.axis();
        if (axis == null || !axis.name().equals("k")) {
            throw new IllegalArgumentException("the chi input has no k axis (axis: " + (axis == null ? "none" : axis.name()) + ")");
        }
        double[] k = axis.values();
        double step = k.length > 1 ? k[1] - k[0] : 0;
        // FEFF's k = 0 point is dropped in the chi table; k^w·χ vanishes there for w > 0, so it is put back as 0
        boolean prepend = k[0] > 0 && Math.abs(k[0] - step) < 1e-6;
        double[] kk = prepend ? prepend(k, 0) : k;
        int kStart = prepend ? 1 : (k[0] == 0 ? 1 : 0);
        CauchyWavelet.Options wo = new CauchyWavelet.Options(o.kweight(), o.rmax(), o.nfft());
        Path raw = context.workDir().resolve("wavelet-maps.f32");
        Files.deleteIfExists(raw);
        List<SampleId> kept = new ArrayList<>();
        float[] kOut = null;
        float[] rOut = null;
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < chi.rows(); i++) {
            rows.add(i);
        }
        int mapSize = -1;
        WaveletMaps.Writer writer = null;
        try {
            for (int from = 0; from < rows.size(); from += o.batch()) {
                List<Integer> part = rows.subList(from, Math.min(rows.size(), from + o.batch()));
                List<CauchyWavelet.Magnitude> maps = ParallelSamples.map(part, i -> chi.ids().get(i), "wavelet", i -> {
                    double[] c = chi.row(i);
                    return CauchyWavelet.magnitudeSubsampled(new ChiSpectrum(kk, prepend ? prepend(c, 0) : c), wo, kStart,
                            o.kStride(), o.rStride());
                }, context);
                for (int j = 0; j < part.size(); j++) {
                    CauchyWavelet.Magnitude m = maps.get(j);
                    if (m == null) {
                        continue;
                    }
                    if (writer == null) {
                        kOut = m.k();
                        rOut = m.r();
                        mapSize = kOut.length * rOut.length;
                        writer = new WaveletMaps.Writer(raw, mapSize);
                    }
                    writer.append(m.mag());
                    kept.add(chi.ids().get(part.get(j)));
                }
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no wavelet map could be computed; first failure: "
                    + (context.failures().isEmpty() ? "none" : context.failures().get(0)));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("quantity", "wavelet magnitude");
        meta.put("wavelet", String.format(Locale.ROOT, "Cauchy, kweight %s, rmax %s, nfft %d, k stride %d, R stride %d",
                o.kweight(), o.rmax(), o.nfft(), o.kStride(), o.rStride()));
        return StepData.empty().with(WAVELET, new WaveletMaps(kept, kOut, rOut, raw, meta));
    }

    private static double[] prepend(double[] v, double first) {
        double[] out = new double[v.length + 1];
        out[0] = first;
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }
}
