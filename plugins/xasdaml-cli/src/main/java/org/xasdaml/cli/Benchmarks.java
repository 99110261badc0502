package org.xasdaml.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureSet;

/**
 * Benchmarks that print figures (never timed unit tests): each runs a warm-up, then repeats
 * and reports the median and the best time.
 */
final class Benchmarks {
    private Benchmarks() {
    }

    /** The Cu dump bundled with the project, found from the working directory or the launcher's folder. */
    static Path bundledCuDump() {
        String home = System.getProperty("xasdaml.home", ".");
        return Path.of(home, "data", "cu-md-public.dump");
    }

    static int structures(CommandLine cl, PrintStream out) throws Exception {
        Path file = cl.words().size() > 2 ? Main.requireFile(cl.words().get(2)) : bundledCuDump();
        int repeats = Integer.parseInt(cl.options().getOrDefault("repeats", "10"));
        ReadStructuresStep step = new ReadStructuresStep();
        ReadStructuresStep.Options o = step.defaults();
        StructureSet set = null;
        for (int i = 0; i < 3; i++) {
            set = ReadStructuresStep.read(file, o);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            set = ReadStructuresStep.read(file, o);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        out.println(String.format(Locale.ROOT, "read %s: %d frames, %d atoms; warm median %.1f ms, best %.1f ms over %d runs "
                        + "(includes SHA-256 of the file)", file.getFileName(), set.frames().size(),
                set.frames().stream().mapToInt(f -> f.size()).sum(), ms[repeats / 2], ms[0], repeats));
        return 0;
    }
}
