package org.xasdaml.descriptor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xasdaml.descriptor.BoxConvention;
import org.xasdaml.descriptor.NeighborFinder;
import org.xasdaml.descriptor.Neighbors;
import org.xasdaml.descriptor.SiteEnvironment;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.StructureFormat;

/**
 * Prints milliseconds per frame of the six neighbour finders on one thread: all six together on
 * a shared neighbour search (the step's case), then each alone. pymatgen 2022.11.7 takes about
 * 170 ms per frame for the six on one core of the project machines (Brunner 15, Voronoi 53,
 * Jmol 26, MinimumDistance 8, Crystal 53, Econ 14 ms).
 *
 * <p>Usage: {@code DescriptorBench [structure file] [passes]}; default the 1000-frame Cu dump
 * {@code data/cu-md-public.dump} (relative to the repository), 3 timed passes after one warm-up.
 */
public final class DescriptorBench {
    private DescriptorBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "data/cu-md-public.dump");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Frame> raw = StructureFormat.read(file, StructureFormat.detect(file), ReadOptions.DEFAULT).frames();
        List<Frame> frames = new ArrayList<>();
        for (Frame f : raw) {
            frames.add(BoxConvention.CLUSTER_IN_BOX.apply(f, 40.0));
        }
        List<NeighborFinder> finders = NeighborFinder.REFERENCE_METHODS.stream().map(NeighborFinder::named).toList();
        System.out.printf(Locale.ROOT, "%d frames of %s, site 0, one thread%n", frames.size(), file.getFileName());
        long sink = 0;
        sink += allSix(frames, finders); // warm-up
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        for (int p = 0; p < passes; p++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += allSix(frames, finders);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 / frames.size());
            bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / frames.size());
        }
        System.out.printf(Locale.ROOT, "all six together: %.3f ms/frame wall, %.3f ms/frame thread CPU (best of %d passes; "
                + "pymatgen ~170)%n", best, bestCpu, passes);
        for (NeighborFinder f : finders) {
            double b = Double.POSITIVE_INFINITY;
            double bc = Double.POSITIVE_INFINITY;
            for (int p = 0; p < passes; p++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += allSix(frames, List.of(f));
                b = Math.min(b, (System.nanoTime() - t0) / 1e6 / frames.size());
                bc = Math.min(bc, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / frames.size());
            }
            System.out.printf(Locale.ROOT, "  %-20s %.3f ms/frame wall, %.3f CPU, alone (own neighbour search)%n", f.name(), b, bc);
        }
        System.out.printf(Locale.ROOT, "(load average when done: %.2f on %d processors; wall times grow with other load)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long allSix(List<Frame> frames, List<NeighborFinder> finders) {
        long s = 0;
        for (Frame f : frames) {
            SiteEnvironment env = SiteEnvironment.of(f, 0);
            for (NeighborFinder nf : finders) {
                Neighbors n = nf.find(env);
                s += n.cn() + (long) n.cr(env);
            }
        }
        return s;
    }
}
