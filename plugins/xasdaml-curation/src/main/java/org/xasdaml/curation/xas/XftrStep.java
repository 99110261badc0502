package org.xasdaml.curation.xas;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.XafsFourierTransform;

/** Larch's xftr: the back transform of χ(R) (Re and Im from xftf) over an R window to χ(q). */
public final class XftrStep implements Step<XftrStep.Options> {

    public static final Port<SampleTable> RE = Port.of("chir-re", PortTypes.TABLE, "Re χ(R) (axis r, Å), from xftf");
    public static final Port<SampleTable> IM = Port.of("chir-im", PortTypes.TABLE, "Im χ(R) (axis r, Å), from xftf");
    public static final Port<SampleTable> CHIQ = Port.of("chiq-re", PortTypes.TABLE, "Re χ(q) (axis q, Å⁻¹): the filtered χ");
    public static final Port<SampleTable> CHIQ_IM = Port.of("chiq-im", PortTypes.TABLE, "Im χ(q) (axis q, Å⁻¹)");

    /** Larch's xftr arguments. */
    public record Options(
            @Param(description = "rmin: window start", unit = "Å", min = 0) double rmin,
            @Param(description = "rmax: window end", unit = "Å", min = 0) double rmax,
            @Param(description = "dr: window taper", unit = "Å", min = 0) double dr,
            @Param(description = "window") FourierWindow.Shape window,
            @Param(description = "rweight", min = 0, max = 5, advanced = true) double rweight,
            @Param(description = "qmax_out: largest q kept", unit = "Å⁻¹", min = 0.1) double qmaxOut) {
        public Options {
            if (rmax <= rmin) {
                throw InvalidParameterException.of("rmax", "rmax %s must exceed rmin %s", rmax, rmin);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("xftr", List.of("spectra", "xftr"), "Back Transform (xftr)", Category.DATASET_CALCULATION, "M3",
                "Larch xftr on every χ(R): the Fourier-filtered χ(q) of an R window.",
                """
                Multiplies χ(R) (Re and Im from the Fourier transform, on its full R grid) by the R window \
                (rmin, rmax, dr, shape) and transforms back with Larch's normalisation to χ(q), q from 0 to \
                qmax_out; Re χ(q) of a shell is its filtered k-weighted χ.""",
                List.of(RE, IM), List.of(CHIQ, CHIQ_IM));
    }

    @Override
    public Options defaults() {
        return new Options(1, 3, 0.1, FourierWindow.Shape.HANNING, 0, 20);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable re = in.get(RE);
        SampleTable im = in.get(IM);
        SpectraTables.requireAxis(re, "chir-re", "r", "Å");
        SpectraTables.requireAxis(im, "chir-im", "r", "Å");
        if (!re.axis().sameGrid(im.axis(), 1e-12)) {
            throw new IllegalArgumentException("Re and Im χ(R) are on different R grids");
        }
        double[] r = re.axis().values();
        XafsFourierTransform.ReverseOptions ro = new XafsFourierTransform.ReverseOptions(o.rmin(), o.rmax(), o.dr(), Double.NaN,
                o.rweight(), o.window(), o.qmaxOut(), 2048);
        List<XafsFourierTransform.ChiQ> res = ParallelSamples.map(IntStream.range(0, re.rows()).boxed().toList(), re.ids()::get,
                "xftr", i -> {
                    int j = im.rowOf(re.ids().get(i));
                    if (j < 0) {
                        throw new IllegalArgumentException("no Im χ(R) row");
                    }
                    return XafsFourierTransform.xftr(r, re.row(i), im.row(j), ro);
                }, ctx);
        SpectraTables.Builder qr = new SpectraTables.Builder(re);
        SpectraTables.Builder qi = new SpectraTables.Builder(re);
        double[] q = null;
        for (int i = 0; i < res.size(); i++) {
            if (res.get(i) != null) {
                q = res.get(i).q();
                qr.add(i, res.get(i).re(), null);
                qi.add(i, res.get(i).im(), null);
            }
        }
        if (q == null) {
            throw new IllegalArgumentException("xftr failed for every spectrum; first: " + ctx.failures().get(0));
        }
        Axis ax = new Axis("q", "Å⁻¹", q);
        return StepData.empty().with(CHIQ, qr.spectra("chiq_re", ax, Map.of())).with(CHIQ_IM, qi.spectra("chiq_im", ax, Map.of()));
    }

    /** The q grid follows from the options and the input's R spacing (told by its column names). */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns re = inputs.get(RE.name());
        if (re == null || re.numeric().size() < 2) {
            return null;
        }
        List<String> n = re.numeric();
        double rstep = (org.xasdaml.workflow.TableColumns.point(n.get(n.size() - 1))
                - org.xasdaml.workflow.TableColumns.point(n.get(0))) / (n.size() - 1);
        if (!(rstep > 0)) {
            return null;
        }
        double[] q = XafsFourierTransform.qGrid(rstep, o.qmaxOut(), 2048);
        return re.keepingSource(org.xasdaml.workflow.TableColumns.spectra(output.equals(CHIQ.name()) ? "chiq_re" : "chiq_im", q));
    }
}
