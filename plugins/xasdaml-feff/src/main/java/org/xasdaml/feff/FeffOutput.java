package org.xasdaml.feff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.io.FeffChiReader;
import org.xasdaml.xafs.io.FeffXmuReader;

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

    /**
     * Reads {@code xmu.dat} and {@code chi.dat} from a FEFF folder with the xafs module's FEFF
     * readers (errors name the file, line and problem).
     */
    public static FeffOutput read(Path folder) throws IOException {
        Path xmuFile = folder.resolve("xmu.dat");
        Path chiFile = folder.resolve("chi.dat");
        for (Path f : new Path[] {xmuFile, chiFile}) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("FEFF did not write " + f);
            }
        }
        FeffXmuReader.FeffXmu x = FeffXmuReader.read(xmuFile);
        ChiSpectrum c = FeffChiReader.read(chiFile);
        double[] ck = c.k();
        double[] cchi = c.chi();
        checkConsistent(folder, x.k(), x.chi(), ck, cchi);
        return new FeffOutput(x.omega(), x.e(), x.k(), x.mu(), x.mu0(), ck, cchi);
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

    /** χ(k) without the k = 0 point (where χ is not defined physically and every k-weight is 0). */
    public double[][] chiWithoutZero() {
        int first = 0;
        while (first < chiK.length && chiK[first] <= 1e-9) {
            first++;
        }
        return new double[][] {Arrays.copyOfRange(chiK, first, chiK.length), Arrays.copyOfRange(chi, first, chi.length)};
    }
}
