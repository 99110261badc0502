package org.xasdaml.feff;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The FEFF processes this JVM is running, so that they end with it.
 *
 * <p>Why: Java does not kill its children when it is stopped by SIGTERM or Ctrl-C, so an
 * interrupted run left {@code feff8l_pot} writing into sample folders that a prompt rerun would
 * then reuse. A shutdown hook destroys every registered process and its descendants
 * ({@link ProcessHandle#descendants}), and from then on no new stage starts: the waiting workers
 * see a cancellation, not a sample failure, so no provenance records a half-killed batch.
 *
 * <p>This is the one piece of process-wide state in the module, because the JVM's shutdown is
 * process-wide: a hook cannot belong to one run.
 */
final class ChildProcesses {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ChildProcesses() {
    }

    /** Records a started process; it is destroyed with its descendants if the JVM shuts down before {@link #finished}. */
    static void started(Process p) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::destroyAll, "xasdaml: stop FEFF processes"));
        }
        RUNNING.add(p);
        if (SHUTTING_DOWN.get()) {
            destroyTree(p);
        }
    }

    static void finished(Process p) {
        RUNNING.remove(p);
    }

    /** Whether the JVM is shutting down (no new FEFF stage may start). */
    static boolean shuttingDown() {
        return SHUTTING_DOWN.get();
    }

    private static void destroyAll() {
        SHUTTING_DOWN.set(true);
        for (Process p : RUNNING) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : RUNNING) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Kills a process and everything it started, and waits (up to 5 s) for it to end. */
    static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
