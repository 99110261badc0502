package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.xasdaml.plot.Chart;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.XafsFourierTransform;

/**
 * The plot toolkit (paper M4): per chosen sample, μ(E), normalised μ(E), χ(k), k-weighted χ(k),
 * |χ(R)| and its back-transform, the wavelet map and the RDF; and the CN and CR of every method
 * in one scatter figure each, plus CR against CN with every method in one figure. Samples are chosen by position (in sample-id order) from start to
 * end: one random position per block of {@code interval} (seeded, as the reference), or every
 * {@code interval}-th.
 */
public final class PlotsStep implements Step<PlotsStep.Options> {

    public static final Port<SampleTable> MU = Port.optional("mu", PortTypes.TABLE, "μ(E) on a grid (axis energy, eV)");
    public static final Port<SampleTable> NORM = Port.optional("norm", PortTypes.TABLE, "Normalised μ(E) on a grid");
    public static final Port<SampleTable> CHI = Port.optional("chi", PortTypes.TABLE, "χ(k) on a k grid (Å⁻¹)");
    public static final Port<SampleTable> WAVELET = Port.optional("wavelet", PortTypes.TABLE,
            "Wavelet maps from the reconcile step (full maps, topN = 0)");
    public static final Port<SampleTable> RDF = Port.optional("rdf", PortTypes.TABLE, "Radial distribution g(r) on an r grid (Å)");
    public static final Port<SampleTable> LABELS = Port.optional("labels", PortTypes.TABLE, "CN_<method> and CR_<method> labels");
    public static final Port<FigureSet> FIGURES = Port.of("figures", PortTypes.FIGURES, "The figures, PNG and SVG");

