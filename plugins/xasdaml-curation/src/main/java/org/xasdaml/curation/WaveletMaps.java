package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.xafs.CauchyWavelet;
import org.xasdaml.xafs.ChiSpectrum;

/**
 * Subsampled Cauchy wavelet maps of a dataset's χ(k) as a table (paper M3, the reference's
 * {@code get_wt}): |W(k, R)| with kweight 2 and R ≤ 8 Å on every kStride-th k (k = 0 left out)
 * and every rStride-th R, then optionally the topN columns of largest variance (population
 * variance over the samples).
 *
 * <p>The reference kept the columns whose variance is <em>strictly greater</em> than the
 * rate-th largest, i.e. rate - 1 columns; here topN means exactly N columns (ties broken by
 * column order).
 *
 * <p>Columns are flattened R-major; the table's axis holds the flat index of each kept column in
 * the full subsampled map, and the metadata {@code wavelet.k}, {@code wavelet.r} list each kept
 * column's k (Å⁻¹) and R (Å), {@code wavelet.shape} the full map's "nR x nK".
 */
public final class WaveletMaps {
    private WaveletMaps() {
    }

    public static SampleTable compute(SampleTable chi, int kStride, int rStride, int topN, StepContext context) {
        double[] k = chi.axis().values();
        double step = k.length > 1 ? k[1] - k[0] : 0;
        if (!(step > 0) || Math.abs(k[0] - step) > 1e-6 * step) {
            throw new IllegalArgumentException("wavelet maps need χ on a uniform k grid starting one step above 0, got " + chi.axis());
        }
        for (int i = 1; i < k.length; i++) {
            if (Math.abs(k[i] - k[i - 1] - step) > 1e-6 * step) {
                throw new IllegalArgumentException("wavelet maps need a uniform k grid; step changes at k = " + k[i]);
            }
        }
        double[] k0 = new double[k.length + 1];
        for (int i = 0; i < k0.length; i++) {
            k0[i] = i * step;
        }
        CauchyWavelet.Options wo = CauchyWavelet.Options.xasdaml();
        List<Integer> rows = IntStream.range(0, chi.rows()).boxed().toList();
        List<CauchyWavelet.Magnitude> maps = ParallelSamples.map(rows, chi.ids()::get, "wavelet", r -> {
            double[] c = new double[k0.length];
            System.arraycopy(chi.row(r), 0, c, 1, k.length);
            return CauchyWavelet.magnitudeSubsampled(new ChiSpectrum(k0, c), wo, 1, kStride, rStride);
        }, context);
        List<SampleId> ids = new ArrayList<>();
        List<float[]> mags = new ArrayList<>();
        float[] kk = null;
        float[] rr = null;
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) != null) {
                ids.add(chi.ids().get(i));
                mags.add(maps.get(i).mag());
                kk = maps.get(i).k();
                rr = maps.get(i).r();
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no wavelet map could be computed");
        }
        int cols = kk.length * rr.length;
        int[] keep = IntStream.range(0, cols).toArray();
        if (topN > 0 && topN < cols) {
            double[] var = new double[cols];
            int n = mags.size();
            for (int j = 0; j < cols; j++) {
                double mean = 0;
                for (float[] m : mags) {
                    mean += m[j];
                }
                mean /= n;
                double v = 0;
                for (float[] m : mags) {
                    v += (m[j] - mean) * (m[j] - mean);
                }
                var[j] = v / n;
            }
            keep = IntStream.range(0, cols).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> -var[j]).thenComparingInt(j -> j))
                    .limit(topN).mapToInt(Integer::intValue).sorted().toArray();
        }
        double[][] values = new double[ids.size()][keep.length];
        for (int i = 0; i < ids.size(); i++) {
            float[] m = mags.get(i);
            for (int j = 0; j < keep.length; j++) {
                values[i][j] = m[keep[j]];
            }
        }
        double[] flat = new double[keep.length];
        double[] kOf = new double[keep.length];
        double[] rOf = new double[keep.length];
        for (int j = 0; j < keep.length; j++) {
            int ir = keep[j] / kk.length;
            int ik = keep[j] % kk.length;
            kOf[j] = kk[ik];
            rOf[j] = rr[ir];
            flat[j] = keep[j];
        }
        SampleTable t = SampleTable.spectra(ids, "wt", new Axis("wavelet-column", "", flat), values);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("quantity", "wt");
        meta.put("wavelet.shape", rr.length + " x " + kk.length);
        meta.put("wavelet.k", join(kOf));
        meta.put("wavelet.r", join(rOf));
        meta.put("wavelet.options", "kweight 2, rmax_out 8 Å, nfft 2048, kStride " + kStride + ", rStride " + rStride
                + (topN > 0 ? ", top " + topN + " by variance" : ""));
        return t.withMeta(meta);
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(d -> String.format(Locale.ROOT, "%.6g", d)).collect(Collectors.joining(","));
    }
}
