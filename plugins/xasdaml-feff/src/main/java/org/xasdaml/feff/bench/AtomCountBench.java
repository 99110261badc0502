package org.xasdaml.feff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffInput;
import org.xasdaml.feff.FeffOutput;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffStage;
import org.xasdaml.feff.SpectrumDifference;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;

/**
 * What the structure's atom count in the potentials card costs when samples share potentials: pymatgen's
 * card (and this project's) gives each non-absorber potential the number of atoms of its element in the
 * structure, which Feff8L uses only to weight the potentials in the SCF's charge balance and Fermi level. For
 * one sample with N atoms, this bench computes its potentials (rdinp, pot, xsph, full SCF) twice, once with
 * its own count N and once with another count M of the same elements (another frame's size), then its paths
 * (rdinp, pathfinder, genfmt, ff2x) with its own feff.inp on each, as the environment mode does, and prints
 * the k²χ relative L2 (2–12 Å⁻¹) between the two. Why: with the count in the sharing key, the periodic bulk
 * set splits into 107- and 108-atom keys and clusters of 55–200 atoms get a key (and representatives) per
 * size; if the count's effect is far below the 3 % target, the key can leave it out.
 *
 * <p>Usage: {@code AtomCountBench --dump data/cu-fresh-md.dump --counts 55,200 [--frames-per-count 1]
 * [--radius 20] [--work target/atom-count-bench]} plus the card options of {@link FullScfReference#cards}
 * (the main job's: {@code --scf-radius 4 --rpath 5.5 --nlegs 4 --crit-curved 4 --crit-plane 2.5}). For each
 * count, the first frames of that size are computed with every other count given. Absorber: atom 0.
 */
public final class AtomCountBench {
    private AtomCountBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = FullScfReference.args(args);
        Path dump = Path.of(a.getOrDefault("dump", "data/cu-fresh-md.dump"));
        int[] counts = Arrays.stream(a.getOrDefault("counts", "55,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int perCount = Integer.parseInt(a.getOrDefault("frames-per-count", "1"));
        double radius = Double.parseDouble(a.getOrDefault("radius", "20"));
        Path work = Path.of(a.getOrDefault("work", "target/atom-count-bench"));
        FeffCards cards = FullScfReference.cards(a);
        FeffProgram feff = FeffProgram.locate(null);
        List<Sample> all = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", 0, "",
                List.of(), false)).sampleList();
        Map<Integer, List<Sample>> bySize = new LinkedHashMap<>();
        for (int n : counts) {
            bySize.put(n, new ArrayList<>());
        }
        for (Sample s : all) {
            List<Sample> l = bySize.get(s.frame().size());
            if (l != null && l.size() < perCount) {
                l.add(s);
            }
        }
        System.out.println("atom-count bench, " + dump + ", cards: " + String.join("; ", cards.lines()) + "; cluster radius "
                + radius + " A");
        System.out.println("frame\tatoms\tother count\tk2chi rel L2 (2-12/A)\tCPU s (both)");
        List<Double> errors = new ArrayList<>();
        for (Map.Entry<Integer, List<Sample>> e : bySize.entrySet()) {
            for (Sample s : e.getValue()) {
                FeffInput own = FeffInput.of(s, radius, cards);
                for (int other : counts) {
                    if (other == e.getKey()) {
                        continue;
                    }
                    double cpu0 = FeffBench.childCpuSeconds();
                    Path dir = work.resolve("frame" + s.id().frame() + "-count" + other);
                    FeffOutput ownOut = run(own, own, dir.resolve("own"), feff);
                    FeffOutput otherOut = run(withCount(own, other), own, dir.resolve("other"), feff);
                    double err = SpectrumDifference.relativeL2K2Chi(otherOut, ownOut, 2, 12);
                    errors.add(err);
                    System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.2e\t%.1f%n", s.id().frame(), e.getKey(), other, err,
                            FeffBench.childCpuSeconds() - cpu0);
                }
            }
        }
        double[] x = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (x.length > 0) {
            System.out.printf(Locale.ROOT, "%d pairs: mean %.2e, max %.2e%n", x.length, Arrays.stream(x).average().orElse(Double.NaN),
                    x[x.length - 1]);
        }
    }

    /** The same input with every non-absorber potential's stoichiometry set to another atom count. */
    static FeffInput withCount(FeffInput in, int count) {
        List<FeffInput.Potential> p = new ArrayList<>();
        for (FeffInput.Potential q : in.potentials()) {
            p.add(q.ipot() == 0 ? q : new FeffInput.Potential(q.ipot(), q.element(), count));
        }
        return new FeffInput(in.title(), in.cards(), p, in.atoms());
    }

    /** Potentials (full SCF) from one input, then the paths and χ of another in the same folder, as a sample of the environment mode. */
    static FeffOutput run(FeffInput potentials, FeffInput paths, Path dir, FeffProgram feff) throws IOException {
        if (Files.isRegularFile(dir.resolve("chi.dat"))) {
            return FeffOutput.read(dir);
        }
        Files.createDirectories(dir);
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        Files.writeString(dir.resolve("feff.inp"), potentials.text());
        feff.run(dir, List.of(FeffStage.RDINP, FeffStage.POT, FeffStage.XSPH), deadline, 3600, () -> false);
        Files.writeString(dir.resolve("feff.inp"), paths.text());
        feff.run(dir, List.of(FeffStage.RDINP, FeffStage.PATHFINDER, FeffStage.GENFMT, FeffStage.FF2X), deadline, 3600, () -> false);
        return FeffOutput.read(dir);
    }
}
