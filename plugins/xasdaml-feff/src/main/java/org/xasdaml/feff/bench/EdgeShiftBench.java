package org.xasdaml.feff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.EnvironmentDescriptor;
import org.xasdaml.feff.EnvironmentGroups;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffInput;
import org.xasdaml.feff.FeffOutput;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.FeffStage;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.xafs.ExafsVariation;

/**
 * Is the environment mode's error the representative's edge energy? For every frame with full SCF (in
 * a {@link FullScfReference} folder, {@code --full DIR}) this bench runs
 * <ul>
 * <li>a small-radius SCF ({@code --small-radius 2.7} Å, {@code --small-iterations 30}) with the same
 * cards otherwise: rdinp + pot + xsph (timed apart: what an edge-energy estimate costs), then pathfinder,
 * genfmt, ff2x on those potentials (the "per-sample small SCF" candidate);</li>
 * <li>every pair (i, j): frame i's paths on frame j's full-SCF potentials (the environment mode),</li>
 * </ul>
 * and judges against frame i's full SCF (k²χ relative L2, 2–12 Å⁻¹): the pair as it is, the pair with
 * χ moved by f·(e0 of i's small SCF − e0 of j's full SCF) ({@link ExafsVariation#shiftE0}, f = 0.5,
 * 0.75, 1), the same with the full-SCF e0 of i (the best a perfect edge estimate can do), and the small
 * SCF alone. Every FEFF run is kept small and resumable under {@code --work}.
 */
public final class EdgeShiftBench {
    private EdgeShiftBench() {
    }

    static final double[] FACTORS = {0.5, 0.75, 1.0};

