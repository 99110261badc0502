package org.xasdaml.xafs;

import java.util.concurrent.ConcurrentHashMap;

/**
 * In-place iterative radix-2 complex FFT on split real/imaginary {@code double} arrays, with
 * numpy's sign and scaling conventions (forward e^{-2πi jn/N} unscaled, inverse e^{+2πi jn/N}
 * divided by N).
 *
 * <p>Why not Commons Math's {@code FastFourierTransformer}: it allocates a {@code Complex} per
 * sample and new arrays per call; the wavelet transform does 131–261 transforms of 4096 points per
 * spectrum on 5000 spectra, so the tables are computed once per size (twiddles from
 * {@link Math#cos}/{@link Math#sin} of the exact angle, not by recurrence, to keep the error near
 * log₂N ulps) and the caller reuses its buffers. Instances are immutable and thread-safe.
 */
final class Fft {

    private static final ConcurrentHashMap<Integer, Fft> CACHE = new ConcurrentHashMap<>();

    private final int n;
    /** Twiddles per stage: for a stage of half-length h, entries h … 2h−1 hold cos/sin(π j/h). */
    private final double[] cos;
    private final double[] sin;
    private final int[] bitrev;

    private Fft(int n) {
        this.n = n;
        this.cos = new double[Math.max(n, 2)];
        this.sin = new double[Math.max(n, 2)];
        for (int h = 1; h < n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                // exact angle of the global table index j·(n/2h), so every stage uses the same values
                double a = 2.0 * Math.PI * ((long) j * (n / (2 * h))) / n;
                cos[h + j] = Math.cos(a);
                sin[h + j] = Math.sin(a);
            }
        }
        int bits = Integer.numberOfTrailingZeros(n);
        bitrev = new int[n];
        for (int i = 0; i < n; i++) {
            bitrev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    /**
     * @param n transform length, a power of 2
     * @return the (cached) transform of that length
     */
    static Fft of(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "nfft", n,
                    "must be a power of 2");
        }
        return CACHE.computeIfAbsent(n, Fft::new);
    }

    int size() {
        return n;
    }

    /** Forward transform in place: X_j = Σ x_m e^{-2πi jm/N}. */
    void forward(double[] re, double[] im) {
        transform(re, im, -1.0);
    }

    /** Inverse transform in place: x_m = (1/N) Σ X_j e^{+2πi jm/N}. */
    void inverse(double[] re, double[] im) {
        transform(re, im, 1.0);
        double s = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= s;
            im[i] *= s;
        }
    }

    private void transform(double[] re, double[] im, double sign) {
        for (int i = 0; i < n; i++) {
            int j = bitrev[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        // first stage (len 2) needs no twiddles
        for (int a = 0; a + 1 < n; a += 2) {
            double xr = re[a + 1];
            double xi = im[a + 1];
            re[a + 1] = re[a] - xr;
            im[a + 1] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
        }
        for (int half = 2; half < n; half <<= 1) {
            int len = half << 1;
            for (int start = 0; start < n; start += len) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[half + j];
                    double wi = sign * sin[half + j];
                    int a = start + j;
                    int b = a + half;
                    double br = re[b];
                    double bi = im[b];
                    double xr = br * wr - bi * wi;
                    double xi = br * wi + bi * wr;
                    double ar = re[a];
                    double ai = im[a];
                    re[b] = ar - xr;
                    im[b] = ai - xi;
                    re[a] = ar + xr;
                    im[a] = ai + xi;
                }
            }
        }
    }
}
