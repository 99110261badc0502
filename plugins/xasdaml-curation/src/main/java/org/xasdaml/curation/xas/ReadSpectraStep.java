package org.xasdaml.curation.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.xasdaml.curation.recipe.MeasuredFiles;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.SpectrumFeatures;
import org.xasdaml.xafs.XafsConstants;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.SampleFailure;

/**
 * Reads measured μ(E) from XDI files, Athena projects and column files into one spectra table
 * (text column {@code source}); a file that cannot be read fails alone.
 *
 * <p>A table has one energy axis, so spectra on different energies need a common grid, and it is
 * a stated choice, not the accident of which file came first: from {@code gridStart} to
 * {@code gridEnd} (by default the overlap of all the spectra's ranges), even steps of
 * {@code gridStep} up to 15 eV above the spectra's median E0, then even steps of 0.05 Å⁻¹ in k
 * (as Larch's rebin_xafs lays out its grid, see {@link #grid}). A spectrum that does not cover an explicitly given grid is refused alone
 * (file, group, both ranges), never extrapolated; the grid (rule, ends, step, points) is written to
 * the table's metadata {@value #GRID_META} and to the stage's provenance ({@value #GRID_META}).
 * Spectra that all share the same energies keep them (no interpolation) unless a grid is given.
 *
 * <p>Why 0.25 eV by default: the Cu foils of Larch's examples are sampled at 0.5 eV through the
 * edge, so 0.25 eV keeps the edge's resolution. What the common grid costs, measured on those foils
 * against each spectrum's own energies over the same range (ReadSpectraGridTest): E0, the maximum
 * of dμ/dE, moves by up to 0.21 eV (the derivative of the interpolated spectrum is flat between the
 * file's own points), the edge step by up to 0.19 %. The common <em>range</em> costs more:
 * pre_edge's norm2 defaults to the end of the data, so the 10 K foil's edge step is 3.4 % higher
 * on the overlap (to 10146 eV) than on its own range (to 11362 eV); give norm2 to the normalise
 * step to make edge steps independent of the range.
 * Read one file (or one Athena group) per table to keep a spectrum's own energies exactly.
 */
public final class ReadSpectraStep implements Step<ReadSpectraStep.Options> {

