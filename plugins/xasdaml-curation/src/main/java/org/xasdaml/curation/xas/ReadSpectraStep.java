package org.xasdaml.curation.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.xasdaml.xafs.GridInterpolation;

/**
 * Reads measured μ(E) from XDI files, Athena projects and column files into one spectra table
 * (text column {@code source}); a file that cannot be read fails alone. A table has one energy
 * axis: when the spectra's energies differ, they are put on the first spectrum's energies within
 * the range every spectrum covers (linear interpolation, reported as a warning); read one file (or
 * one Athena group) per table to keep a spectrum's own points.
 */
public final class ReadSpectraStep implements Step<ReadSpectraStep.Options> {

    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE,
            "μ(E) per spectrum (axis energy, eV), text column source (file, or file:group)");

    /** Parameters. */
    public record Options(
            @Param(description = "Spectrum files: XDI, Athena projects (.prj), or column files", file = true) List<String> files,
            @Param(description = "Athena projects: labels of the groups to read (empty = every group)") List<String> groups,
            @Param(description = "Column files: 0-based column of the energy (eV)", min = 0) int energyColumn,
            @Param(description = "Column files: column of μ (-1 = compute from I0 and It or If)", min = -1) int muColumn,
            @Param(description = "Column files: column of I0 (-1 = none)", min = -1) int i0Column,
            @Param(description = "Column files: column of It, μ = ln(I0/It) (-1 = none)", min = -1) int itColumn,
            @Param(description = "Column files: column of If, μ = If/I0 (-1 = none)", min = -1) int ifColumn) {
        public Options {
            if (muColumn < 0 && (i0Column < 0 || (itColumn < 0 && ifColumn < 0))) {
                throw new InvalidParameterException("muColumn", "give the μ column, or I0 with It or If");
            }
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
                on the first spectrum's energies within the range all cover.""",
                List.of(), List.of(MU));
    }

    @Override
    public Options defaults() {
        return new Options(List.of(), List.of(), 0, 1, -1, -1, -1);
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
        Energies en = energies(m);
        double[] grid = en.grid();
        boolean same = en.same();
        if (!same) {
            ctx.warn(String.format(Locale.ROOT, "the spectra have different energies: all were put on %d energies of %s from "
                    + "%.2f to %.2f eV by linear interpolation", grid.length, m.get(0).source(), grid[0], grid[grid.length - 1]));
        }
        List<SampleId> ids = new ArrayList<>();
        double[][] rows = new double[m.size()][];
        String[] src = new String[m.size()];
        for (int i = 0; i < m.size(); i++) {
            ids.add(new SampleId(i, 0));
            rows[i] = same ? m.get(i).mu().mu()
                    : GridInterpolation.linear(m.get(i).mu().energy(), m.get(i).mu().mu(), grid, GridInterpolation.Extrapolation.CLAMP);
            src[i] = m.get(i).source();
        }
        ctx.progress(1, m.size() + " spectra read");
        return StepData.empty().with(MU, SampleTable.spectra(ids, "mu", new Axis("energy", "eV", grid), rows).withText("source", src));
    }

    /** The table's energies: the first file's, cut to the range every file covers when they differ. */
    record Energies(double[] grid, boolean same) {
    }

    static Energies energies(List<MeasuredFiles.Measured> m) {
        double[] e = m.get(0).mu().energy();
        double lo = e[0];
        double hi = e[e.length - 1];
        boolean same = true;
        for (MeasuredFiles.Measured s : m) {
            double[] x = s.mu().energy();
            lo = Math.max(lo, x[0]);
            hi = Math.min(hi, x[x.length - 1]);
            same &= Arrays.equals(x, e);
        }
        if (same) {
            return new Energies(e, true);
        }
        final double a = lo;
        final double b = hi;
        double[] grid = Arrays.stream(e).filter(v -> v >= a && v <= b).toArray();
        if (grid.length < 10) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the spectra share only %.1f..%.1f eV; read them into separate tables", lo, hi));
        }
        return new Energies(grid, false);
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
            return m.isEmpty() ? null : org.xasdaml.workflow.TableColumns.spectra("mu", energies(m).grid()).plusText(List.of("source"));
        } catch (java.io.IOException | RuntimeException e) {
            return null; // the node says what is wrong with the files when it runs
        }
    }
}
