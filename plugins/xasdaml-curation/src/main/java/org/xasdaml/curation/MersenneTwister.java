package org.xasdaml.curation;

/**
 * MT19937 (Matsumoto and Nishimura, ACM TOMACS 8, 1998) with NumPy's legacy
 * {@code RandomState} seeding ({@code init_genrand}) and its {@code shuffle}, so that a split
 * with seed 42 puts exactly the samples of the reference ({@code np.random.seed(42);
 * np.random.shuffle(idx)}) in each set: its published test-set statistics can be checked.
 *
 * <p>Not thread-safe; each split owns one.
 */
final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    MersenneTwister(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be in [0, 2^32 - 1] (NumPy's legacy seeding), got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The next 32 random bits, as an unsigned value in a long. */
    long nextUint32() {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** A uniform integer in [0, max] by masked rejection (NumPy's legacy {@code random_interval}). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > max);
        return v;
    }

    /** In-place Fisher-Yates shuffle, as NumPy's legacy {@code RandomState.shuffle} of a 1-D array. */
    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