    /** Metadata key (and provenance entry) of the energy grid the spectra were put on. */
    public static final String GRID_META = "energy_grid";

    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE,
            "μ(E) per spectrum (axis energy, eV), text column source (file, or file:group); metadata energy_grid: how the "
                    + "common energy grid was chosen");

    /** Parameters. */
    public record Options(
            @Param(description = "Spectrum files: XDI, Athena projects (.prj), or column files", file = true) List<String> files,
            @Param(description = "Athena projects: labels of the groups to read (empty = every group)") List<String> groups,
            @Param(description = "Column files: 0-based column of the energy (eV)", min = 0) int energyColumn,
            @Param(description = "Column files: column of μ (-1 = compute from I0 and It or If)", min = -1) int muColumn,
            @Param(description = "Column files: column of I0 (-1 = none)", min = -1) int i0Column,
            @Param(description = "Column files: column of It, μ = ln(I0/It) (-1 = none)", min = -1) int itColumn,
            @Param(description = "Column files: column of If, μ = If/I0 (-1 = none)", min = -1) int ifColumn,
            @Param(label = "Common grid start", group = "Common energy grid", description = "Start of the common energy grid "
                    + "(empty = where all the spectra's ranges begin to overlap); a spectrum that does not reach down to it is "
                    + "refused alone", unit = "eV") String gridStart,
            @Param(label = "Common grid end", group = "Common energy grid", description = "End of the common energy grid "
                    + "(empty = where the spectra's ranges stop overlapping); a spectrum that does not reach up to it is refused "
                    + "alone", unit = "eV") String gridEnd,
            @Param(label = "Common grid step", group = "Common energy grid", description = "Step of the common energy grid, "
                    + "used when the spectra's energies differ or a start or end is given", unit = "eV", min = 0.001)
            double gridStep) {
        public Options {
            if (muColumn < 0 && (i0Column < 0 || (itColumn < 0 && ifColumn < 0))) {
                throw new InvalidParameterException("muColumn", "give the μ column, or I0 with It or If");
            }
            double a = SpectraTables.optional("gridStart", gridStart);
            double b = SpectraTables.optional("gridEnd", gridEnd);
            if (!Double.isNaN(a) && !Double.isNaN(b) && !(b > a + gridStep)) {
                throw InvalidParameterException.of("gridEnd", "gridEnd %s must lie more than one step (%s eV) above gridStart %s", b,
                        gridStep, a);
            }
        }

        /** Options for files with μ in column 1 (or XDI, Athena), the grid chosen by default. */
        public static Options of(List<String> files, List<String> groups) {
            return new Options(files, groups, 0, 1, -1, -1, -1, "", "", 0.25);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("read-spectra", List.of("spectra", "read"), "Read Spectra", Category.DATASET_CALCULATION, "M11",
                "Reads measured μ(E) from XDI, Athena projects and column files into one table (a bad file fails alone).",
                """
                XDI (μ from mutrans, ln(I0/It), mufluor or If/I0), Athena projects (every group, or the groups \
                named), and column files (energy column with μ, or I0 with It for transmission, or I0 with If for \
                fluorescence). Each spectrum's source (file, or file:group) is a text column. A file that cannot be \
                read is reported with its line and reason; the others go on. Spectra on different energies are put \
                on one grid from gridStart to gridEnd, by default the range all of them cover: gridStep (0.25 eV) \
                steps up to 15 eV above their median E0, then 0.05 Å⁻¹ steps in k (as Larch's rebin_xafs); a spectrum that does not cover a given grid is refused alone, never extrapolated. The \
                grid chosen is written to the table's metadata (energy_grid) and the provenance.""",
                List.of(), List.of(MU));
    }

    @Override
    public Options defaults() {
        return Options.of(List.of(), List.of());
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        if (o.files().isEmpty()) {
            throw new InvalidParameterException("files", "give at least one spectrum file");
        }
        List<Path> paths = new ArrayList<>();
        for (String f : o.files()) {
            paths.add(Path.of(f));
        }
        List<MeasuredFiles.Measured> m = MeasuredFiles.read(paths, o.groups(), new MeasuredFiles.Columns(o.energyColumn(),
                o.muColumn(), o.i0Column(), o.itColumn(), o.ifColumn()), ctx);
        if (m.isEmpty()) {
            throw new IllegalArgumentException("no spectrum could be read: " + ctx.failures());
        }
        CommonGrid cg = commonGrid(m, o);
        double[] grid = cg.grid();
        double[] first = m.get(0).mu().energy();
        Map<String, Object> rule = cg.rule();
        rule.put("start", grid[0]);
        rule.put("end", grid[grid.length - 1]);
        rule.put("points", grid.length);
        Axis axis = new Axis("energy", "eV", grid);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> src = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            MeasuredFiles.Measured s = m.get(i);
            try {
                rows.add(grid == first && Arrays.equals(s.mu().energy(), first) ? s.mu().mu()
                        : SpectrumFeatures.onEnergyGrid(s.source(), s.mu().energy(), s.mu().mu(), axis, false));
                ids.add(new SampleId(i, 0));
                src.add(s.source());
            } catch (IllegalArgumentException e) {
                ctx.recordFailure(new SampleFailure(new SampleId(i, 0), "read", e.getMessage()));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no spectrum covers the energy grid " + axis + ": " + ctx.failures());
        }
        rule.put("spectra", ids.size());
        if (!rule.get("rule").toString().startsWith("the spectr")) {
            ctx.warn(String.format(Locale.ROOT, "the spectra have different energies: %d put on %d energies %.2f..%.2f eV (%s)",
                    ids.size(), grid.length, grid[0], grid[grid.length - 1], rule.get("rule")));
        }
        ctx.recordProvenance(GRID_META, rule);
        ctx.progress(1, ids.size() + " spectra read");
        return StepData.empty().with(MU, SampleTable.spectra(ids, "mu", axis, rows.toArray(new double[0][]))
                .withText("source", src.toArray(new String[0])).withMeta(Map.of(GRID_META, Json.write(rule))));
    }

    /** eV above E0 where the grid turns from even energy steps to even k steps (Larch rebin_xafs's exafs1). */
    static final double EXAFS_START = 15;

    /**
     * lo, lo + step, … up to E0 + {@value #EXAFS_START} eV, then even steps of 0.05 Å⁻¹ in k above
     * E0 up to hi (even energy steps all the way when e0 is NaN).
     *
     * <p>Why k steps above the edge: measured EXAFS is sampled evenly in k, and pre_edge fits its
     * post-edge polynomial to the points as they are; on even 0.25 eV steps all the way, the Cu
     * foils' edge steps come out 0.7–0.8 % low (cu_metal_rt.xdi, cu.xmu; Larch 0.9.58 gives the same
     * on that grid), on this grid within 0.19 %, so χ(k) and the CN read off it keep their scale.
     */
    static double[] grid(double lo, double hi, double step, double e0) {
        List<Double> g = new ArrayList<>();
        double kFrom = Double.isNaN(e0) ? Double.POSITIVE_INFINITY : e0 + EXAFS_START;
        for (int i = 0; lo + i * step <= Math.min(hi, kFrom) + 1e-9; i++) {
            g.add(lo + i * step);
        }
        if (!Double.isNaN(e0) && !g.isEmpty()) {
            double last = g.get(g.size() - 1);
            int j = (int) Math.floor(Math.sqrt(Math.max(0, last - e0) * XafsConstants.ETOK) / FeatureRecipe.KSTEP) + 1;
            for (double e = e0 + XafsConstants.KTOE * Math.pow(j * FeatureRecipe.KSTEP, 2); e <= hi + 1e-9;
                    j++, e = e0 + XafsConstants.KTOE * Math.pow(j * FeatureRecipe.KSTEP, 2)) {
                if (e > last + 1e-9) {
                    g.add(e);
                }
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Median E0 (pre_edge with Larch's defaults) of the spectra that have an edge; NaN when none has. */
    static double medianE0(List<MeasuredFiles.Measured> m) {
        List<Double> e0 = new ArrayList<>();
        for (MeasuredFiles.Measured s : m) {
            try {
                e0.add(SpectrumFeatures.preEdge(s.mu(), FeatureRecipe.PreEdge.larch()).e0());
            } catch (RuntimeException e) {
                // no edge: this spectrum does not take part in choosing the grid (it may still be read)
            }
        }
        if (e0.isEmpty()) {
            return Double.NaN;
        }
        return SpectrumFeatures.medianE0(e0.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The table's energies and the rule that chose them (written to the metadata and the provenance). */
    record CommonGrid(double[] grid, Map<String, Object> rule) {
    }

    /**
     * The one grid choice, used by the run and by {@link #outputColumns} at configure time, so that the columns a
     * KNIME node announces before running are those it writes.
     */
    static CommonGrid commonGrid(List<MeasuredFiles.Measured> m, Options o) {
        double start = SpectraTables.optional("gridStart", o.gridStart());
        double end = SpectraTables.optional("gridEnd", o.gridEnd());
        double[] first = m.get(0).mu().energy();
        boolean same = m.stream().allMatch(s -> Arrays.equals(s.mu().energy(), first));
        Map<String, Object> rule = new LinkedHashMap<>();
        double[] grid;
        if (same && Double.isNaN(start) && Double.isNaN(end)) {
            grid = first;
            rule.put("rule", m.size() == 1 ? "the spectrum's own energies" : "the spectra's own energies (the same in every one)");
        } else {
            double lo = start;
            double hi = end;
            String narrowLo = "";
            String narrowHi = "";
            for (MeasuredFiles.Measured s : m) {
                double[] x = s.mu().energy();
                if (Double.isNaN(start) && (narrowLo.isEmpty() || x[0] > lo)) {
                    lo = x[0];
                    narrowLo = s.source();
                }
                if (Double.isNaN(end) && (narrowHi.isEmpty() || x[x.length - 1] < hi)) {
                    hi = x[x.length - 1];
                    narrowHi = s.source();
                }
            }
            double e0ref = medianE0(m);
            grid = grid(lo, hi, o.gridStep(), e0ref);
            if (!(hi > lo) || grid.length < 10) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the spectra share only %.2f..%.2f eV (%s starts at "
                        + "%.2f eV, %s ends at %.2f eV): give gridStart and gridEnd so that the spectra too short for them are "
                        + "refused, or read them into separate tables", lo, hi, narrowLo.isEmpty() ? "the grid" : narrowLo, lo,
                        narrowHi.isEmpty() ? "the grid" : narrowHi, hi));
            }
            String from = Double.isNaN(start) ? "the highest first energy (" + narrowLo + ")" : "gridStart";
            String to = Double.isNaN(end) ? "the lowest last energy (" + narrowHi + ")" : "gridEnd";
            rule.put("rule", Double.isNaN(e0ref)
                    ? String.format(Locale.ROOT, "%s eV steps from %s to %s (no edge found for a k grid)", o.gridStep(), from, to)
                    : String.format(Locale.ROOT, "%s eV steps from %s to the median E0 %.3f eV + %s eV, then %s Å⁻¹ steps in k to %s",
                            o.gridStep(), from, e0ref, EXAFS_START, FeatureRecipe.KSTEP, to));
            rule.put("step", o.gridStep());
            rule.put("e0", Double.isNaN(e0ref) ? null : e0ref);
            rule.put("kstep", FeatureRecipe.KSTEP);
        }
        return new CommonGrid(grid, rule);
    }

    /** Files read at configure time, at most (more are read only when the node runs). */
    static final int CONFIGURE_MAX_FILES = 50;
    /** Bytes read at configure time, at most: a few spectra files, as a file reader reads a table's header. */
    static final long CONFIGURE_MAX_BYTES = 20L << 20;

    /**
     * The energies are the files': like a table reader, the step reads them to say its columns
     * before running (up to {@value #CONFIGURE_MAX_FILES} files and 20 MB together; beyond that,
     * or when a file is missing or unreadable, the columns are known after running).
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           java.util.Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        if (o.files().isEmpty() || o.files().size() > CONFIGURE_MAX_FILES) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        long bytes = 0;
        try {
            for (String f : o.files()) {
                Path p = Path.of(f);
                if (!p.isAbsolute() || !java.nio.file.Files.isRegularFile(p)) {
                    return null; // a relative path is resolved where the step runs (the workflow folder in KNIME)
                }
                bytes += java.nio.file.Files.size(p);
                paths.add(p);
            }
            if (bytes > CONFIGURE_MAX_BYTES) {
                return null;
            }
            org.xasdaml.workflow.BasicContext quiet = org.xasdaml.workflow.BasicContext.quiet(paths.get(0).getParent());
            List<MeasuredFiles.Measured> m = MeasuredFiles.read(paths, o.groups(), new MeasuredFiles.Columns(o.energyColumn(),
                    o.muColumn(), o.i0Column(), o.itColumn(), o.ifColumn()), quiet);
            return m.isEmpty() ? null : org.xasdaml.workflow.TableColumns.spectra("mu", commonGrid(m, o).grid()).plusText(List.of("source"));
        } catch (java.io.IOException | RuntimeException e) {
            return null; // the node says what is wrong with the files when it runs
        }
    }
}
