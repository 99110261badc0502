package org.xasdaml.xafs.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Reads FEFF's {@code xmu.dat}: lines starting with '#' are header, data lines have the six
 * columns omega (absolute photon energy, eV), e (energy relative to the edge, eV), k (Å⁻¹), μ, μ₀
 * and χ. The reference implementation parsed exactly these columns and used omega/μ as the
 * spectrum and k/χ as the EXAFS.
 */
public final class FeffXmuReader {

    private FeffXmuReader() {
    }

    /**
     * The columns of an {@code xmu.dat}.
     *
     * @param omega photon energy (eV)
     * @param e     energy relative to the edge (eV)
     * @param k     wavenumber (Å⁻¹), negative below the edge
     * @param mu    μ(E)
     * @param mu0   embedded-atom background μ₀(E)
     * @param chi   χ = (μ − μ₀)/edge step
     */
    public record FeffXmu(double[] omega, double[] e, double[] k, double[] mu, double[] mu0, double[] chi) {
        /** Copies. */
        public FeffXmu {
            omega = omega.clone();
            e = e.clone();
            k = k.clone();
            mu = mu.clone();
            mu0 = mu0.clone();
            chi = chi.clone();
        }

        @Override
        public double[] omega() {
            return omega.clone();
        }

        @Override
        public double[] e() {
            return e.clone();
        }

        @Override
        public double[] k() {
            return k.clone();
        }

        @Override
        public double[] mu() {
            return mu.clone();
        }

        @Override
        public double[] mu0() {
            return mu0.clone();
        }

        @Override
        public double[] chi() {
            return chi.clone();
        }

        /** @return μ(omega) */
        public MuSpectrum muSpectrum() {
            return new MuSpectrum(omega, mu);
        }

        /** @return χ(k) for the rows with k ≥ 0 (FEFF's k is negative below the edge) */
        public ChiSpectrum chiSpectrum() {
            int first = 0;
            while (first < k.length && k[first] < 0) {
                first++;
            }
            return new ChiSpectrum(java.util.Arrays.copyOfRange(k, first, k.length),
                    java.util.Arrays.copyOfRange(chi, first, chi.length));
        }
    }

    /**
     * @param path the file (plain or gzip)
     * @return its columns
     * @throws IOException with file, line and problem if the file is not a valid xmu.dat
     */
    public static FeffXmu read(Path path) throws IOException {
        TextFile f = TextFile.read(path);
        List<TextFile.Row> rows = f.numericRows(0, 6, "#");
        f.requireRows(rows, 2);
        f.requireIncreasing(rows, 0, "energy");
        return new FeffXmu(TextFile.column(rows, 0), TextFile.column(rows, 1), TextFile.column(rows, 2),
                TextFile.column(rows, 3), TextFile.column(rows, 4), TextFile.column(rows, 5));
    }
}
