package org.xasdaml.feff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Feff8L's last stage writes, read back: {@code xmu.dat} (columns omega, e, k, μ, μ₀, χ) and
 * {@code chi.dat} (k, χ, |χ|, phase).
 *
 * <p>omega is the absolute photon energy (eV) and equals the absorber's atomic edge energy plus
 * ħ²k²/2m on Feff8L's fixed k grid (0 … kmax by 0.05 Å⁻¹), so every sample with the same absorbing
 * element and edge has the same omega grid; e is relative to the sample's Fermi level, which moves
 * from sample to sample. χ is taken from {@code chi.dat}, printed with one more digit than in
 * {@code xmu.dat}; the two must agree.
 *
 * @param omega photon energy (eV)
 * @param e     energy relative to the Fermi level of the sample (eV)
 * @param k     wavenumber (Å⁻¹) of the xmu rows
 * @param mu    μ(omega)
 * @param mu0   embedded-atom background μ₀(omega)
 * @param chiK  k of chi.dat (Å⁻¹)
 * @param chi   χ(k) of chi.dat, unweighted
 */
public record FeffOutput(double[] omega, double[] e, double[] k, double[] mu, double[] mu0, double[] chiK, double[] chi) {

    public FeffOutput {
        omega = omega.clone();
        e = e.clone();
        k = k.clone();
        mu = mu.clone();
        mu0 = mu0.clone();
        chiK = chiK.clone();
        chi = chi.clone();
        int n = omega.length;
        if (e.length != n || k.length != n || mu.length != n || mu0.length != n || chiK.length != chi.length) {
            throw new IllegalArgumentException("FEFF output columns differ in length");
        }
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
    public double[] chiK() {
        return chiK.clone();
    }

    @Override
    public double[] chi() {
        return chi.clone();
    }

    /** Reads {@code xmu.dat} and {@code chi.dat} from a FEFF folder. */
    public static FeffOutput read(Path folder) throws IOException {
        double[][] x = columns(folder.resolve("xmu.dat"), 6);
        double[][] c = columns(folder.resolve("chi.dat"), 4);
        checkConsistent(folder, x[2], x[5], c[0], c[1]);
        return new FeffOutput(x[0], x[1], x[2], x[3], x[4], c[0], c[1]);
    }

    /** χ of chi.dat and of xmu.dat must be the same numbers on the same k. */
    private static void checkConsistent(Path folder, double[] xk, double[] xchi, double[] ck, double[] cchi) {
        int j = 0;
        for (int i = 0; i < xk.length && j < ck.length; i++) {
            if (xk[i] < 0) {
                continue;
            }
            // xmu.dat prints k with 3 decimals and χ with 6 significant digits, chi.dat 4 and 7
            if (Math.abs(xk[i] - ck[j]) > 2e-3 || Math.abs(xchi[i] - cchi[j]) > 1e-5 * Math.abs(cchi[j]) + 1e-10) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "xmu.dat and chi.dat disagree at k = %s in %s: χ %s vs %s", ck[j], folder, xchi[i], cchi[j]));
            }
            j++;
        }
    }

    private static double[][] columns(Path file, int n) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("FEFF did not write " + file);
        }
        List<double[]> rows = new ArrayList<>(512);
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] p = s.split("\\s+");
            if (p.length < n) {
                throw new IOException(file + " line " + lineNo + ": " + p.length + " columns, expected " + n);
            }
            double[] r = new double[n];
            for (int c = 0; c < n; c++) {
                try {
                    r[c] = Double.parseDouble(p[c].replace('D', 'E'));
                } catch (NumberFormatException ex) {
                    throw new IOException(file + " line " + lineNo + ": '" + p[c] + "' is not a number (FEFF wrote NaN or "
                            + "overflowed)");
                }
                if (!Double.isFinite(r[c])) {
                    throw new IOException(file + " line " + lineNo + ": non-finite value " + p[c]);
                }
            }
            rows.add(r);
        }
        if (rows.size() < 2) {
            throw new IOException(file + " holds " + rows.size() + " data rows");
        }
        double[][] cols = new double[n][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < n; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        return cols;
    }

    /** χ(k) without the k = 0 point (where χ is not defined physically and every k-weight is 0). */
    public double[][] chiWithoutZero() {
        int first = 0;
        while (first < chiK.length && chiK[first] <= 1e-9) {
            first++;
        }
        return new double[][] {Arrays.copyOfRange(chiK, first, chiK.length), Arrays.copyOfRange(chi, first, chi.length)};
    }
}