    /** Parameters of the plots. */
    public record Options(
            @Param(label = "First sample", group = "Samples", description = "First sample position (0-based, in sample-id order)", min = 0)
            int start,
            @Param(label = "End sample (exclusive)", group = "Samples", description = "End position, exclusive (0 = after the last sample)", min = 0)
            int end,
            @Param(label = "Samples per block", group = "Samples", description = "Block size: one sample is plotted per block of this many", min = 1)
            int interval,
            @Param(label = "Sample chosen per block", group = "Samples", description = "random = one seeded random position per block (the reference); first = the block's first",
                    choices = {"random", "first"})
            String selection,
            @Param(label = "Random seed", group = "Samples", appliesWhen = "selection=random", description = "Seed of the random choice", min = 0)
            long seed,
            @Param(label = "k weight", group = "Fourier transform", description = "k weight of the weighted χ(k) and of the Fourier transform", min = 0, max = 4)
            double kweight,
            @Param(label = "k window start", group = "Fourier transform", description = "Fourier transform window start", unit = "Å⁻¹", min = 0)
            double kmin,
            @Param(label = "k window end", group = "Fourier transform", description = "Fourier transform window end", unit = "Å⁻¹", min = 0)
            double kmax,
            @Param(label = "R window start", group = "Fourier transform", description = "Back-transform window start", unit = "Å", min = 0)
            double rmin,
            @Param(label = "R window end", group = "Fourier transform", description = "Back-transform window end", unit = "Å", min = 0)
            double rmax,
            @Param(label = "Also write SVG files", description = "Also write SVG files")
            boolean svg) {
        public Options {
            if (end > 0 && end <= start) {
                throw InvalidParameterException.of("end", "end %d must exceed start %d", end, start);
            }
            if (kmax <= kmin) {
                throw InvalidParameterException.of("kmax", "kmax %s must exceed kmin %s", kmax, kmin);
            }
            if (rmax <= rmin) {
                throw InvalidParameterException.of("rmax", "rmax %s must exceed rmin %s", rmax, rmin);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("plots", List.of("toolkit", "plots"), "Spectra and Label Plots", Category.TOOLKITS, "M4",
                "Draws spectra (μ, normalised μ, χ, k-weighted χ, |χ(R)|, back-transform, wavelet, RDF) of chosen samples and "
                        + "CN/CR scatters.",
                """
                Samples are taken by position in sample-id order from start to end, one per block of 'interval' \
                positions: a seeded random one (as the reference) or the first. For each: μ(E), normalised μ(E), \
                χ(k), k^w χ(k), |χ(R)| (Hanning window kmin..kmax, dk 1) with its back-transform over rmin..rmax \
                compared with the windowed k^w χ(k), the wavelet modulus map and g(r), for whichever inputs are \
                connected. Labels give one scatter of CN and one of CR over the sample positions, every method in \
                one figure. PNG and SVG; axes carry units.""",
                List.of(MU, NORM, CHI, WAVELET, RDF, LABELS), List.of(FIGURES));
    }

    @Override
    public Options defaults() {
        return new Options(0, 0, 500, "random", 42, 2, 2, 12, 1, 3, true);
    }

    /** The chosen positions in [start, end). */
    public static int[] positions(int n, int start, int end, int interval, boolean random, long seed) {
        int stop = end <= 0 ? n : Math.min(end, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> out = new ArrayList<>();
        for (int i = start; i < stop; i += interval) {
            int blockEnd = Math.min(i + interval, stop);
            out.add(random ? i + rnd.nextInt(blockEnd - i) : i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        List<SampleTable> spectra = new ArrayList<>();
        for (Port<SampleTable> p : List.of(MU, NORM, CHI, WAVELET, RDF)) {
            SampleTable t = inputs.find(p);
            if (t != null) {
                spectra.add(t);
            }
        }
        SampleTable labels = inputs.find(LABELS);
        if (spectra.isEmpty() && labels == null) {
            throw new IllegalArgumentException("connect at least one of mu, norm, chi, wavelet, rdf or labels");
        }
        java.util.Set<SampleId> all = new java.util.TreeSet<>();
        for (SampleTable t : spectra) {
            all.addAll(t.ids());
        }
        List<SampleId> ids = new ArrayList<>(all);
        java.util.Map<SampleId, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        int[] pos = positions(ids.size(), o.start(), o.end(), o.interval(), o.selection().equals("random"), o.seed());
        List<SampleId> chosen = Arrays.stream(pos).mapToObj(ids::get).toList();
        SampleTable mu = inputs.find(MU);
        SampleTable norm = inputs.find(NORM);
        SampleTable chi = inputs.find(CHI);
        SampleTable wt = inputs.find(WAVELET);
        SampleTable rdf = inputs.find(RDF);
        List<List<Figure>> per = ParallelSamples.map(chosen, id -> id, "plot", id -> {
            List<Figure> f = new ArrayList<>();
            String stem = "sample_" + id.frame() + (id.site() == 0 ? "" : "_" + id.site());
            int p = position.get(id);
            String who = "Sample " + id + " (position " + p + ")";
            if (mu != null && mu.rowOf(id) >= 0) {
                f.add(spectrum(mu, id, who + ": μ(E)", "μ(E)", o).render(stem + "_mu"));
            }
            if (norm != null && norm.rowOf(id) >= 0) {
                f.add(spectrum(norm, id, who + ": normalised μ(E)", "normalised μ(E)", o).render(stem + "_norm"));
            }
            if (chi != null && chi.rowOf(id) >= 0) {
                f.addAll(chiFigures(chi, id, who, stem, o));
            }
            if (wt != null && wt.rowOf(id) >= 0) {
                Figure w = waveletFigure(wt, id, who, stem, o);
                if (w != null) {
                    f.add(w);
                }
            }
            if (rdf != null && rdf.rowOf(id) >= 0) {
                f.add(spectrum(rdf, id, who + ": radial distribution", "g(r)", o).render(stem + "_rdf"));
            }
            return f;
        }, context);
        List<Figure> figs = new ArrayList<>();
        for (List<Figure> l : per) {
            if (l != null) {
                figs.addAll(l);
            }
        }
        if (labels != null) {
            figs.addAll(labelScatters(labels, o));
        }
        return StepData.empty().with(FIGURES, new FigureSet(figs));
    }

    private static Chart spectrum(SampleTable t, SampleId id, String title, String quantity, Options o) {
        Axis a = t.axis();
        if (a == null) {
            throw new IllegalArgumentException("table " + t + " has no grid to plot against");
        }
        return new Chart().title(title).xLabel(axisLabel(a), a.unit()).yLabel(quantity, "").legend(false).svg(o.svg())
                .line(id.toString(), a.values(), t.row(t.rowOf(id)));
    }

    /** Readable name of a spectra table's quantity ("mu" is μ(E)). */
    static String quantityLabel(String quantity) {
        return switch (quantity) {
            case "mu" -> "μ(E)";
            case "norm" -> "normalised μ(E)";
            case "chi" -> "χ(k)";
            case "g" -> "g(r)";
            case "wt" -> "|W(k, R)|";
            default -> quantity;
        };
    }

    static String axisLabel(Axis a) {
        return switch (a.name()) {
            case "energy" -> "Energy";
            case "k" -> "k";
            case "r" -> "r";
            default -> a.name();
        };
    }

    private static List<Figure> chiFigures(SampleTable chi, SampleId id, String who, String stem, Options o) {
        List<Figure> f = new ArrayList<>();
        double[] k = chi.axis().values();
        double[] c = chi.row(chi.rowOf(id));
        f.add(new Chart().title(who + ": χ(k)").xLabel("k", "Å⁻¹").yLabel("χ(k)", "").legend(false).svg(o.svg())
                .line(id.toString(), k, c).render(stem + "_chi"));
        double[] kw = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            kw[i] = Math.pow(k[i], o.kweight()) * c[i];
        }
        String w = weightLabel(o.kweight());
        f.add(new Chart().title(who + ": " + w + "χ(k)").xLabel("k", "Å⁻¹").yLabel(w + "χ(k)", inverseAngstrom(o.kweight()))
                .legend(false).svg(o.svg()).line(id.toString(), k, kw).render(stem + "_k" + fmt(o.kweight()) + "chi"));
        // χ(k) from k = 0 (FEFF's χ(0) = 0) so the transform's uniform grid starts where Larch's does
        double[] k0 = new double[k.length + 1];
        double[] c0 = new double[k.length + 1];
        System.arraycopy(k, 0, k0, 1, k.length);
        System.arraycopy(c, 0, c0, 1, k.length);
        double kmax = Math.min(o.kmax(), k[k.length - 1]);
        XafsFourierTransform.ChiR r = XafsFourierTransform.xftf(new ChiSpectrum(k0, c0),
                XafsFourierTransform.ForwardOptions.of(o.kmin(), kmax, o.kweight(), 1, FourierWindow.Shape.HANNING));
        double[] rr = r.r();
        double[] mag = r.mag();
        int nr = 0;
        while (nr < rr.length && rr[nr] <= 8) {
            nr++;
        }
        f.add(new Chart().title(who + ": |χ(R)|").xLabel("R", "Å").yLabel("|χ(R)|", inverseAngstrom(o.kweight() + 1))
                .svg(o.svg()).legend(false).line("|χ(R)|", Arrays.copyOf(rr, nr), Arrays.copyOf(mag, nr))
                .render(stem + "_chir"));
        XafsFourierTransform.ChiQ q = XafsFourierTransform.xftr(r,
                XafsFourierTransform.ReverseOptions.of(o.rmin(), o.rmax(), 0.5, FourierWindow.Shape.HANNING));
        double[] qq = q.q();
        int nq = 0;
        while (nq < qq.length && qq[nq] <= k[k.length - 1]) {
            nq++;
        }
        double[] win = r.kwin();
        double[] kg = new double[win.length];
        double[] windowed = new double[win.length];
        double step = XafsFourierTransform.ForwardOptions.defaults().kstep();
        for (int i = 0; i < win.length; i++) {
            kg[i] = i * step;
            windowed[i] = Math.pow(kg[i], o.kweight()) * interp(k0, c0, kg[i]) * win[i];
        }
        f.add(new Chart().title(who + ": back-transform (R " + fmt(o.rmin()) + "–" + fmt(o.rmax()) + " Å)")
                .xLabel("k", "Å⁻¹").yLabel(w + "χ", inverseAngstrom(o.kweight())).svg(o.svg())
                .line("windowed " + w + "χ(k)", kg, windowed)
                .line("Re χ(q)", Arrays.copyOf(qq, nq), Arrays.copyOf(q.re(), nq)).render(stem + "_chiq"));
        return f;
    }

    private static double interp(double[] x, double[] y, double v) {
        if (v <= x[0]) {
            return y[0];
        }
        if (v >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int j = Arrays.binarySearch(x, v);
        if (j >= 0) {
            return y[j];
        }
        j = -j - 2;
        return y[j] + (y[j + 1] - y[j]) * (v - x[j]) / (x[j + 1] - x[j]);
    }

    static String weightLabel(double kw) {
        if (kw == 0) {
            return "";
        }
        String e = kw == 1 ? "" : kw == 2 ? "²" : kw == 3 ? "³" : "^" + fmt(kw);
        return "k" + e;
    }

    /** "Å⁻²" for 2; empty for 0. */
    static String inverseAngstrom(double power) {
        if (power == 0) {
            return "";
        }
        if (power != Math.rint(power) || power < 0 || power > 9) {
            return "Å^-" + fmt(power);
        }
        String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        return "Å⁻" + (power == 1 ? "¹" : String.valueOf(sup.charAt((int) power)));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%g", v);
    }

    /** A wavelet map from the reconcile step's table, when it holds the full subsampled map. */
    private static Figure waveletFigure(SampleTable wt, SampleId id, String who, String stem, Options o) {
        String shape = wt.meta().get("wavelet.shape");
        String ks = wt.meta().get("wavelet.k");
        String rs = wt.meta().get("wavelet.r");
        if (shape == null || ks == null || rs == null) {
            return null;
        }
        double[] kv = Arrays.stream(ks.split(",")).mapToDouble(Double::parseDouble).toArray();
        double[] rv = Arrays.stream(rs.split(",")).mapToDouble(Double::parseDouble).toArray();
        String[] nrk = shape.split(" x ");
        int nr = Integer.parseInt(nrk[0].strip());
        int nk = Integer.parseInt(nrk[1].strip());
        double[] row = wt.row(wt.rowOf(id));
        if (row.length != nr * nk) {
            // a top-N selection: show the kept cells as coloured points
            return new Chart().title(who + ": wavelet |W| (top " + row.length + " cells)").xLabel("k", "Å⁻¹").yLabel("R", "Å")
                    .legend(false).svg(o.svg()).scatter("|W|", kv, rv, row, "|W|").render(stem + "_wavelet");
        }
        double[] kAxis = Arrays.copyOf(kv, nk);
        double[] rAxis = new double[nr];
        double[][] z = new double[nr][nk];
        for (int ir = 0; ir < nr; ir++) {
            rAxis[ir] = rv[ir * nk];
            System.arraycopy(row, ir * nk, z[ir], 0, nk);
        }
        return new Chart().title(who + ": wavelet |W(k, R)|").xLabel("k", "Å⁻¹").yLabel("R", "Å").colorLabel("|W|")
                .svg(o.svg()).heatmap(z, kAxis, rAxis).render(stem + "_wavelet");
    }

    /** One scatter of CN and one of CR over the sample positions, every method in the same figure. */
    static List<Figure> labelScatters(SampleTable labels, Options o) {
        List<Figure> f = new ArrayList<>();
        List<SampleId> ids = new ArrayList<>(labels.ids());
        ids.sort(null);
        SampleTable sorted = labels.selectIds(ids);
        double[] x = new double[ids.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        for (String kind : List.of("CN", "CR")) {
            Chart c = new Chart().title(kind + " of every sample").xLabel("sample position", "")
                    .yLabel(kind, kind.equals("CR") ? "Å" : "").svg(o.svg());
            int drawn = 0;
            for (String col : sorted.columnNames()) {
                if (col.startsWith(kind + "_")) {
                    c.scatter(col.substring(3), x, sorted.column(col));
                    drawn++;
                }
            }
            if (drawn > 0) {
                f.add(c.render(kind.toLowerCase(Locale.ROOT) + "_scatter"));
            }
        }
        Chart both = new Chart().title("CR against CN, every method").xLabel("CN", "").yLabel("CR", "Å").svg(o.svg());
        int methods = 0;
        for (String col : sorted.columnNames()) {
            if (col.startsWith("CN_") && sorted.hasColumn("CR_" + col.substring(3))) {
                both.scatter(col.substring(3), sorted.column(col), sorted.column("CR_" + col.substring(3)));
                methods++;
            }
        }
        if (methods > 0) {
            f.add(both.render("cn_cr_scatter"));
        }
        return f;
    }
}
