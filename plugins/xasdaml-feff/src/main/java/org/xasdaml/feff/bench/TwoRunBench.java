package org.xasdaml.feff.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.EnvironmentPotentials;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.SimulateSpectraStep;
import org.xasdaml.structure.Sample;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;

/**
 * Two separate runs over different frames of the same kind, the criterion: the second run's mean
 * spectrum lies within 0.5 standard deviations (of the first run's spectra) of the first's at every energy
 * of μ(E) and every k of χ(k) in 2–12 Å⁻¹. Printed for each mode, so the figures of the local-scf mode (each
 * sample its own potentials over its first shell: no representative, no library) and of the environment mode
 * (both runs against one potential library, default settings) stands beside the old shared-potential mode
 * (each run takes its own first sample's potentials: the failure the issue describes) and beside no-SCF
 * potentials, which depend on no representative at all — the sampling floor of the statistic for two sets of
 * n frames (|Δmean|/SD of two independent draws is about √(2/n) × |N(0, 1)| at each point, and the worst of
 * a few hundred correlated points is larger).
 *
 * <p>Usage: {@code TwoRunBench [--clusters data/cu-md-public.dump] [--first 20] [--frames 50] [--radius 20]
 * [--modes local-scf,environment,shared-potential,no-scf] [--work target/two-run-bench] [--groups 10 --per-group 2]
 * [--local-scf-radius 3]}
 * plus the card options of {@link FullScfReference#cards} (default here: the main job's cards). Frames
 * {@code first … first+frames−1} form run 1, the next {@code frames} run 2; absorber atom 0; 2 workers.
 */
public final class TwoRunBench {
    private TwoRunBench() {
    }

