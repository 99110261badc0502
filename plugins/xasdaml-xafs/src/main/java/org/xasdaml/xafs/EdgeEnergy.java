package org.xasdaml.xafs;

/**
 * The absorption edge energy E0, as Larch 0.9.58's {@code find_e0}/{@code _finde0}: the energy of
 * the largest derivative dμ/dE, with two guards against glitches.
 *
 * <p>Procedure:
 * <ol>
 * <li>dμ/dE = gradient(μ)/gradient(E) (central differences; non-finite values become −1);</li>
 * <li>ignore nmin = max(3, int(0.05·n)) points at each end; the reference maximum is the largest
 *     derivative in between;</li>
 * <li>"high-derivative" points have dμ/dE &gt; 10 % of that maximum; E0 is the point of largest
 *     derivative whose two neighbours are also high-derivative points (so a one-point spike is not an
 *     edge), away from the ends.</li>
 * </ol>
 * If no point qualifies, Larch returns the first energy; so does this class (the caller can see it
 * as E0 == energy[0]).
 */
public final class EdgeEnergy {

    private EdgeEnergy() {
    }

    /**
     * @param spectrum μ(E)
     * @return E0 in eV, one of the spectrum's energies
     */
    public static double findE0(MuSpectrum spectrum) {
        double[] e = spectrum.energy();
        return e[indexOfE0(e, spectrum.mu())];
    }

    /** Index of E0 in energy (Larch {@code _finde0}). */
    static int indexOfE0(double[] energy, double[] mu) {
        int n = energy.length;
        double[] dmu = Indexing.derivative(energy, mu);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(dmu[i])) {
                dmu[i] = -1.0;
            }
        }
        int nmin = Math.max(3, (int) (n * 0.05));
        if (n - 2 * nmin < 1) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, "find_e0 spectrum",
                    2 * nmin + 1, n);
        }
        double maxdmu = Double.NEGATIVE_INFINITY;
        for (int i = nmin; i < n - nmin; i++) {
            maxdmu = Math.max(maxdmu, dmu[i]);
        }
        double threshold = maxdmu * 0.1;
        boolean[] high = new boolean[n];
        for (int i = 0; i < n; i++) {
            high[i] = dmu[i] > threshold;
        }
        int imax = 0;
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            if (!high[i] || i < nmin || i > n - nmin) {
                continue;
            }
            boolean neighbours = i + 1 < n && high[i + 1] && i - 1 >= 0 && high[i - 1];
            if (dmu[i] > dmax && neighbours) {
                imax = i;
                dmax = dmu[i];
            }
        }
        return imax;
    }
}
