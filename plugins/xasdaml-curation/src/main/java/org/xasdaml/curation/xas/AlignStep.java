package org.xasdaml.curation.xas;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.xasdaml.curation.recipe.SpectrumFeatures;
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
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.GridInterpolation;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Shifts spectra in energy: so that each E0 (pre_edge) lands on a given E0, or on the median E0 of
 * another table (e.g. the training spectra's edges), or so that each spectrum's dμ/dE matches a
 * reference spectrum's (least squares over shift and scale in a window around the reference's E0,
 * as Larch's energy alignment of derivatives). The shifted μ is put back on the table's energies
 * (linear interpolation; where a shift uncovers the grid's ends, end values are repeated and the
 * uncovered eV reported).
 */
public final class AlignStep implements Step<AlignStep.Options> {
    /** The shifts table's columns, as written by the run and announced at configure. */
    static final List<String> SHIFT_COLUMNS = List.of("e0", "shift", "e0_aligned", "uncovered");


    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE, "μ(E) per spectrum (axis energy, eV)");
    public static final Port<SampleTable> REFERENCE = Port.optional("reference", PortTypes.TABLE,
            "mode median: a table with an e0 column (its median is the target); mode reference: μ(E) whose first row is the "
                    + "reference spectrum");
    public static final Port<SampleTable> ALIGNED = Port.of("aligned", PortTypes.TABLE, "μ(E) shifted, on the input's energies");
    public static final Port<SampleTable> SHIFTS = Port.of("shifts", PortTypes.TABLE,
            "Per spectrum: e0 before (eV), shift applied (eV), e0 after, uncovered (eV of the grid repeated at an end)");

    /** Parameters. */
    public record Options(
            @Param(description = "e0: to the given E0; median: to the median e0 of the reference table; reference: by matching "
                    + "dμ/dE to the reference spectrum", choices = {"e0", "median", "reference"}) String mode,
            @Param(description = "Target E0 (mode e0)", unit = "eV", min = 0) double e0,
            @Param(description = "Derivative matching: window start relative to the reference's E0", unit = "eV") double emin,
            @Param(description = "Derivative matching: window end relative to the reference's E0", unit = "eV") double emax,
            @Param(description = "Derivative matching: largest shift tried", unit = "eV", min = 0.1) double maxShift) {
        public Options {
            if (mode.equals("e0") && !(e0 > 0)) {
                throw new InvalidParameterException("e0", "mode e0 needs the target E0");
            }
            if (emax <= emin) {
                throw InvalidParameterException.of("emax", "emax %s must exceed emin %s", emax, emin);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("align", List.of("spectra", "align"), "Align Energies", Category.DATASET_CALCULATION, "M3",
                "Shifts spectra in energy: to a given E0, to the median E0 of another table, or onto a reference spectrum.",
                """
                E0 of each spectrum is Larch's pre_edge E0. Mode e0 shifts it onto the given energy; median onto the \
                median e0 of the connected table (e.g. the training spectra's edges); reference finds the shift \
                (and a scale) that best matches the spectrum's dμ/dE to the reference's in the window around the \
                reference's E0, searched on a 0.01 eV grid. The shift applied is an output column.""",
                List.of(MU, REFERENCE), List.of(ALIGNED, SHIFTS));
    }

    @Override
    public Options defaults() {
        return new Options("median", 0, -20, 60, 20);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable mu = in.get(MU);
        SpectraTables.requireAxis(mu, "mu", "energy", "eV");
        double[] e = mu.axis().values();
        SampleTable ref = in.find(REFERENCE);
        double target = o.e0();
        double[] refE = null;
        double[] refD = null;
        if (o.mode().equals("median")) {
            if (ref == null || !ref.hasColumn("e0")) {
                throw new IllegalArgumentException("mode median needs a reference table with an e0 column");
            }
            target = SpectrumFeatures.medianE0(ref.column("e0"));
        } else if (o.mode().equals("reference")) {
            if (ref == null) {
                throw new IllegalArgumentException("mode reference needs the reference spectrum connected");
            }
            SpectraTables.requireAxis(ref, "reference", "energy", "eV");
            double[] re = ref.axis().values();
            double[] rm = ref.row(0);
            double r0 = EdgeNormalization.preEdge(new MuSpectrum(re, rm)).e0();
            refE = IntStream.range(0, re.length).filter(i -> re[i] >= r0 + o.emin() && re[i] <= r0 + o.emax())
                    .mapToDouble(i -> re[i]).toArray();
            refD = GridInterpolation.linear(re, derivative(re, rm), refE, GridInterpolation.Extrapolation.CLAMP);
        }
        final double tgt = target;
        final double[] fe = refE;
        final double[] fd = refD;
        List<double[]> res = ParallelSamples.map(IntStream.range(0, mu.rows()).boxed().toList(), mu.ids()::get, "align", r -> {
            double[] y = mu.row(r);
            double e0 = EdgeNormalization.preEdge(new MuSpectrum(e, y)).e0();
            double shift = fe == null ? tgt - e0 : matchDerivative(e, y, fe, fd, o.maxShift());
            double[] from = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                from[i] = e[i] - shift;
            }
            double[] out = GridInterpolation.linear(e, y, clamp(from, e[0], e[e.length - 1]), GridInterpolation.Extrapolation.CLAMP);
            double[] row = Arrays.copyOf(out, out.length + 4);
            row[out.length] = e0;
            row[out.length + 1] = shift;
            row[out.length + 2] = e0 + shift;
            row[out.length + 3] = Math.abs(shift);
            return row;
        }, ctx);
        SpectraTables.Builder b = new SpectraTables.Builder(mu);
        for (int r = 0; r < res.size(); r++) {
            double[] x = res.get(r);
            if (x != null) {
                int n = e.length;
                b.add(r, Arrays.copyOf(x, n), Arrays.copyOfRange(x, n, n + 4));
            }
        }
        ctx.progress(1, o.mode().equals("reference") ? "aligned to the reference spectrum"
                : String.format(Locale.ROOT, "aligned to E0 %.3f eV", target));
        return StepData.empty().with(ALIGNED, b.spectra(mu.meta().getOrDefault("quantity", "mu"), mu.axis(),
                Map.of("alignment", o.mode()))).with(SHIFTS, b.values(SHIFT_COLUMNS));
    }

    static double[] clamp(double[] x, double lo, double hi) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(hi, Math.max(lo, x[i]));
        }
        return c;
    }

    /** Centred differences (one-sided at the ends). */
    static double[] derivative(double[] x, double[] y) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(n - 1, i + 1);
            d[i] = (y[b] - y[a]) / (x[b] - x[a]);
        }
        return d;
    }

    /** The shift s minimising Σ (d_ref(E) − a·d(E − s))² over a (closed form) and s (0.01 eV grid). */
    static double matchDerivative(double[] e, double[] y, double[] refE, double[] refD, double maxShift) {
        double[] d = derivative(e, y);
        double best = Double.POSITIVE_INFINITY;
        double bestS = 0;
        int steps = (int) Math.round(maxShift / 0.01);
        double[] at = new double[refE.length];
        for (int k = -steps; k <= steps; k++) {
            double s = k * 0.01;
            for (int i = 0; i < at.length; i++) {
                at[i] = refE[i] - s;
            }
            double[] v = GridInterpolation.linear(e, d, clamp(at, e[0], e[e.length - 1]), GridInterpolation.Extrapolation.CLAMP);
            double sv = 0;
            double vv = 0;
            for (int i = 0; i < v.length; i++) {
                sv += refD[i] * v[i];
                vv += v[i] * v[i];
            }
            double a = vv > 0 ? sv / vv : 0;
            double cost = 0;
            for (int i = 0; i < v.length; i++) {
                double r = refD[i] - a * v[i];
                cost += r * r;
            }
            if (cost < best) {
                best = cost;
                bestS = s;
            }
        }
        return bestS;
    }

    /** The aligned spectra keep the input's columns; the shifts table's columns are fixed. */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns mu = inputs.get(MU.name());
        if (mu == null) {
            return null;
        }
        if (output.equals(SHIFTS.name())) {
            return mu.keepingSource(org.xasdaml.workflow.TableColumns.numeric(SHIFT_COLUMNS));
        }
        return new org.xasdaml.workflow.TableColumns(mu.numeric(), mu.text().contains("source") ? List.of("source") : List.of());
    }
}
