package org.xasdaml.feff.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.xasdaml.feff.ComputeWaveletStep;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.SimulateSpectraStep;
import org.xasdaml.feff.WaveletMaps;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.TableCodec;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/**
 * Memory and disk of the FEFF outputs at dataset scale: takes the finished samples of a FEFF batch
 * (their {@code result.txt}), repeats them to {@code --samples} samples, and runs what the FEFF step
 * does after FEFF (μ and χ tables, written) and the wavelet step (maps streamed and written), printing
 * time, peak heap and file sizes. Run it with the heap limit to be proven, e.g. {@code java -Xmx2g}.
 *
 * <p>Usage: {@code ScaleBench --from <batch work folder> [--samples 5000] [--work DIR]}.
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path from = Path.of(a.get("from"));
        int n = Integer.parseInt(a.getOrDefault("samples", "5000"));
        Path work = Path.of(a.getOrDefault("work", "target/feff-scale"));
        Files.createDirectories(work);
        List<FeffResult> seeds = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(from.resolve("samples"))) {
            for (Path d : dirs.sorted().toList()) {
                if (Files.isRegularFile(d.resolve(FeffResult.FILE))) {
                    seeds.add(FeffResult.read(d));
                }
            }
        }
        long t0 = System.nanoTime();
        List<FeffResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FeffResult s = seeds.get(i % seeds.size());
            results.add(new FeffResult(new SampleId(i, 0), s.inputDigest(), s.mode(), s.seconds(), s.output()));
        }
        BasicContext ctx = new BasicContext(Runtime.getRuntime().availableProcessors(), work.resolve("work"), null, System.out::println);
        SimulateSpectraStep.Tables t = SimulateSpectraStep.tables(results, ctx);
        TableCodec codec = new TableCodec();
        codec.write(t.mu(), work.resolve("out").resolve("mu"));
        codec.write(t.chi(), work.resolve("out").resolve("chi"));
        double tTables = (System.nanoTime() - t0) / 1e9;
        ComputeWaveletStep step = new ComputeWaveletStep();
        StepData w = step.run(StepData.empty().with(ComputeWaveletStep.CHI, t.chi()), step.defaults(), ctx);
        WaveletMaps maps = w.get(ComputeWaveletStep.WAVELET);
        WaveletMaps.TYPE.codec().write(maps, work.resolve("out").resolve("wavelet"));
        double tAll = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%d samples (from %d FEFF results), heap limit %d MB, peak heap used %d MB%n", n, seeds.size(),
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        System.out.printf(Locale.ROOT, "mu table %d x %d, chi table %d x %d: %.1f s; wavelet maps %d x %d x %d float32: %.1f s%n",
                t.mu().rows(), t.mu().numericColumns(), t.chi().rows(), t.chi().numericColumns(), tTables, maps.size(),
                maps.r().length, maps.k().length, tAll - tTables);
        for (String f : List.of("mu.npz", "chi.npz", "wavelet.npz")) {
            System.out.printf(Locale.ROOT, "  %-12s %8.1f MB%n", f, Files.size(work.resolve("out").resolve(f)) / 1e6);
        }
        System.out.printf(Locale.ROOT, "  %-12s %8.1f MB (work folder, raw float32)%n", "maps.f32",
                Files.size(work.resolve("work").resolve("wavelet-maps.f32")) / 1e6);
    }
}
