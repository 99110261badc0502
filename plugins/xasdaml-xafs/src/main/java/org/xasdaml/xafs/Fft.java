package org.xasdaml.xafs;

import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * Complex FFT of power-of-2 length with numpy's sign and scaling conventions (forward
 * e^{-2πi jn/N} unscaled, inverse e^{+2πi jn/N} divided by N), on split real/imaginary arrays
 * ({@link #forward}, {@link #inverse}, {@link #forwardReal}) or numpy-style interleaved ones
 * ({@link #inverseInterleaved}).
 *
 * <p>Why JTransforms (com.github.wendykierp:JTransforms, Ooura's split-radix algorithm in pure
 * Java): measured on the 2-core build VM, thread CPU time per 4096-point complex inverse
 * transform, 3000 calls after warm-up: JTransforms 17 µs, the module's former radix-2
 * transform (exact twiddle tables, bit-reversal, split arrays) 63 µs, commons-math
 * {@code transformInPlace} 85–100 µs. A real input (xftf) uses its real transform, half the work
 * again. Transform plans are built once per length and cached; for the power-of-2 lengths used
 * here a JTransforms plan only reads its tables, so one instance serves all threads.
 *
 * <p>Every transform runs on the calling thread. JTransforms by default splits a complex
 * transform of 4096 points (8192 doubles, its threshold) over its own thread pool: the wavelet's
 * 2·2048-point rows did so, and measured on the 2-core VM (one 401-point χ, rmax 8, 261 rows)
 * a map cost 16.6 ms on the calling thread plus as much again on that pool (35.5 ms of process
 * CPU, 30 ms wall, against 16.4 ms for Larch on one thread). The project parallelises over
 * spectra instead, where no thread waits for another. The thresholds are JTransforms' own
 * (static) configuration, written here once, with the same values on every load, before the
 * first plan is made.
 */
final class Fft {

    static {
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }

    private static final ConcurrentHashMap<Integer, Fft> CACHE = new ConcurrentHashMap<>();

    private final int n;
    private final DoubleFFT_1D plan;

    private Fft(int n) {
        this.n = n;
        this.plan = new DoubleFFT_1D(n);
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
        double[] z = interleave(re, im);
        plan.complexForward(z);
        split(z, re, im);
    }

    /** Inverse transform in place: x_m = (1/N) Σ X_j e^{+2πi jm/N}. */
    void inverse(double[] re, double[] im) {
        double[] z = interleave(re, im);
        plan.complexInverse(z, true);
        split(z, re, im);
    }

    /**
     * Forward transform of the real sequence {@code re} (the imaginary input is taken as 0): on
     * return re/im hold the full complex spectrum X_j, j = 0 … N−1 (the upper half the conjugate
     * mirror of the lower).
     */
    void forwardReal(double[] re, double[] im) {
        if (n == 1) {
            im[0] = 0;
            return;
        }
        double[] a = re.clone();
        plan.realForward(a);
        // packed: a[0] = Re X_0, a[1] = Re X_{N/2}, a[2j], a[2j+1] = Re, Im X_j for 0 < j < N/2
        int h = n / 2;
        re[0] = a[0];
        im[0] = 0;
        re[h] = a[1];
        im[h] = 0;
        for (int j = 1; j < h; j++) {
            double xr = a[2 * j];
            double xi = a[2 * j + 1];
            re[j] = xr;
            im[j] = xi;
            re[n - j] = xr;
            im[n - j] = -xi;
        }
    }

    /**
     * Inverse transform in place of an interleaved array (re₀, im₀, re₁, im₁, …) of 2N doubles,
     * scaled by 1/N; no copies (the wavelet's inner loop).
     */
    void inverseInterleaved(double[] z) {
        plan.complexInverse(z, true);
    }

    /** Forward transform in place of an interleaved array of 2N doubles, unscaled. */
    void forwardInterleaved(double[] z) {
        plan.complexForward(z);
    }

    private double[] interleave(double[] re, double[] im) {
        double[] z = new double[2 * n];
        for (int i = 0; i < n; i++) {
            z[2 * i] = re[i];
            z[2 * i + 1] = im[i];
        }
        return z;
    }

    private void split(double[] z, double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            re[i] = z[2 * i];
            im[i] = z[2 * i + 1];
        }
    }
}
