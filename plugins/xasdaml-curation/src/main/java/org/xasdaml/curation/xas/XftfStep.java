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
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.XafsFourierTransform;

/** Larch's xftf on every χ(k): |χ(R)|, Re and Im on R = 0 … rmax_out. */
public final class XftfStep implements Step<XftfStep.Options> {

    public static final Port<SampleTable> CHI = Port.of("chi", PortTypes.TABLE, "χ(k) per spectrum (axis k, Å⁻¹), unweighted");
    public static final Port<SampleTable> MAG = Port.of("chir-mag", PortTypes.TABLE, "|χ(R)| (axis r, Å)");
    public static final Port<SampleTable> RE = Port.of("chir-re", PortTypes.TABLE, "Re χ(R) (axis r, Å)");
    public static final Port<SampleTable> IM = Port.of("chir-im", PortTypes.TABLE, "Im χ(R) (axis r, Å)");

    /** Larch's xftf arguments. */
    public record Options(
            @Param(description = "kmin: window start", unit = "Å⁻¹", min = 0) double kmin,
            @Param(description = "kmax: window end", unit = "Å⁻¹", min = 0) double kmax,
            @Param(description = "dk: window taper", unit = "Å⁻¹", min = 0) double dk,
            @Param(description = "window") FourierWindow.Shape window,
            @Param(description = "kweight", min = 0, max = 5) double kweight,
            @Param(description = "rmax_out: largest R kept", unit = "Å", min = 0.1) double rmaxOut) {
        public Options {
            if (kmax <= kmin) {
                throw InvalidParameterException.of("kmax", "kmax %s must exceed kmin %s", kmax, kmin);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("xftf", List.of("spectra", "xftf"), "Fourier Transform (xftf)", Category.DATASET_CALCULATION, "M3",
                "Larch xftf on every χ(k): |χ(R)|, Re χ(R) and Im χ(R).",
                """
                Weights χ(k) by k^kweight, multiplies it by the window (kmin, kmax, dk, shape) on Larch's uniform \
                0.05 Å⁻¹ grid and transforms with nfft 2048 and Larch's normalisation; R from 0 to rmax_out. \
                Works on χ(k) from autobk (measured) and from FEFF (simulated) alike; ids and source are kept.""",
                List.of(CHI), List.of(MAG, RE, IM));
    }

    @Override
    public Options defaults() {
        return new Options(3, 11, 1, FourierWindow.Shape.HANNING, 2, 10);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable chi = in.get(CHI);
        SpectraTables.requireAxis(chi, "chi", "k", "Å⁻¹");
        double[] k = chi.axis().values();
        XafsFourierTransform.ForwardOptions fo = new XafsFourierTransform.ForwardOptions(o.kmin(), o.kmax(), o.kweight(), o.dk(),
                Double.NaN, o.window(), o.rmaxOut(), 2048, 0.05);
        List<XafsFourierTransform.ChiR> res = ParallelSamples.map(IntStream.range(0, chi.rows()).boxed().toList(), chi.ids()::get,
                "xftf", r -> XafsFourierTransform.xftf(new ChiSpectrum(k, chi.row(r)), fo), ctx);
        SpectraTables.Builder mag = new SpectraTables.Builder(chi);
        SpectraTables.Builder re = new SpectraTables.Builder(chi);
        SpectraTables.Builder im = new SpectraTables.Builder(chi);
        double[] rr = null;
        for (int r = 0; r < res.size(); r++) {
            XafsFourierTransform.ChiR c = res.get(r);
            if (c != null) {
                rr = c.r();
                mag.add(r, c.mag(), null);
                re.add(r, c.re(), null);
                im.add(r, c.im(), null);
            }
        }
        if (rr == null) {
            throw new IllegalArgumentException("xftf failed for every spectrum; first: " + ctx.failures().get(0));
        }
        Axis ax = new Axis("r", "Å", rr);
        Map<String, String> meta = Map.of("xftf", String.format(java.util.Locale.ROOT, "kmin=%s kmax=%s dk=%s window=%s kweight=%s",
                o.kmin(), o.kmax(), o.dk(), o.window().larchName(), o.kweight()));
        return StepData.empty().with(MAG, mag.spectra("chir_mag", ax, meta)).with(RE, re.spectra("chir_re", ax, meta))
                .with(IM, im.spectra("chir_im", ax, meta));
    }

    /** The R grid follows from the options alone (Larch's π/(kstep·nfft) spacing up to rmax_out). */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns chi = inputs.get(CHI.name());
        if (chi == null) {
            return null;
        }
        String q = output.equals(MAG.name()) ? "chir_mag" : output.equals(RE.name()) ? "chir_re" : "chir_im";
        return chi.keepingSource(org.xasdaml.workflow.TableColumns.spectra(q, XafsFourierTransform.rGrid(o.rmaxOut(), 2048, 0.05)));
    }
}
