package org.xasdaml.xafs.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Reads μ(E) from a plain whitespace- (or comma-) separated column file; lines starting with
 * '#', ';', '!' or '%' are comments. Which columns hold what is said by a {@link Columns}: energy
 * with μ, energy with I0 and It (transmission, μ = ln(I0/It)) or energy with I0 and If
 * (fluorescence, μ = If/I0). Energies must increase strictly.
 */
public final class ColumnFileReader {

    private ColumnFileReader() {
    }

    /** Column roles, 0-based indices. */
    public sealed interface Columns permits Mu, Transmission, Fluorescence {
        /** @return index of the energy column */
        int energy();

        /** @return the largest index used */
        int maxIndex();
    }

    /**
     * μ given directly.
     *
     * @param energy energy column (eV)
     * @param mu     μ column
     */
    public record Mu(int energy, int mu) implements Columns {
        @Override
        public int maxIndex() {
            return Math.max(energy, mu);
        }
    }

    /**
     * Transmission: μ = ln(I0/It).
     *
     * @param energy energy column (eV)
     * @param i0     incident intensity column
     * @param it     transmitted intensity column
     */
    public record Transmission(int energy, int i0, int it) implements Columns {
        @Override
        public int maxIndex() {
            return Math.max(energy, Math.max(i0, it));
        }
    }

    /**
     * Fluorescence: μ = If/I0.
     *
     * @param energy     energy column (eV)
     * @param i0         incident intensity column
     * @param fluorescence fluorescence intensity column
     */
    public record Fluorescence(int energy, int i0, int fluorescence) implements Columns {
        @Override
        public int maxIndex() {
            return Math.max(energy, Math.max(i0, fluorescence));
        }
    }

    /**
     * @param path    the file (plain or gzip)
     * @param columns which columns hold what
     * @return μ(E)
     * @throws IOException with file, line and problem
     */
    public static MuSpectrum read(Path path, Columns columns) throws IOException {
        TextFile f = TextFile.read(path);
        List<TextFile.Row> rows = f.numericRows(0, columns.maxIndex() + 1, "#;!%");
        return spectrum(f, rows, columns);
    }

    static MuSpectrum spectrum(TextFile f, List<TextFile.Row> rows, Columns columns) throws XafsFileException {
        f.requireRows(rows, 2);
        f.requireIncreasing(rows, columns.energy(), "energy");
        double[] e = TextFile.column(rows, columns.energy());
        double[] mu = new double[rows.size()];
        for (int i = 0; i < mu.length; i++) {
            double[] v = rows.get(i).values();
            int line = rows.get(i).line();
            if (columns instanceof Mu m) {
                mu[i] = v[m.mu()];
            } else if (columns instanceof Transmission t) {
                double i0 = v[t.i0()];
                double it = v[t.it()];
                if (!(i0 > 0) || !(it > 0)) {
                    throw f.error(line, "ln(i0/it) needs positive intensities, got i0=%s it=%s",
                            TextFile.fmt(i0), TextFile.fmt(it));
                }
                mu[i] = Math.log(i0 / it);
            } else if (columns instanceof Fluorescence fl) {
                double i0 = v[fl.i0()];
                if (i0 == 0) {
                    throw f.error(line, "if/i0 needs a non-zero i0");
                }
                mu[i] = v[fl.fluorescence()] / i0;
            }
        }
        return new MuSpectrum(e, mu);
    }
}
