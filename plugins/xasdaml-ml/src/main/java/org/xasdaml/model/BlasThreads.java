package org.xasdaml.model;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets how many threads the native numerics use: ND4J's OpenMP pool and its "master" threads, and
 * OpenBLAS, which Deeplearning4j and Smile share.
 *
 * <p>Why here and not with {@code OMP_NUM_THREADS}: that variable is read once, when the native
 * library starts, and a Java program cannot set its own environment. ND4J reads it at start-up
 * and otherwise uses the number of physical cores; this class sets the same counts afterwards
 * through ND4J's public switches ({@code NativeOps.setOmpNumThreads},
 * {@code Environment.setMaxThreads/setMaxMasterThreads}, {@code Blas.setMaxThreads}, which calls
 * {@code openblas_set_num_threads}). There is one libopenblas in the JVM (both libraries load the
 * {@code org.bytedeco:openblas} 0.3.19-1.5.7 natives, see the module's pom), so one call also governs
 * Smile's BLAS. Smile's random forest itself runs its trees on Java's common fork-join pool.
 *
 * <p>Measured on the 2-core machine (TrainingBench, 700 training spectra of 201 points): idle, the MLP
 * took 0.16 s per epoch with 1 thread and 0.35 s with 2, the CNN 2.55 s and 2.89 s; under a load
 * average of 15 from other jobs one thread was about 6 times faster than two (OpenMP threads spin
 * while waiting for a core). The training step therefore defaults to 1 thread.
 */
public final class BlasThreads {
    private BlasThreads() {
    }

    /** javacpp's switch for garbage-collector-driven release of native pointers. */
    static final String NO_POINTER_GC = "org.bytedeco.javacpp.nopointergc";

    /**
     * Called before ND4J is first touched: turns off javacpp's garbage-collector-driven pointer
     * release unless the user set it, because ND4J frees its buffers itself (workspaces and its own
     * deallocator) and the GC tracking roughly doubled the time of a training minibatch here
     * (MLP 201-512-256-128-64-32-1, batch 32: 60 → 30 ms on the shared 2-core machine). It has no
     * effect once javacpp is loaded, so the first entry points (training, reading a network) call it.
     */
    public static void prepare() {
        if (System.getProperty(NO_POINTER_GC) == null) {
            System.setProperty(NO_POINTER_GC, "true");
        }
    }

    /** The number of threads used when nothing is said: the processors Java sees. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts ND4J (if not yet started) and sets every native thread count to {@code threads}.
     *
     * @return what ND4J reports afterwards, for provenance (e.g. "omp=2 blas=2 backend=CPU")
     */
    public static synchronized String set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        prepare();
        Nd4j.getBackend(); // loads the backend, which NativeOpsHolder needs
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        return describe();
    }

    /** The current counts, as text. */
    public static String describe() {
        Nd4j.getBackend();
        return String.format(Locale.ROOT, "omp=%d blas=%d backend=%s",
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                Nd4j.factory().blas().getMaxThreads(), Nd4j.getBackend().getClass().getSimpleName());
    }
}