    public static void main(String[] args) {
        Map<String, String> a = FullScfReference.args(args);
        FeffCards cards = FullScfReference.mainJobCards(a);
        int first = Integer.parseInt(a.getOrDefault("first", "20"));
        int n = Integer.parseInt(a.getOrDefault("frames", "50"));
        double radius = Double.parseDouble(a.getOrDefault("radius", "20"));
        Path work = Path.of(a.getOrDefault("work", "target/two-run-bench"));
        Path dump = Path.of(a.getOrDefault("clusters", "data/cu-md-public.dump"));
        List<Sample> all = FullScfReference.read(dump, first + 2 * n);
        List<Sample> one = all.subList(first, first + n);
        List<Sample> two = all.subList(first + n, first + 2 * n);
        EnvironmentPotentials.Settings d = EnvironmentPotentials.Settings.defaults();
        EnvironmentPotentials.Settings env = new EnvironmentPotentials.Settings(Integer.parseInt(a.getOrDefault("groups",
                String.valueOf(d.groups()))), Integer.parseInt(a.getOrDefault("per-group", String.valueOf(d.perGroup()))),
                work.resolve("library"), d.seed(), d.targetError(), d.mostShare());
        FeffProgram feff = FeffProgram.locate(null);
        System.out.printf(Locale.ROOT, "two runs, %s frames %d-%d and %d-%d, radius %s A, cards: %s%n", dump, first, first + n - 1,
                first + n, first + 2 * n - 1, radius, String.join("; ", cards.lines()));
        for (String m : a.getOrDefault("modes", "local-scf,environment,shared-potential,no-scf").split(",")) {
            FeffMode mode = FeffMode.of(m);
            FeffBatch.Settings s = new FeffBatch.Settings(mode == FeffMode.LOCAL_SCF ? FullScfReference.localScfCards(cards, a) : cards, radius,
                    mode, 0, 3600, false, env);
            List<String> log = new ArrayList<>();
            double cpu0 = FeffBench.childCpuSeconds();
            BasicContext c1 = new BasicContext(2, work.resolve(m + "-run1"), (f, t) -> {
                if (t != null && t.contains("environment:")) {
                    log.add("run 1: " + t);
                }
            }, System.out::println);
            FeffBatch.Outcome r1 = FeffBatch.run(one, s, feff, c1.workDir(), c1);
            BasicContext c2 = new BasicContext(2, work.resolve(m + "-run2"), (f, t) -> {
                if (t != null && t.contains("environment:")) {
                    log.add("run 2: " + t);
                }
            }, System.out::println);
            FeffBatch.Outcome r2 = FeffBatch.run(two, s, feff, c2.workDir(), c2);
            double cpu = FeffBench.childCpuSeconds() - cpu0;
            log.forEach(l -> System.out.println("  " + l));
            List<FeffResult> both = new ArrayList<>(r1.results());
            both.addAll(r2.results());
            SimulateSpectraStep.Tables t = SimulateSpectraStep.tables(both, new BasicContext(1, work, null, null));
            int n1 = r1.results().size();
            int n2 = r2.results().size();
            String reuse = "";
            if (mode == FeffMode.ENVIRONMENT) {
                long reused = r2.choices().values().stream().filter(c -> !c.computed()).map(c -> c.entry().id()).distinct().count();
                long made = r2.choices().values().stream().filter(EnvironmentPotentials.Choice::computed).map(c -> c.entry().id())
                        .distinct().count();
                reuse = String.format(Locale.ROOT, "; run 2 used %d sets from run 1's library and computed %d", reused, made);
            }
            double zMu = worstZ(t.mu(), n1, n2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            double zChi = worstZ(t.chi(), n1, n2, 2, 12);
            System.out.printf(Locale.ROOT, "%s: %d + %d spectra, worst |mean2 - mean1| / SD1: mu(E) %.3f, chi(k) 2-12 %.3f; "
                    + "FEFF CPU %.0f s%s%n", m, n1, n2, zMu, zChi, cpu, reuse);
            System.out.printf(Locale.ROOT, "  the same statistic over %d random splits of these %d spectra into %d + %d (seed 42): "
                    + "%s%n", SPLITS, n1 + n2, n1, n2, splits(t, n1, n2, zMu, zChi));
        }
    }

    /** Random splits drawn by {@link #splits}. */
    static final int SPLITS = 500;

    /**
     * Where the two runs' figures lie among random splits of the same spectra into two sets of the same sizes:
     * median, 90th percentile and the share above 0.5 for μ(E) and χ(k), and the percentile of the runs' own
     * figure. Why: when every sample has its own potentials (local-scf, full SCF) the two runs differ only by which
     * frames they drew, and this shows how often two draws of n frames exceed the 0.5 bound by chance.
     */
    static String splits(SimulateSpectraStep.Tables t, int n1, int n2, double zMu, double zChi) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        double[][] mu = t.mu().matrix();
        double[][] chi = t.chi().matrix();
        double[] zm = new double[SPLITS];
        double[] zc = new double[SPLITS];
        int[] order = new int[n1 + n2];
        for (int s = 0; s < SPLITS; s++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            double[][] pm = new double[order.length][];
            double[][] pc = new double[order.length][];
            for (int i = 0; i < order.length; i++) {
                pm[i] = mu[order[i]];
                pc[i] = chi[order[i]];
            }
            zm[s] = worstZ(pm, t.mu(), n1, n2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            zc[s] = worstZ(pc, t.chi(), n1, n2, 2, 12);
        }
        return "mu(E) " + describe(zm, zMu) + "; chi(k) " + describe(zc, zChi);
    }

    private static String describe(double[] z, double own) {
        double[] s = z.clone();
        java.util.Arrays.sort(s);
        long above = java.util.Arrays.stream(s).filter(v -> v > 0.5).count();
        long below = java.util.Arrays.stream(s).filter(v -> v < own).count();
        return String.format(Locale.ROOT, "median %.3f, 90th percentile %.3f, above 0.5 in %.0f %%, the two runs' %.3f at percentile %.0f",
                s[s.length / 2], s[(int) (0.9 * s.length)], 100.0 * above / s.length, own, 100.0 * below / s.length);
    }

    /** max over the columns (axis in [lo, hi]) of |mean(rows n1 … n1+n2) − mean(rows 0 … n1)| / SD(rows 0 … n1). */
    static double worstZ(SampleTable t, int n1, int n2, double lo, double hi) {
        return worstZ(t.matrix(), t, n1, n2, lo, hi);
    }

    private static double worstZ(double[][] m, SampleTable t, int n1, int n2, double lo, double hi) {
        double worst = 0;
        for (int j = 0; j < m[0].length; j++) {
            double x = t.axis().get(j);
            if (x < lo - 1e-9 || x > hi + 1e-9) {
                continue;
            }
            double m1 = 0;
            double m2 = 0;
            for (int i = 0; i < n1; i++) {
                m1 += m[i][j];
            }
            m1 /= n1;
            for (int i = n1; i < n1 + n2; i++) {
                m2 += m[i][j];
            }
            m2 /= n2;
            double v = 0;
            for (int i = 0; i < n1; i++) {
                v += (m[i][j] - m1) * (m[i][j] - m1);
            }
            double sd = Math.sqrt(v / (n1 - 1));
            if (sd > 0) {
                worst = Math.max(worst, Math.abs(m2 - m1) / sd);
            }
        }
        return worst;
    }
}
