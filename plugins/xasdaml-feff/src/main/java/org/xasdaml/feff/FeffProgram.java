package org.xasdaml.feff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The installed Feff8L: where its six stage programs are, and how one of them runs in a sample's folder.
 *
 * <p>Each stage is started directly (an argument list, no shell), in the sample's own folder, with its
 * standard output and error appended to {@code feff.log} there and its input closed. A stage that
 * outlives the sample's time limit is destroyed together with any child processes. Feff8L sometimes
 * reports a fatal error and still exits with 0 ({@code STOP cannot find phase.pad}), so a stage counts
 * as successful only when it exited with 0 and left its output files ({@link FeffStage#outputs()}).
 *
 * <p>Larch runs the same six programs one after another in {@code larch.xafs.feffrunner.FeffRunner.run};
 * this class does the same without changing the process's working folder, so many samples run at once.
 */
public final class FeffProgram {
    /** Name of the log each sample's folder keeps. */
    public static final String LOG = "feff.log";

    private final Path binDir;
    private final Map<FeffStage, Path> executables;

    private FeffProgram(Path binDir, Map<FeffStage, Path> executables) {
        this.binDir = binDir;
        this.executables = executables;
    }

    /**
     * Finds Feff8L.
     *
     * @param binDir a folder holding the {@code feff8l_*} programs, or null/blank to search the PATH
     * @throws FeffException saying which program is missing where, and how to install it
     */
    public static FeffProgram locate(String binDir) {
        List<Path> dirs = new ArrayList<>();
        boolean explicit = binDir != null && !binDir.isBlank();
        if (explicit) {
            dirs.add(Path.of(binDir.strip()));
        } else {
            String path = System.getenv("PATH");
            if (path != null) {
                for (String p : path.split(java.io.File.pathSeparator)) {
                    if (!p.isBlank()) {
                        dirs.add(Path.of(p));
                    }
                }
            }
        }
        Map<FeffStage, Path> exe = new EnumMap<>(FeffStage.class);
        for (FeffStage s : FeffStage.values()) {
            for (Path d : dirs) {
                // Windows builds of Feff8L name the programs feff8l_rdinp.exe, ...
                for (String name : List.of(s.program(), s.program() + ".exe")) {
                    Path c = d.resolve(name);
                    if (!exe.containsKey(s) && Files.isRegularFile(c) && Files.isExecutable(c)) {
                        exe.put(s, c.toAbsolutePath());
                    }
                }
                if (exe.containsKey(s)) {
                    break;
                }
            }
            if (!exe.containsKey(s)) {
                String where = explicit ? "in the FEFF folder " + dirs.get(0) : "on the PATH";
                throw new FeffException("Feff8L is missing: " + s.program() + " was not found " + where
                        + ". Install Feff8L (on Debian or Ubuntu: apt-get install feff85exafs; elsewhere build it from the "
                        + "feff85exafs sources of the xraypy project), then set the option \"FEFF program folder\" "
                        + "(command line: --feff-bin) to the folder holding feff8l_rdinp, feff8l_pot, feff8l_xsph, "
                        + "feff8l_pathfinder, feff8l_genfmt and feff8l_ff2x, or put that folder on the PATH of the program "
                        + "(for KNIME: of the KNIME process).");
            }
        }
        return new FeffProgram(explicit ? dirs.get(0) : exe.get(FeffStage.RDINP).getParent(), exe);
    }

    /** The JDK's switch for how child processes are started (read once, when the JVM starts its first one). */
    static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

    /**
     * Asks the JVM to start child processes by vfork and exec rather than by JDK 17's default,
     * posix_spawn of the {@code jspawnhelper} program which then execs the target, when nothing else
     * was asked, on Linux, with a JDK that has the mechanism (17 to 21).
     *
     * <p>Why: every shared-potential sample starts four FEFF programs, and each start through
     * jspawnhelper runs one more program. Measured with {@code FeffOverheadBench} (70 Cu samples after 30,
     * one worker, load average 19–20): CPU of the child processes 0.288 s per sample with posix_spawn
     * against 0.258 s with vfork, the JVM's own time to start the four 5.3 against 4.0 ms; starting
     * {@code /bin/true} 500 times: 5.8 against 2.6 ms of child CPU per start. vfork was the JDK's own
     * default on Linux up to JDK 11.
     *
     * <p>Effective only before the JVM starts its first process, so the command line calls it first
     * thing; another host (KNIME) can give {@code -Djdk.lang.Process.launchMechanism=VFORK} to its JVM.
     */
    public static void preferVforkLaunch() {
        if (System.getProperty(LAUNCH_MECHANISM) == null && Runtime.version().feature() <= 21
                && "Linux".equals(System.getProperty("os.name"))) {
            System.setProperty(LAUNCH_MECHANISM, "VFORK");
        }
    }

    /** The folder the programs were found in. */
    public Path binDir() {
        return binDir;
    }

    public Path executable(FeffStage stage) {
        return executables.get(stage);
    }

    /**
     * Runs stages one after another in a folder that already holds {@code feff.inp} (and whatever the
     * skipped stages would have written).
     *
     * @param folder    the sample's folder
     * @param stages    stages in order
     * @param deadline  {@link System#nanoTime()} after which the sample is stopped
     * @param timeLimitSeconds the limit, for the message
     * @param cancelled polled while waiting; true stops the stage
     * @throws FeffException naming the stage and quoting FEFF's message, on failure or timeout
     */
    public void run(Path folder, List<FeffStage> stages, long deadline, double timeLimitSeconds, BooleanSupplier cancelled) {
        Path log = folder.resolve(LOG);
        for (FeffStage s : stages) {
            if (cancelled.getAsBoolean()) {
                throw new org.xasdaml.workflow.CancelledException();
            }
            runStage(folder, s, log, deadline, timeLimitSeconds, cancelled);
        }
    }

    private void runStage(Path folder, FeffStage stage, Path log, long deadline, double limit, BooleanSupplier cancelled) {
        long logStart;
        try {
            Files.writeString(log, "======== " + stage.program() + " ========\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            logStart = Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(executables.get(stage).toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        if (ChildProcesses.shuttingDown()) {
            throw new org.xasdaml.workflow.CancelledException();
        }
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new FeffException(stage.program() + " could not be started: " + e.getMessage(), e);
        }
        ChildProcesses.started(p);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    destroyTree(p);
                    throw new FeffException(String.format(Locale.ROOT, "timed out after %s s (the time limit) in %s; killed",
                            FeffCards.number(limit), stage.program()));
                }
                if (p.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)) {
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    destroyTree(p);
                    throw new org.xasdaml.workflow.CancelledException();
                }
            }
        } catch (InterruptedException e) {
            destroyTree(p);
            Thread.currentThread().interrupt();
            throw new org.xasdaml.workflow.CancelledException();
        } finally {
            ChildProcesses.finished(p);
        }
        if (ChildProcesses.shuttingDown()) {
            // killed by the shutdown hook: the run is being stopped, this sample did not fail
            throw new org.xasdaml.workflow.CancelledException();
        }
        int code = p.exitValue();
        List<String> missing = new ArrayList<>();
        for (String out : stage.outputs()) {
            if (!Files.isRegularFile(folder.resolve(out))) {
                missing.add(out);
            }
        }
        if (code != 0 || !missing.isEmpty()) {
            String said = feffMessage(log, logStart);
            String how = code == 0 ? "exited without writing " + String.join(", ", missing)
                    : code > 128 ? "crashed (signal " + (code - 128) + signalName(code - 128) + ")"
                    : "failed with exit code " + code;
            throw new FeffException(stage.program() + " " + how + (said.isEmpty() ? "" : "; FEFF said: " + said));
        }
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 6 -> ", abort";
            case 8 -> ", floating-point exception";
            case 9 -> ", killed";
            case 11 -> ", segmentation fault";
            default -> "";
        };
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Kills a stage and everything it started. */
    static void destroyTree(Process p) {
        ChildProcesses.destroyTree(p);
    }

    /**
     * FEFF's own words from the part of the log a stage wrote: its last lines (at most
     * {@link #MESSAGE_LINES}), without the version banner, gfortran's backtrace and its
     * floating-point notes, joined on one line.
     */
    static String feffMessage(Path log, long from) {
        List<String> lines;
        try {
            byte[] all = Files.readAllBytes(log);
            int start = (int) Math.min(from, all.length);
            lines = new String(all, start, all.length - start, StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("Feff8L") && !l.startsWith("#") && !l.startsWith("at ")
                            && !l.startsWith("Backtrace for this error") && !l.startsWith("Note: The following floating"))
                    .toList();
        } catch (IOException e) {
            return "";
        }
        String s = String.join(" | ", lines.subList(Math.max(0, lines.size() - MESSAGE_LINES), lines.size()));
        return s.length() > 600 ? s.substring(0, 600) + " …" : s;
    }

    /** Lines of FEFF's output quoted in a failure message. */
    static final int MESSAGE_LINES = 4;

    /** Feff8L's name and release as its programs print them (first line of a stage's output), e.g. "Feff8L (EXAFS) release 0.1". */
    public static String versionFromLog(Path log) {
        try {
            for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String s = l.strip();
                if (s.startsWith("Feff")) {
                    return s.replaceAll("\\s+", " ");
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return "Feff8L in " + binDir;
    }
}
