package org.xasdaml.curation.xas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.xafs.AutobkBackground;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Larch's autobk on every spectrum: χ(k) on one common k grid (0, 0.05, … up to kmax when given,
 * else up to the shortest spectrum's end).
 */
public final class AutobkStep implements Step<AutobkStep.Options> {
    /** The values table's columns, as written by the run and announced at configure. */
    static final List<String> VALUE_COLUMNS = List.of("e0", "edge_step", "kmin", "kmax", "rbkg", "nknots");


    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE, "μ(E) per spectrum (axis energy, eV)");
    public static final Port<SampleTable> EDGES = Port.optional("edges", PortTypes.TABLE,
            "Per spectrum e0 and edge_step (e.g. from Normalise or Align); when connected they are used instead of pre_edge's");
    public static final Port<SampleTable> CHI = Port.of("chi", PortTypes.TABLE, "χ(k) per spectrum on k = 0, 0.05, … (axis k, Å⁻¹)");
    public static final Port<SampleTable> BKG = Port.of("bkg", PortTypes.TABLE, "The background μ0(E) on the input's energies");
    public static final Port<SampleTable> VALUES = Port.of("values", PortTypes.TABLE,
            "Per spectrum the values used: e0 (eV), edge_step, kmin, kmax (Å⁻¹), rbkg (Å), nknots");

    /** Larch's autobk arguments. */
    public record Options(
            @Param(description = "rbkg: R below which the background takes the signal", unit = "Å", min = 0.05) double rbkg,
            @Param(description = "kweight of the background fit", min = 0, max = 5) double kweight,
            @Param(description = "kmin of the spline", unit = "Å⁻¹", min = 0) double kmin,
            @Param(description = "kmax of the spline and end of the χ(k) grid; a spectrum whose data end before it is "
                    + "refused (empty = end of the data, the shortest spectrum's for the grid)", unit = "Å⁻¹") String kmax,
            @Param(description = "dk: window taper", unit = "Å⁻¹", min = 0) double dk,
            @Param(description = "window") FourierWindow.Shape window,
            @Param(description = "e0 (empty = from pre_edge, or the edges input)", unit = "eV") String e0,
            @Param(description = "nclamp: end points clamped", min = 0, advanced = true) int nclamp,
            @Param(description = "clamp_lo: weight of the low-k clamp", min = 0, advanced = true) double clampLo,
            @Param(description = "clamp_hi: weight of the high-k clamp", min = 0, advanced = true) double clampHi) {
        public Options {
            SpectraTables.optional("kmax", kmax);
            SpectraTables.optional("e0", e0);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("autobk", List.of("spectra", "autobk"), "Background Removal (autobk)", Category.DATASET_CALCULATION, "M3",
                "Larch autobk on every spectrum: background spline and χ(k) on a common k grid.",
                """
                Fits the background μ0(E) as a spline whose knots are spaced so that it holds no Fourier \
                component above rbkg, and gives χ(k) = (μ − μ0)/edge step on k = 0, 0.05, … Å⁻¹ up to the end of \
                the shortest spectrum. E0 and the edge step come from pre_edge (Larch's defaults) unless given \
                or taken from a connected edges table. The values used are in the values table.""",
                List.of(MU, EDGES), List.of(CHI, BKG, VALUES));
    }

    @Override
    public Options defaults() {
        return new Options(1.0, 2, 0, "", 0.1, FourierWindow.Shape.HANNING, "", 3, 0, 1);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable mu = in.get(MU);
        SpectraTables.requireAxis(mu, "mu", "energy", "eV");
        SampleTable edges = in.find(EDGES);
        double[] e = mu.axis().values();
        double e0opt = SpectraTables.optional("e0", o.e0());
        double kmax = SpectraTables.optional("kmax", o.kmax());
        List<AutobkBackground.Result> res = ParallelSamples.map(IntStream.range(0, mu.rows()).boxed().toList(), mu.ids()::get,
                "autobk", r -> {
                    Double e0 = SpectraTables.boxed(e0opt);
                    Double step = null;
                    if (edges != null) {
                        int er = edges.rowOf(mu.ids().get(r));
                        if (er < 0) {
                            throw new IllegalArgumentException("no row in the edges table");
                        }
                        e0 = e0 != null ? e0 : edges.column("e0")[er];
                        step = edges.column("edge_step")[er];
                    }
                    return AutobkBackground.autobk(new MuSpectrum(e, mu.row(r)), new AutobkBackground.Options(o.rbkg(), null, e0,
                            step, o.kmin(), SpectraTables.boxed(kmax), o.kweight(), o.dk(), o.window(), 2048,
                            KSTEP, o.nclamp(), o.clampLo(), o.clampHi(), EdgeNormalization.Options.defaults()));
                }, ctx);
        res = new java.util.ArrayList<>(res);
        if (!Double.isNaN(kmax)) {
            // a given kmax is the k range of the output: a spectrum whose data end before it is refused alone
            // (never a shorter grid for every spectrum because of one)
            int want = AutobkBackground.outputK(kmax, KSTEP).length;
            for (int r = 0; r < res.size(); r++) {
                AutobkBackground.Result x = res.get(r);
                if (x != null && x.chi().size() < want) {
                    double[] kk = x.chi().k();
                    ctx.recordFailure(new org.xasdaml.workflow.SampleFailure(mu.ids().get(r), "autobk", String.format(Locale.ROOT,
                            "the data end at k = %.2f Å⁻¹ above E0 %.2f eV, short of kmax %s Å⁻¹; lower kmax or leave it empty",
                            kk[kk.length - 1], x.e0(), o.kmax())));
                    res.set(r, null);
                }
            }
        }
        int n = Integer.MAX_VALUE;
        for (AutobkBackground.Result r : res) {
            if (r != null) {
                n = Math.min(n, r.chi().size());
            }
        }
        if (n == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("autobk failed for every spectrum; first: " + ctx.failures().get(0));
        }
        SpectraTables.Builder chi = new SpectraTables.Builder(mu);
        SpectraTables.Builder bkg = new SpectraTables.Builder(mu);
        double[] k = null;
        for (int r = 0; r < res.size(); r++) {
            AutobkBackground.Result x = res.get(r);
            if (x != null) {
                k = java.util.Arrays.copyOf(x.chi().k(), n);
                AutobkBackground.Details d = x.details();
                chi.add(r, java.util.Arrays.copyOf(x.chi().chi(), n),
                        new double[] {x.e0(), x.edgeStep(), d.kmin(), d.kmax(), d.rbkg(), d.nspl()});
                bkg.add(r, x.bkg(), null);
            }
        }
        ctx.progress(1, String.format(Locale.ROOT, "χ(k) up to %.2f Å⁻¹", k[n - 1]));
        return StepData.empty().with(CHI, chi.spectra("chi", new Axis("k", "Å⁻¹", k), Map.of()))
                .with(BKG, bkg.spectra("bkg", mu.axis(), Map.of()))
                .with(VALUES, chi.values(VALUE_COLUMNS));
    }

    /** χ(k) every 0.05 Å⁻¹ (Larch's kstep). */
    static final double KSTEP = 0.05;

    /**
     * The background on the input's energies and the values table are known from the input; χ(k)
     * when kmax is given (its k grid, 0 … kmax; spectra ending short of it are refused), otherwise
     * not: its k grid then ends where the shortest spectrum ends above its own E0, found in the data.
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns mu = inputs.get(MU.name());
        if (mu == null) {
            return null;
        }
        if (output.equals(CHI.name())) {
            double kmax = SpectraTables.optional("kmax", o.kmax());
            return Double.isNaN(kmax) ? null
                    : mu.keepingSource(org.xasdaml.workflow.TableColumns.spectra("chi", AutobkBackground.outputK(kmax, KSTEP)));
        }
        if (output.equals(VALUES.name())) {
            return mu.keepingSource(org.xasdaml.workflow.TableColumns.numeric(VALUE_COLUMNS));
        }
        return mu.spectraAs("bkg", List.of("source"));
    }
}
