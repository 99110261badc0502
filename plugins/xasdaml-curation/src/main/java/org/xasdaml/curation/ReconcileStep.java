package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.curation.recipe.EnergyGridOptions;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.SpectrumFeatures;
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
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.GridInterpolation.Extrapolation;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Puts a dataset's spectra on common grids (paper M3): μ(E) and normalised μ(E) on one energy grid,
 * χ(k) on one k grid without k = 0, and optionally subsampled wavelet maps.
 *
 * <p>Procedure, through the same implementation as the features step and the measured path
 * ({@link SpectrumFeatures}), so simulated and measured spectra cannot be processed apart: 1. E0
 * (Larch's {@code find_e0} rule), edge step and normalised μ by the recipe's {@code pre_edge} with
 * Larch's defaults ({@link SpectrumFeatures#preEdge}); 2. the energy grid
 * {@code linspace(min E0 - below, max E0 + above, points)} ([10, 200, 1000] as the reference; the
 * parameter group {@link EnergyGridOptions}, declared once for this step and the features
 * step, built by {@link SpectrumFeatures#energyAxis}), or the grid of a connected earlier dataset,
 * so that later spectra land on exactly the same points; 3. linear interpolation
 * ({@link SpectrumFeatures#onEnergyGrid}); where a spectrum does not cover the grid, by default its end values are
 * repeated (the reference's {@code np.interp}) and the uncovered eV below and above are recorded
 * per sample in the edges table and reported as a warning, or, with "refuse", the sample is
 * recorded as failed; 4. χ: the k columns with 0 &lt; k ≤ kmax; 5. wavelet: Cauchy
 * wavelet |W| (kweight 2, R ≤ 8 Å as the reference) on every kStride-th k and rStride-th R, then
 * optionally only the topN columns of largest variance over the dataset.
 *
 * <p>Why clamping (marked) is the default here although {@link SpectrumGrid#map} refuses by
 * default: Feff8L's energy grid starts only a few eV below the edge (for the public Cu set at the
 * K edge: grid from 8988.2 eV, E0 by find_e0 about 8992 eV), so the reference's grid rule
 * (min E0 - 10 eV) always reaches below FEFF's data; refusing would reject every simulated
 * spectrum. The few uncovered points are flat pre-edge, recorded per sample so a user can see
 * them. Measured spectra put on a saved grid (prediction) are refused instead.
 */
public final class ReconcileStep implements Step<ReconcileStep.Options> {
    /** The edges table's columns, as written by the run and announced at configure. */
    static final List<String> EDGE_COLUMNS = List.of("e0", "edge_step", "extrapolated_below", "extrapolated_above");


    public static final Port<SampleTable> MU_IN = Port.of("mu", PortTypes.TABLE,
            "μ(E) per sample (e.g. from FEFF), on any energy grid (axis energy, eV)");
    public static final Port<SampleTable> CHI_IN = Port.optional("chi", PortTypes.TABLE,
            "χ(k) per sample on one k grid (axis k, Å⁻¹); gives the χ and wavelet outputs");
    public static final Port<SampleTable> GRID = Port.optional("grid", PortTypes.TABLE,
            "A reconciled μ table of an earlier dataset whose energy grid is reused instead of computing a new one");
    public static final Port<SampleTable> MU = Port.of("mu-grid", PortTypes.TABLE,
            "μ(E) on the common energy grid (the grid is stored as the table's axis)");
    public static final Port<SampleTable> NORM = Port.of("norm-grid", PortTypes.TABLE,
            "Normalised μ(E) (Larch pre_edge) on the same energy grid");
    public static final Port<SampleTable> CHI = Port.optional("chi-grid", PortTypes.TABLE,
            "χ(k) on the common k grid, k = 0 left out");
    public static final Port<SampleTable> WAVELET = Port.optional("wavelet", PortTypes.TABLE,
            "Subsampled Cauchy wavelet |W(k, R)| per sample; meta wavelet.k / wavelet.r give each column's k and R");
    public static final Port<SampleTable> EDGES = Port.of("edges", PortTypes.TABLE,
            "Per sample: e0 and edge_step (Larch pre_edge, eV), used to build the grid, and the eV of the grid below and "
                    + "above the spectrum's data (extrapolated_below, extrapolated_above; 0 when covered)");

    /** Parameters of reconciliation; the energy grid is the recipe's parameter group (declared once). */
    public record Options(
            EnergyGridOptions grid,
            @Param(label = "Spectra not covering the grid", group = "Energy grid", description = "Spectra that do not cover the grid: clamp (repeat end values as the reference's np.interp; "
                    + "the uncovered eV are recorded per sample and reported) or refuse (record the sample as failed)",
                    choices = {"clamp", "refuse"})
            String extrapolation,
            @Param(label = "Largest k kept in χ(k)", group = "χ(k)", description = "Largest k kept in χ (0 = all)", unit = "Å⁻¹", min = 0)
            double kmax,
            @Param(label = "Compute wavelet maps", group = "Wavelet maps", description = "Also compute wavelet maps from χ")
            boolean wavelet,
            @Param(label = "Keep every n-th k point", group = "Wavelet maps", appliesWhen = "wavelet=true", description = "Wavelet: keep every n-th k point from 0.05 Å⁻¹ (10 on FEFF's 0.05 Å⁻¹ grid gives the reference's 40 k values)", min = 1)
            int kStride,
            @Param(label = "Keep every n-th R point", group = "Wavelet maps", appliesWhen = "wavelet=true", description = "Wavelet: keep every n-th R point of the transform (8 gives the reference's 33 R values up to 8 Å)", min = 1)
            int rStride,
            @Param(label = "Columns of largest variance kept", group = "Wavelet maps", appliesWhen = "wavelet=true", description = "Wavelet: keep only the n columns of largest variance over the dataset (0 = all; "
                    + "the reference: 150)", min = 0)
            int topN,
            @Param(label = "Edge energy of the grid", group = "Energy grid", description = "0 = the grid spans the data's lowest "
                    + "E0 − below to its highest E0 + above (the reference; known only after running); a value gives the grid "
                    + "value − below … value + above, known from the settings, so KNIME can configure the nodes after it "
                    + "(e.g. the tabulated edge, Cu K 8979 eV; the spectra are not shifted)", unit = "eV", min = 0)
            double edgeEnergy) {
        /** The grid from the data's E0s (edgeEnergy 0), as the reference. */
        public Options(EnergyGridOptions grid, String extrapolation, double kmax, boolean wavelet, int kStride, int rStride, int topN) {
            this(grid, extrapolation, kmax, wavelet, kStride, rStride, topN, 0);
        }

        public Options {
            if (!(edgeEnergy >= 0)) {
                throw InvalidParameterException.of("edgeEnergy", "edge energy %s must be 0 (from the data) or positive", edgeEnergy);
            }
            if (!extrapolation.equals("refuse") && !extrapolation.equals("clamp")) {
                throw InvalidParameterException.of("extrapolation", "extrapolation must be refuse or clamp, got '%s'", extrapolation);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("reconcile", List.of("dataset", "reconcile"), "Reconcile Spectra", Category.DATASET_CALCULATION, "M3",
                "Puts μ(E), normalised μ(E), χ(k) and wavelet maps of a dataset on common grids that are saved with it.",
                """
                Finds E0 of every spectrum (Larch find_e0) and normalises it (Larch pre_edge defaults), by the same \
                code as the features step and predict-measured, builds one energy grid from min E0 - below to max \
                E0 + above with the given number of points (the reference: 10 eV, 200 eV, 1000 points), or reuses \
                the grid of an earlier dataset, and interpolates μ and the \
                normalised μ linearly onto it. FEFF's energy grid starts only a few eV below the edge, so by default \
                end values are repeated where a spectrum does not cover the grid, as the reference did, but the \
                uncovered eV are recorded per sample and reported; "refuse" rejects such samples instead.

                χ(k) keeps its common k grid without k = 0 (up to kmax). Optionally the Cauchy wavelet modulus \
                (kweight 2, R up to 8 Å) is subsampled on every kStride-th k and rStride-th R, and reduced to the \
                topN columns of largest variance. Every grid is stored as the output table's axis.""",
                List.of(MU_IN, CHI_IN, GRID), List.of(MU, NORM, CHI, WAVELET, EDGES));
    }

    @Override
    public Options defaults() {
        return new Options(EnergyGridOptions.reference(), "clamp", 0, false, 10, 8, 0, 0);
    }

    /** Per-sample result of the edge analysis. */
    private record Edge(SampleId id, double[] energy, double[] mu, double[] norm, double e0, double step) {
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        SampleTable mu = inputs.get(MU_IN);
        SpectrumFeatures.requireAxis(mu, "mu", "energy", "eV");
        double[] energy = mu.axis().values();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < mu.rows(); i++) {
            rows.add(i);
        }
        // the recipe's pre_edge with Larch's defaults: the same kernel call as the features and measured paths
        FeatureRecipe.PreEdge larch = FeatureRecipe.PreEdge.larch();
        List<Edge> edges = ParallelSamples.map(rows, mu.ids()::get, "edge", r -> {
            double[] y = mu.row(r);
            EdgeNormalization.Result pe = SpectrumFeatures.preEdge(new MuSpectrum(energy, y), larch);
            return new Edge(mu.ids().get(r), energy, y, pe.norm(), pe.e0(), pe.edgeStep());
        }, context);
        List<Edge> ok = edges.stream().filter(java.util.Objects::nonNull).toList();
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("no spectrum of " + mu.rows() + " could be analysed; first failure: "
                    + (context.failures().isEmpty() ? "none" : context.failures().get(0)));
        }
        Axis grid;
        SampleTable saved = inputs.find(GRID);
        if (saved != null) {
            SpectrumFeatures.requireAxis(saved, "grid", "energy", "eV");
            grid = SpectrumGrid.of(saved).axis();
        } else if (o.edgeEnergy() > 0) {
            grid = statedGrid(o);
        } else {
            grid = SpectrumFeatures.energyAxis(o.grid().grid(), ok.stream().mapToDouble(Edge::e0).min().orElseThrow(),
                    ok.stream().mapToDouble(Edge::e0).max().orElseThrow());
        }
        Extrapolation ex = o.extrapolation().equals("clamp") ? Extrapolation.CLAMP : Extrapolation.REFUSE;
        List<SampleId> ids = new ArrayList<>();
        List<double[]> muRows = new ArrayList<>();
        List<double[]> normRows = new ArrayList<>();
        List<double[]> edgeRows = new ArrayList<>();
        int clamped = 0;
        double worst = 0;
        double[] g = grid.values();
        boolean clamp = ex == Extrapolation.CLAMP;
        for (Edge e : ok) {
            try {
                double below = Math.max(0, e.energy()[0] - g[0]);
                double above = Math.max(0, g[g.length - 1] - e.energy()[e.energy().length - 1]);
                if (below > 1e-9 || above > 1e-9) {
                    clamped++;
                    worst = Math.max(worst, Math.max(below, above));
                }
                String what = "sample " + e.id();
                double[] m = SpectrumFeatures.onEnergyGrid(what, e.energy(), e.mu(), grid, clamp);
                double[] n = SpectrumFeatures.onEnergyGrid(what, e.energy(), e.norm(), grid, clamp);
                ids.add(e.id());
                muRows.add(m);
                normRows.add(n);
                edgeRows.add(new double[] {e.e0(), e.step(), below, above});
            } catch (IllegalArgumentException err) {
                context.recordFailure(new org.xasdaml.workflow.SampleFailure(e.id(), "reconcile", err.getMessage()));
            }
        }
        if (ex == Extrapolation.CLAMP && clamped > 0) {
            context.warn(String.format(Locale.ROOT, "%d of %d spectra do not cover the energy grid %s (by up to %.2f eV); their "
                    + "end values were repeated there (see extrapolated_below/above in the edges table)", clamped, ok.size(),
                    grid, worst));
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no spectrum covers the energy grid " + grid
                    + "; lower 'below', or use extrapolation clamp");
        }
        Map<String, String> meta = new LinkedHashMap<>(mu.meta());
        meta.put("grid.rule", saved != null ? "reused from an earlier dataset"
                : o.edgeEnergy() > 0 ? String.format(Locale.ROOT, "linspace(%s - %s, %s + %s, %d)", o.edgeEnergy(), o.grid().below(),
                        o.edgeEnergy(), o.grid().above(), o.grid().points())
                : String.format(Locale.ROOT, "linspace(min E0 - %s, max E0 + %s, %d)", o.grid().below(), o.grid().above(),
                        o.grid().points()));
        StepData out = StepData.empty()
                .with(MU, SampleTable.spectra(ids, "mu", grid, muRows.toArray(new double[0][])).withMeta(meta))
                .with(NORM, SampleTable.spectra(ids, "norm", grid, normRows.toArray(new double[0][])).withMeta(meta))
                .with(EDGES, SampleTable.ofRows(ids, EDGE_COLUMNS, edgeRows.toArray(new double[0][])));
        SampleTable chi = inputs.find(CHI_IN);
        if (chi != null) {
            SampleTable chiGrid = chiOnGrid(chi, o.kmax());
            out = out.with(CHI, chiGrid);
            if (o.wavelet()) {
                out = out.with(WAVELET, WaveletMaps.compute(chiGrid, o.kStride(), o.rStride(), o.topN(), context));
            }
        } else if (o.wavelet()) {
            context.warn("wavelet maps need the chi input; none computed");
        }
        return out;
    }

    /** The grid of a stated edge energy: the recipe's grid around it, as around one E0 (the same kernel as the data's grid). */
    static Axis statedGrid(Options o) {
        return SpectrumFeatures.energyAxis(o.grid().grid(), o.edgeEnergy(), o.edgeEnergy());
    }

    /** The columns of a χ table with 0 &lt; k ≤ kmax (kmax 0 = all). */
    static SampleTable chiOnGrid(SampleTable chi, double kmax) {
        SpectrumFeatures.requireAxis(chi, "chi", "k", "Å⁻¹");
        Axis k = chi.axis();
        List<String> keep = new ArrayList<>();
        for (int j = 0; j < k.size(); j++) {
            if (k.get(j) > 0 && (kmax <= 0 || k.get(j) <= kmax + 1e-9)) {
                keep.add(chi.columnNames().get(j));
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("no k point of " + k + " lies in (0, " + kmax + "]");
        }
        return chi.selectColumns(keep);
    }

    /**
     * The edges table's columns are fixed and χ keeps the input's k columns up to kmax; the energy
     * grid of μ and norm is the connected grid table's, or the one of a stated edge energy, else not
     * known before running (it spans the E0s found in the data); nor are the wavelet columns kept by
     * variance.
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        if (output.equals(EDGES.name())) {
            return org.xasdaml.workflow.TableColumns.numeric(EDGE_COLUMNS);
        }
        if (output.equals(MU.name()) || output.equals(NORM.name())) {
            String quantity = output.equals(MU.name()) ? "mu" : "norm";
            org.xasdaml.workflow.TableColumns saved = inputs.get(GRID.name());
            if (saved != null) {
                return saved.spectraAs(quantity, List.of());
            }
            return o.edgeEnergy() > 0 ? org.xasdaml.workflow.TableColumns.spectra(quantity, statedGrid(o).values()) : null;
        }
        org.xasdaml.workflow.TableColumns chi = inputs.get(CHI_IN.name());
        if (!output.equals(CHI.name()) || chi == null) {
            return null;
        }
        List<String> keep = new ArrayList<>();
        for (String c : chi.numeric()) {
            double k = org.xasdaml.workflow.TableColumns.point(c);
            if (Double.isNaN(k)) {
                return null;
            }
            if (k > 0 && (o.kmax() <= 0 || k <= o.kmax() + 1e-9)) {
                keep.add(c);
            }
        }
        return org.xasdaml.workflow.TableColumns.numeric(keep);
    }
}
