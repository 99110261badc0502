package org.xasdaml.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xasdaml.structure.SampleId;

/**
 * Applies one task to many samples with a bounded number of workers, where a sample that fails
 * is recorded (with its id and the cause) and the rest go on. Results keep the input order.
 *
 * <p>Progress reports samples done, failed and remaining, and an ETA, because FEFF batches run
 * for hours and users need to know whether to wait.
 */
public final class ParallelSamples {
    private ParallelSamples() {
    }

    /** Work on one sample; may throw anything, which becomes that sample's failure. */
    @FunctionalInterface
    public interface SampleTask<S, R> {
        R apply(S item) throws Exception;
    }

    /**
     * @return one result per item, in order; null where the item failed (its failure is in the context)
     * @throws CancelledException when the context is cancelled; finished results are then lost
     *         to the caller, so tasks that matter write their results as they finish
     */
    public static <S, R> List<R> map(List<S> items, Function<S, SampleId> idOf, String stage, SampleTask<S, R> task,
                                     StepContext context) {
        int n = items.size();
        Object[] results = new Object[n];
        if (n == 0) {
            return new ArrayList<>();
        }
        int workers = Math.max(1, Math.min(context.workers(), n));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "xasdaml-" + stage.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final int idx = i;
                futures.add(pool.submit(() -> {
                    if (context.isCancelled()) {
                        return;
                    }
                    S item = items.get(idx);
                    try {
                        results[idx] = task.apply(item);
                    } catch (CancelledException e) {
                        return;
                    } catch (Exception | Error e) {
                        if (e instanceof OutOfMemoryError oom) {
                            throw oom;
                        }
                        failed.incrementAndGet();
                        context.recordFailure(new SampleFailure(idOf.apply(item), stage, messageOf(e)));
                    }
                    int d = done.incrementAndGet();
                    context.progress((double) d / n, progressText(stage, d, failed.get(), n, start));
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        context.checkCancelled();
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
        return out;
    }

    /** The message of an exception and its causes, without stack traces. */
    public static String messageOf(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        while (t != null) {
            String m = t.getMessage();
            String text = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
            // a cause already quoted by the message above it (a wrapped "No space left on device") is not repeated
            if (sb.indexOf(text) < 0 && !(sb.length() > 0 && (m == null || m.isBlank()))) {
                if (sb.length() > 0) {
                    sb.append(" <- ");
                }
                sb.append(text);
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return sb.toString();
    }

    static String progressText(String stage, int done, int failed, int total, long startNanos) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        return String.format(Locale.ROOT, "%s: %d/%d done, %d failed, %d remaining, ETA %s", stage, done, total, failed,
                total - done, duration(eta));
    }

    /** Seconds as "1h02m", "3m12s" or "14s". */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
