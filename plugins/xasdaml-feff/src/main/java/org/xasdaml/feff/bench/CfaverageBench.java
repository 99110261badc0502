package org.xasdaml.feff.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.SpectrumDifference;
import org.xasdaml.structure.Sample;
import org.xasdaml.workflow.BasicContext;

/**
 * The effect of the reference's {@code CFAVERAGE 1 1 0} card (which pymatgen writes only when asked):
 * production cards without SCF (so that it is cheap; the card acts on the paths, not on the potentials'
 * self-consistency), every frame with and without the card, k²χ relative L2 (2–12 Å⁻¹) between the two.
 *
 * <p>Usage: {@code CfaverageBench [--clusters data/cu-md-public.dump] [--cluster-frames 20] [--bulk-frames 0]
 * [--work target/cfaverage-bench]}.
 */
public final class CfaverageBench {
    private CfaverageBench() {
    }

    public static void main(String[] args) {
        Map<String, String> a = FullScfReference.args(args);
        a.putIfAbsent("cluster-frames", "20");
        a.putIfAbsent("bulk-frames", "0");
        Path work = Path.of(a.getOrDefault("work", "target/cfaverage-bench"));
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards without = FeffCards.defaults();
        FeffCards with = without.withCfaverage(true);
        for (FullScfReference.FrameSet set : FullScfReference.sets(a)) {
            List<Sample> samples = set.samples();
            FeffBatch.Outcome o1 = FeffBatch.run(samples, new FeffBatch.Settings(without, set.clusterRadius(), FeffMode.NO_SCF, 0, 600,
                    false), feff, work.resolve(set.name() + "-without"), new BasicContext(1, work, null, System.out::println));
            FeffBatch.Outcome o2 = FeffBatch.run(samples, new FeffBatch.Settings(with, set.clusterRadius(), FeffMode.NO_SCF, 0, 600,
                    false), feff, work.resolve(set.name() + "-with"), new BasicContext(1, work, null, System.out::println));
            List<Double> err = new ArrayList<>();
            int same = 0;
            for (int i = 0; i < Math.min(o1.results().size(), o2.results().size()); i++) {
                FeffResult r1 = o1.results().get(i);
                FeffResult r2 = o2.results().get(i);
                double e = SpectrumDifference.relativeL2K2Chi(r2.output(), r1.output(), 2, 12);
                err.add(e);
                if (e == 0) {
                    same++;
                }
            }
            double[] e = err.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s set, %d frames, no SCF: k²χ rel. L2 of CFAVERAGE 1 1 0 against none: mean %.4f, "
                    + "median %.4f, max %.4f; identical on %d frames%n", set.name(), e.length, Arrays.stream(e).average().orElse(
                    Double.NaN), e[e.length / 2], e[e.length - 1], same);
        }
    }
}
