package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;
import org.xasdaml.xafs.ChiSpectrum;

/** The format of {@code bench compare}'s lines (names, units, fields), which bench/compare-python.sh parses; not timings. */
class CompareBenchTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final String XDI = "../xasdaml-xafs/src/test/resources/org/xasdaml/xafs/data/cu_metal_rt.xdi";
    static final Pattern LINE = Pattern.compile("compare java (\\S+) items=(\\d+) unit=(frame|spectrum|fit|sample) "
            + "wall_ms=(\\d+\\.\\d{4}) cpu_ms=(\\d+\\.\\d{4}) proc_cpu_ms=(\\d+\\.\\d{4}) threads=(\\d+) repeats=(\\d+) "
            + "detail=(\\S+)");

    int run(String... args) {
        Main m = new Main(StepRegistry.of(List.<Step<?>>of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return m.run(args);
    }

    @Test
    void printsOneLinePerOperationInTheScriptsFormat() throws Exception {
        Path table = dir.resolve("table");
        assertEquals(0, run("bench", "compare", "--frames", "2", "--repeats", "1", "--samples", "40",
                "--only", "descriptors,xafs,ml", "--warm-up-seconds", "0", "--dump", "../../data/cu-md-public.dump", "--xdi", XDI, "--write-table", table.toString()),
                err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("compare ")).toList();
        List<String> ops = List.of("descriptors_six_methods", "larch_pre_edge", "larch_autobk", "larch_xftf",
                "larch_cauchy_wavelet", "random_forest_fit_leaf1", "random_forest_fit_leaf5", "pca2_fit");
        List<String> units = List.of("frame", "spectrum", "spectrum", "spectrum", "spectrum", "fit", "fit", "fit");
        List<Integer> items = List.of(2, 1, 1, 1, 1, 1, 1, 1);
        List<Integer> repeats = List.of(1, 20, 20, 20, 4, 1, 1, 4);
        assertEquals(ops.size(), lines.size(), out.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < ops.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(ops.get(i), m.group(1));
            assertEquals(items.get(i), Integer.parseInt(m.group(2)), lines.get(i));
            assertEquals(units.get(i), m.group(3), lines.get(i));
            assertTrue(Double.parseDouble(m.group(4)) > 0 && Double.parseDouble(m.group(5)) > 0, lines.get(i));
            assertTrue(Double.parseDouble(m.group(6)) >= 0, lines.get(i));
            assertEquals("1", m.group(7), "one worker thread: " + lines.get(i));
            assertEquals(repeats.get(i), Integer.parseInt(m.group(8)), lines.get(i));
        }
        assertTrue(lines.get(5).contains("detail=40x201,150trees,depth15,sqrt,bootstrap,min_leaf1"), lines.get(5));
        assertTrue(lines.get(6).contains("detail=40x201,150trees,depth15,sqrt,bootstrap,min_leaf5"), lines.get(6));
        // the table the Python side reads: 40 spectra of 201 k points, ids (frame, site), and the label column
        SampleTable spectra = TableCodec.readNpz(table.resolve("spectra.npz"));
        assertEquals(40, spectra.rows());
        assertEquals(201, spectra.numericColumns());
        assertEquals(new SampleId(39, 0), spectra.ids().get(39));
        assertEquals("index,CN_JmolNN", Files.readAllLines(table.resolve("labels.csv")).get(0));
    }

    /**
     * The feff section with real FEFF (one warm-up sample, two timed ones): the FEFF programs' CPU and this
     * program's own, per sample, and the timed batch's folders where larch_feff.py reads them.
     */
    @Test
    void feffSectionPrintsTheProgramsAndTheOwnCpuPerSample() throws Exception {
        Path table = dir.resolve("table");
        assertEquals(0, run("bench", "compare", "--only", "feff", "--feff-warm", "1", "--feff-samples", "2",
                "--dump", "../../data/cu-md-public.dump", "--write-table", table.toString()), err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("compare ")).toList();
        assertEquals(2, lines.size(), out.toString(StandardCharsets.UTF_8));
        List<String> ops = List.of("feff_programs", "feff_own_overhead");
        for (int i = 0; i < 2; i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(ops.get(i), m.group(1));
            assertEquals("sample", m.group(3));
            assertEquals(2, Integer.parseInt(m.group(8)), lines.get(i));
        }
        // FEFF's four programs per sample take far more CPU than this program around them (10 ms ticks: > 0)
        double programs = Double.parseDouble(LINE.matcher(lines.get(0)).replaceAll("$5"));
        assertTrue(programs > 0, lines.get(0));
        assertTrue(lines.get(1).contains(",share="), lines.get(1));
        for (String f : List.of("f0_s0", "f1_s0")) {
            assertTrue(Files.isRegularFile(table.resolve("feff/timed/samples").resolve(f).resolve("feff.inp")), f);
        }
        try (var shared = Files.list(table.resolve("feff/timed/shared"))) {
            assertTrue(Files.isRegularFile(shared.findFirst().orElseThrow().resolve("phase.pad")));
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("bench", "compare", "--frame", "2"));
        assertEquals("error: unknown option --frame for 'bench compare'; see --help\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("bench", "compare", "--repeats", "0"));
        assertEquals("error: --repeats must be a whole number of at least 1, got '0'\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("bench", "compare", "--only", "fft"));
        assertEquals("error: --only takes descriptors,xafs,ml,nn,feff, got 'fft'\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void chiIsInterpolatedAsNumpyInterp() {
        // np.interp([0, 0.5, 1.25, 3], [0.5, 1, 2], [1, 3, 5]) = [1, 1, 3.5, 5]
        ChiSpectrum c = CompareBench.onGrid(new ChiSpectrum(new double[] {0.5, 1, 2}, new double[] {1, 3, 5}), 0, 3, 0.25);
        assertEquals(13, c.size());
        assertEquals(1.0, c.chi()[0], 1e-15);
        assertEquals(1.0, c.chi()[2], 1e-15);
        assertEquals(2.0, c.chi()[3], 1e-15);
        assertEquals(3.5, c.chi()[5], 1e-15);
        assertEquals(5.0, c.chi()[12], 1e-15);
    }
}