    public static void main(String[] args) throws IOException {
        Map<String, String> a = FullScfReference.args(args);
        Path full = Path.of(a.get("full"));
        Path work = Path.of(a.getOrDefault("work", "target/edge-shift-bench"));
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards cards = FullScfReference.cards(a);
        double smallR = Double.parseDouble(a.getOrDefault("small-radius", "2.7"));
        int smallIt = Integer.parseInt(a.getOrDefault("small-iterations", "30"));
        double smallCa = Double.parseDouble(a.getOrDefault("small-ca", "0.1"));
        int smallLfms = Integer.parseInt(a.getOrDefault("small-lfms", "0"));
        FeffCards small = cards.withScf(new FeffCards.Scf(smallR, smallLfms, smallIt, smallCa, 1));
        System.out.println("Edge-shift benchmark, cards: " + String.join("; ", cards.lines()) + "; small SCF " + smallR + " Å, "
                + smallIt + " iterations");
        for (FullScfReference.FrameSet set : FullScfReference.sets(a)) {
            List<Integer> frames = new ArrayList<>();
            Map<Integer, FeffOutput> fullOut = new HashMap<>();
            Map<Integer, FeffInput> inputs = new HashMap<>();
            Map<Integer, Sample> samples = new HashMap<>();
            Map<Integer, EnvironmentDescriptor> desc = new HashMap<>();
            for (Sample s : set.samples()) {
                Path f = FeffBatch.sampleFolder(full.resolve(set.name()), s.id());
                if (Files.isRegularFile(f.resolve("result.txt")) && Files.isRegularFile(f.resolve("phase.pad"))) {
                    int fr = s.id().frame();
                    frames.add(fr);
                    fullOut.put(fr, FeffResult.read(f).output());
                    FeffInput in = FeffInput.of(s, set.clusterRadius(), cards);
                    inputs.put(fr, in);
                    samples.put(fr, s);
                    desc.put(fr, EnvironmentDescriptor.of(in, cards.scf().rfms(), "bench"));
                }
            }
            System.out.printf(Locale.ROOT, "%n== %s set: %d frames with full SCF and potentials files: %s ==%n", set.name(), frames.size(),
                    frames);
            if (frames.size() < 2) {
                continue;
            }
            // 1. small SCF per frame
            Map<Integer, double[]> smallInfo = new HashMap<>(); // cpu pot+xsph, cpu paths, e0, mu
            Map<Integer, FeffOutput> smallOut = new HashMap<>();
            for (int fr : frames) {
                Path dir = work.resolve("small-" + smallR + "-" + smallIt + "-" + smallCa + (smallLfms != 0 ? "-lfms" + smallLfms : "")).resolve(set.name()).resolve("f" + fr);
                Path info = dir.resolve("small.txt");
                if (!Files.isRegularFile(info)) {
                    PotentialBench.recreate(dir);
                    Files.writeString(dir.resolve("feff.inp"), FeffInput.of(samples.get(fr), set.clusterRadius(), small).text());
                    double c0 = FeffBench.childCpuSeconds();
                    feff.run(dir, List.of(FeffStage.RDINP, FeffStage.POT, FeffStage.XSPH), System.nanoTime() + (long) 3600e9, 3600,
                            () -> false);
                    double c1 = FeffBench.childCpuSeconds();
                    feff.run(dir, List.of(FeffStage.PATHFINDER, FeffStage.GENFMT, FeffStage.FF2X), System.nanoTime() + (long) 3600e9, 3600,
                            () -> false);
                    double c2 = FeffBench.childCpuSeconds();
                    FeffOutput o = FeffOutput.read(dir);
                    keepOnly(dir, List.of("feff.inp", "xmu.dat", "chi.dat", "xsect.json"));
                    Files.writeString(dir.resolve("small.txt"), String.format(Locale.ROOT, "%.3f %.3f %.4f %.4f%n", c1 - c0, c2 - c1,
                            o.omega()[0] - o.e()[0], o.e()[0]));
                    System.out.printf(Locale.ROOT, "  small SCF %s frame %d: pot+xsph %.2f CPU s, paths %.2f%n", set.name(), fr, c1 - c0,
                            c2 - c1);
                }
                smallInfo.put(fr, Arrays.stream(Files.readString(info).strip().split(" ")).mapToDouble(Double::parseDouble).toArray());
                smallOut.put(fr, FeffOutput.read(dir));
            }
            // 2. every pair
            Map<String, FeffOutput> pairs = new HashMap<>();
            List<Double> pairCpu = new ArrayList<>();
            for (int i : frames) {
                for (int j : frames) {
                    if (i == j) {
                        continue;
                    }
                    Path dir = work.resolve("cross").resolve(set.name()).resolve("f" + i + "_pot" + j);
                    if (!Files.isRegularFile(dir.resolve("done"))) {
                        double cpu = PotentialBench.runOnPotentials(feff, dir, inputs.get(i),
                                FeffBatch.sampleFolder(full.resolve(set.name()), new SampleId(j, 0)));
                        keepOnly(dir, List.of("xmu.dat", "chi.dat"));
                        Files.writeString(dir.resolve("done"), String.format(Locale.ROOT, "%.3f%n", cpu));
                    }
                    pairCpu.add(Double.parseDouble(Files.readString(dir.resolve("done")).strip()));
                    pairs.put(i + "," + j, FeffOutput.read(dir));
                }
            }
            // 3. errors
            Map<String, double[]> err = new HashMap<>(); // per pair: plain, small-e0 shift by factor, full-e0 shift by factor
            StringBuilder tsv = new StringBuilder("# i\tj\tdistance\te0_full_i\te0_full_j\te0_small_i\tplain");
            for (double f : FACTORS) {
                tsv.append("\tsmall_e0_x").append(f);
            }
            for (double f : FACTORS) {
                tsv.append("\tfull_e0_x").append(f);
            }
            tsv.append('\n');
            for (int i : frames) {
                double e0i = e0(fullOut.get(i));
                for (int j : frames) {
                    if (i == j) {
                        continue;
                    }
                    FeffOutput p = pairs.get(i + "," + j);
                    double e0j = e0(p);
                    double[] e = new double[1 + 2 * FACTORS.length];
                    e[0] = error(p.chiK(), p.chi(), fullOut.get(i));
                    for (int n = 0; n < FACTORS.length; n++) {
                        e[1 + n] = error(p.chiK(), ExafsVariation.shiftE0(p.chiK(), p.chi(), FACTORS[n] * (smallInfo.get(i)[2] - e0j)),
                                fullOut.get(i));
                        e[1 + FACTORS.length + n] = error(p.chiK(), ExafsVariation.shiftE0(p.chiK(), p.chi(), FACTORS[n] * (e0i - e0j)),
                                fullOut.get(i));
                    }
                    err.put(i + "," + j, e);
                    tsv.append(String.format(Locale.ROOT, "%d\t%d\t%.5f\t%.4f\t%.4f\t%.4f", i, j,
                            Math.sqrt(desc.get(i).distance2(desc.get(j))), e0i, e0j, smallInfo.get(i)[2]));
                    for (double v : e) {
                        tsv.append(String.format(Locale.ROOT, "\t%.5f", v));
                    }
                    tsv.append('\n');
                }
            }
            Files.writeString(work.resolve("pairs-" + set.name() + ".tsv"), tsv.toString());
            // small SCF alone, and its edge against full SCF's
            double[] smallErr = new double[frames.size()];
            double[] e0diff = new double[frames.size()];
            double[] potCpu = new double[frames.size()];
            double[] pathCpuSmall = new double[frames.size()];
            for (int n = 0; n < frames.size(); n++) {
                int fr = frames.get(n);
                FeffOutput so = smallOut.get(fr);
                smallErr[n] = error(so.chiK(), so.chi(), fullOut.get(fr));
                e0diff[n] = Math.abs(smallInfo.get(fr)[2] - e0(fullOut.get(fr)));
                potCpu[n] = smallInfo.get(fr)[0];
                pathCpuSmall[n] = smallInfo.get(fr)[1];
            }
            System.out.println("k²χ rel. L2 vs full SCF (2-12 Å⁻¹)                          mean    median  max");
            row("small SCF of the frame itself (per-sample, no representative)", smallErr);
            row("|e0 small SCF − e0 full SCF| (eV)", e0diff);
            String[] names = new String[1 + 2 * FACTORS.length];
            names[0] = "as is";
            for (int n = 0; n < FACTORS.length; n++) {
                names[1 + n] = String.format(Locale.ROOT, "shift %.2f × (e0 small i − e0 j)", FACTORS[n]);
                names[1 + FACTORS.length + n] = String.format(Locale.ROOT, "shift %.2f × (e0 full i − e0 j) [oracle]", FACTORS[n]);
            }
            for (int v = 0; v < names.length; v++) {
                double[] near = new double[frames.size()];
                double[] best = new double[frames.size()];
                for (int n = 0; n < frames.size(); n++) {
                    int i = frames.get(n);
                    int nj = -1;
                    double b = Double.POSITIVE_INFINITY;
                    for (int j : frames) {
                        if (j != i) {
                            if (nj < 0 || desc.get(i).distance2(desc.get(j)) < desc.get(i).distance2(desc.get(nj))) {
                                nj = j;
                            }
                            b = Math.min(b, err.get(i + "," + j)[v]);
                        }
                    }
                    near[n] = err.get(i + "," + nj)[v];
                    best[n] = b;
                }
                row("nearest other frame, " + names[v], near);
                row("best other frame, " + names[v], best);
            }
            // k-means representatives, as the environment mode chooses them
            double[][] x = new double[frames.size()][];
            for (int n = 0; n < frames.size(); n++) {
                x[n] = desc.get(frames.get(n)).vector();
            }
            System.out.println("representatives K by k-means, error of the others: K judged | as is | shift 1.0 × small e0 | "
                    + "shift 0.75 × small e0");
            for (int k : new int[] {1, 2, 3, 4, 6, 8, 10, 12, 16, 20}) {
                if (k >= frames.size() - 1) {
                    break;
                }
                int[] reps = EnvironmentGroups.representatives(x, k, 1, 42);
                List<double[]> e = new ArrayList<>();
                for (int n = 0; n < frames.size(); n++) {
                    final int nn = n;
                    if (Arrays.stream(reps).anyMatch(r -> r == nn)) {
                        continue;
                    }
                    int br = reps[0];
                    for (int r : reps) {
                        if (PotentialBench.EnvironmentDescriptorDistance.d2(x[n], x[r]) < PotentialBench.EnvironmentDescriptorDistance.d2(x[n], x[br])) {
                            br = r;
                        }
                    }
                    e.add(err.get(frames.get(n) + "," + frames.get(br)));
                }
                System.out.printf(Locale.ROOT, "  K %-3d %-3d |%s |%s |%s%n", reps.length, e.size(), stats(e, 0), stats(e, 3), stats(e, 2));
            }
            System.out.printf(Locale.ROOT, "CPU s/frame: small SCF rdinp+pot+xsph %.2f (max %.2f), its paths %.2f; paths on given "
                    + "potentials %.2f (%d runs)%n", mean(potCpu), Arrays.stream(potCpu).max().orElse(0), mean(pathCpuSmall),
                    pairCpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), pairCpu.size());
        }
    }

    static double e0(FeffOutput o) {
        return o.omega()[0] - o.e()[0];
    }

    static double error(double[] k, double[] chi, FeffOutput ref) {
        return org.xasdaml.feff.SpectrumDifference.relativeL2K2Chi(new FeffOutput(new double[0], new double[0], new double[0],
                new double[0], new double[0], k, chi), ref, 2, 12);
    }

    private static String stats(List<double[]> e, int v) {
        double[] s = e.stream().mapToDouble(x -> x[v]).toArray();
        return String.format(Locale.ROOT, " %.4f %.4f %.4f", mean(s), median(s), Arrays.stream(s).max().orElse(Double.NaN));
    }

    private static void row(String name, double[] e) {
        System.out.printf(Locale.ROOT, "  %-62s %.4f  %.4f  %.4f%n", name, mean(e), median(e), Arrays.stream(e).max().orElse(Double.NaN));
    }

    static double mean(double[] e) {
        return Arrays.stream(e).average().orElse(Double.NaN);
    }

    static double median(double[] e) {
        double[] s = e.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void keepOnly(Path dir, List<String> keep) throws IOException {
        try (var l = Files.list(dir)) {
            for (Path p : l.toList()) {
                if (!keep.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
    }
}
