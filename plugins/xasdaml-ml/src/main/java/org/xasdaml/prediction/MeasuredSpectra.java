package org.xasdaml.prediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xasdaml.curation.SpectrumGrid;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.io.AthenaProjectReader;
import org.xasdaml.xafs.io.ColumnFileReader;
import org.xasdaml.xafs.io.XdiReader;

/**
 * Measured μ(E) spectra put on a model's energy grid (paper M11): read (XDI, two-column text, or
 * every group of an Athena project), normalise to unit edge step (Larch {@code pre_edge}, the
 * {@code norm} array), shift the energy so the measured E0 lands on the reference E0 of the
 * simulated training spectra (FEFF's absolute energies differ from a measurement's by several eV),
 * and interpolate onto the grid; a spectrum that does not cover the grid is refused.
 */
public final class MeasuredSpectra {
    private MeasuredSpectra() {
    }

    /** One measured spectrum and where it came from. */
    public record Measured(String name, MuSpectrum mu) {
    }

    /**
     * Reads files: ".xdi" with XdiReader, ".prj" with AthenaProjectReader (every group), anything
     * else as columns (energy column 0, μ column 1).
     */
    public static List<Measured> read(List<Path> files) throws IOException {
        List<Measured> out = new ArrayList<>();
        for (Path f : files) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".xdi")) {
                out.add(new Measured(f.getFileName().toString(), XdiReader.read(f).muSpectrum()));
            } else if (n.endsWith(".prj")) {
                for (AthenaProjectReader.AthenaGroup g : AthenaProjectReader.read(f)) {
                    out.add(new Measured(f.getFileName() + ":" + g.label(), g.muSpectrum()));
                }
            } else {
                out.add(new Measured(f.getFileName().toString(), ColumnFileReader.read(f, new ColumnFileReader.Mu(0, 1))));
            }
        }
        return out;
    }

    /**
     * One spectrum on the grid.
     *
     * @param normalize   apply pre-edge/post-edge normalisation (norm) first
     * @param e0Reference edge energy of the training spectra in eV; NaN or 0 = no alignment
     * @return the values on the grid and the measured E0 used
     * @throws IllegalArgumentException naming the spectrum when it does not cover the grid
     */
    public static double[] onGrid(Measured m, Axis grid, boolean normalize, double e0Reference) {
        if (!grid.name().equals("energy")) {
            throw new IllegalArgumentException("measured μ(E) can only be given to models trained on an energy grid; this model "
                    + "takes " + grid + " (use χ(k) from the same processing as its training data)");
        }
        double[] e = m.mu().energy();
        double[] y = m.mu().mu();
        if (normalize || (e0Reference > 0)) {
            EdgeNormalization.Result r = EdgeNormalization.preEdge(m.mu());
            if (normalize) {
                y = r.norm();
            }
            if (e0Reference > 0) {
                double shift = e0Reference - r.e0();
                for (int i = 0; i < e.length; i++) {
                    e[i] += shift;
                }
            }
        }
        return new SpectrumGrid(grid).map(m.name(), e, y);
    }

    /** All spectra as a table on the grid; ids are (position in the list, 0); failures are recorded. */
    public static SampleTable table(List<Measured> spectra, Axis grid, boolean normalize, double e0Reference,
                                    org.xasdaml.workflow.StepContext ctx) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            idx.add(i);
        }
        List<double[]> rows = org.xasdaml.workflow.ParallelSamples.map(idx, i -> new SampleId(i, 0), "measured spectra",
                i -> onGrid(spectra.get(i), grid, normalize, e0Reference), ctx);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> ok = new ArrayList<>();
        String[] names = new String[spectra.size()];
        List<String> okNames = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            names[i] = spectra.get(i).name();
            if (rows.get(i) != null) {
                ids.add(new SampleId(i, 0));
                ok.add(rows.get(i));
                okNames.add(names[i]);
            }
        }
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("no measured spectrum could be put on the model's grid " + grid
                    + (ctx.failures().isEmpty() ? "" : ": " + ctx.failures().get(0)));
        }
        return SampleTable.spectra(ids, normalize ? "norm" : "mu", grid, ok.toArray(new double[0][]))
                .withText("source", okNames.toArray(new String[0]));
    }
}
