package org.xasdaml.curation.recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.io.AthenaProjectReader;
import org.xasdaml.xafs.io.ColumnFileReader;
import org.xasdaml.xafs.io.XdiReader;

/**
 * Reads measured μ(E) from many files: XDI, Athena projects (every group or the chosen ones), or
 * column files (energy column and μ, or I0 and It, or I0 and If). A file that cannot be read is
 * recorded as a failure naming the file, line and reason (the readers' messages) and the others go
 * on. Each spectrum is named by its {@code source}: the file name, and for Athena groups
 * "file:group label".
 */
public final class MeasuredFiles {
    private MeasuredFiles() {
    }

    /** One measured spectrum and where it came from. */
    public record Measured(String source, MuSpectrum mu) {
    }

    /**
     * Column roles of plain column files (0-based): energy, and either mu, or i0 with it
     * (transmission, ln(I0/It)) or with iff (fluorescence, If/I0); a negative index = not given.
     */
    public record Columns(int energy, int mu, int i0, int it, int iff) {
        public static Columns energyMu() {
            return new Columns(0, 1, -1, -1, -1);
        }

        ColumnFileReader.Columns reader() {
            if (mu >= 0) {
                return new ColumnFileReader.Mu(energy, mu);
            }
            if (i0 >= 0 && it >= 0) {
                return new ColumnFileReader.Transmission(energy, i0, it);
            }
            if (i0 >= 0 && iff >= 0) {
                return new ColumnFileReader.Fluorescence(energy, i0, iff);
            }
            throw new IllegalArgumentException("column files need the mu column, or i0 with it or if");
        }
    }

    /**
     * @param groups Athena group labels to read (empty = every group)
     * @param ctx    receives one failure per unreadable file (sample id = the file's position)
     */
    public static List<Measured> read(List<Path> files, List<String> groups, Columns columns, StepContext ctx) {
        List<Measured> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".xdi") || lower.endsWith(".xdi.gz")) {
                    out.add(new Measured(name, XdiReader.read(f).muSpectrum()));
                } else if (lower.endsWith(".prj")) {
                    int found = 0;
                    for (AthenaProjectReader.AthenaGroup g : AthenaProjectReader.read(f)) {
                        if (groups.isEmpty() || groups.contains(g.label())) {
                            found++;
                            try {
                                out.add(new Measured(name + ":" + g.label(), g.muSpectrum()));
                            } catch (RuntimeException e) {
                                ctx.recordFailure(new SampleFailure(new SampleId(i, 0), "read", name + ", group " + g.label()
                                        + ": " + e.getMessage()));
                            }
                        }
                    }
                    if (found == 0) {
                        throw new IllegalArgumentException("none of the groups " + groups + " is in the project");
                    }
                } else {
                    out.add(new Measured(name, ColumnFileReader.read(f, columns.reader())));
                }
            } catch (Exception e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                ctx.recordFailure(new SampleFailure(new SampleId(i, 0), "read", msg.contains(name) ? msg : name + ": " + msg));
            }
        }
        return out;
    }
}
