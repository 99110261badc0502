package org.xasdaml.xafs.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.xasdaml.xafs.ChiSpectrum;

/**
 * Reads a χ(k) file: FEFF's {@code chi.dat} (columns k, χ, mag, phase) or any file whose first two
 * columns are k (Å⁻¹) and χ; '#' lines are header.
 */
public final class FeffChiReader {

    private FeffChiReader() {
    }

    /**
     * @param path the file (plain or gzip)
     * @return χ(k)
     * @throws IOException with file, line and problem (too few columns, NaN, k not increasing,
     *                     negative k)
     */
    public static ChiSpectrum read(Path path) throws IOException {
        TextFile f = TextFile.read(path);
        List<TextFile.Row> rows = f.numericRows(0, 2, "#");
        f.requireRows(rows, 2);
        f.requireIncreasing(rows, 0, "k");
        if (rows.get(0).values()[0] < 0) {
            throw f.error(rows.get(0).line(), "k %s is negative", TextFile.fmt(rows.get(0).values()[0]));
        }
        return new ChiSpectrum(TextFile.column(rows, 0), TextFile.column(rows, 1));
    }
}
