package org.xasdaml.curation.xas;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.MuSpectrum;

/** Larch's pre_edge on every spectrum of a table: E0, edge step, normalised and flattened μ(E). */
public final class NormaliseStep implements Step<NormaliseStep.Options> {
    /** The edges table's columns, as written by the run and announced at configure. */
    static final List<String> EDGE_COLUMNS = List.of("e0", "edge_step", "pre1", "pre2", "norm1", "norm2", "nnorm");


    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE, "μ(E) per spectrum (axis energy, eV)");
    public static final Port<SampleTable> NORM = Port.of("norm", PortTypes.TABLE, "Normalised μ(E) (Larch norm)");
    public static final Port<SampleTable> FLAT = Port.of("flat", PortTypes.TABLE, "Flattened normalised μ(E) (Larch flat)");
    public static final Port<SampleTable> EDGES = Port.of("edges", PortTypes.TABLE,
            "Per spectrum the values used: e0 (eV), edge_step, pre1, pre2, norm1, norm2 (eV relative to e0), nnorm");

    /** Larch's pre_edge arguments; empty = determined as Larch does. */
    public record Options(
            @Param(description = "e0: edge energy (empty = maximum of dμ/dE, Larch find_e0)", unit = "eV") String e0,
            @Param(description = "pre1: pre-edge range start relative to e0 (empty = determined)", unit = "eV") String pre1,
            @Param(description = "pre2: pre-edge range end relative to e0 (empty = determined)", unit = "eV") String pre2,
            @Param(description = "norm1: post-edge range start relative to e0 (empty = determined)", unit = "eV") String norm1,
            @Param(description = "norm2: post-edge range end relative to e0 (empty = determined)", unit = "eV") String norm2,
            @Param(description = "nnorm: post-edge polynomial degree 0..5 (empty = determined)") String nnorm,
            @Param(description = "nvict: pre-edge line fitted to μ·E^nvict", min = 0, max = 4, advanced = true) double nvict) {
        public Options {
            options(e0, pre1, pre2, norm1, norm2, nnorm, nvict);
        }

        EdgeNormalization.Options larch() {
            return options(e0, pre1, pre2, norm1, norm2, nnorm, nvict);
        }

        static EdgeNormalization.Options options(String e0, String pre1, String pre2, String norm1, String norm2, String nnorm,
                                                 double nvict) {
            double n = SpectraTables.optional("nnorm", nnorm);
            return new EdgeNormalization.Options(SpectraTables.boxed(SpectraTables.optional("e0", e0)), null,
                    Double.isNaN(n) ? null : (int) n, nvict, SpectraTables.boxed(SpectraTables.optional("pre1", pre1)),
                    SpectraTables.boxed(SpectraTables.optional("pre2", pre2)), SpectraTables.boxed(SpectraTables.optional("norm1", norm1)),
                    SpectraTables.boxed(SpectraTables.optional("norm2", norm2)), true);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("normalise", List.of("spectra", "normalise"), "Normalise (pre_edge)", Category.DATASET_CALCULATION, "M3",
                "Larch pre_edge on every spectrum: E0, edge step, normalised and flattened μ(E).",
                """
                Finds E0 (maximum of the smoothed derivative, as Larch's find_e0) unless given, fits the pre-edge \
                line and the post-edge polynomial, and gives the edge step, the normalised μ (norm) and the \
                flattened μ (flat). Parameters left empty are determined per spectrum as Larch does; the values \
                used are in the edges table. Works on simulated and measured spectra; ids and source are kept.""",
                List.of(MU), List.of(NORM, FLAT, EDGES));
    }

    @Override
    public Options defaults() {
        return new Options("", "", "", "", "", "", 0);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable mu = in.get(MU);
        SpectraTables.requireAxis(mu, "mu", "energy", "eV");
        double[] e = mu.axis().values();
        EdgeNormalization.Options opts = o.larch();
        List<EdgeNormalization.Result> res = ParallelSamples.map(IntStream.range(0, mu.rows()).boxed().toList(), mu.ids()::get,
                "pre_edge", r -> EdgeNormalization.preEdge(new MuSpectrum(e, mu.row(r)), opts), ctx);
        SpectraTables.Builder norm = new SpectraTables.Builder(mu);
        SpectraTables.Builder flat = new SpectraTables.Builder(mu);
        for (int r = 0; r < res.size(); r++) {
            EdgeNormalization.Result x = res.get(r);
            if (x != null) {
                EdgeNormalization.Details d = x.details();
                norm.add(r, x.norm(), new double[] {x.e0(), x.edgeStep(), d.pre1(), d.pre2(), d.norm1(), d.norm2(), d.nnorm()});
                flat.add(r, x.flat(), null);
            }
        }
        return StepData.empty().with(NORM, norm.spectra("norm", mu.axis(), Map.of()))
                .with(FLAT, flat.spectra("flat", mu.axis(), Map.of()))
                .with(EDGES, norm.values(EDGE_COLUMNS));
    }

    /** Norm and flat on the input's energies; the edges table's columns are fixed. */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns mu = inputs.get(MU.name());
        if (mu == null) {
            return null;
        }
        if (output.equals(EDGES.name())) {
            return mu.keepingSource(org.xasdaml.workflow.TableColumns.numeric(
                    EDGE_COLUMNS));
        }
        return mu.spectraAs(output.equals(NORM.name()) ? "norm" : "flat", List.of("source"));
    }
}
