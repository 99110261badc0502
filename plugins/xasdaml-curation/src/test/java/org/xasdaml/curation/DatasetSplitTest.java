package org.xasdaml.curation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.StepData;

class DatasetSplitTest {

    @Test
    void mersenneTwisterShuffleIsNumpysLegacyShuffle() {
        int[] idx = new int[4950];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        new MersenneTwister(42).shuffle(idx);
        assertArrayEquals(Fixtures.ints("shuffle", "perm"), idx);
        int[] small = new int[100];
        for (int i = 0; i < 100; i++) {
            small[i] = i;
        }
        new MersenneTwister(7).shuffle(small);
        assertArrayEquals(Fixtures.ints("shuffle", "perm_n100_seed7"), small);
    }

    @Test
    void randomSplitHasTheReferenceSizesAndTheReferenceTestSet() {
        DatasetSplit.Fractions f = new DatasetSplit.Fractions(0.7, 0.2, 0.1);
        String[] sets = DatasetSplit.random(4950, f, 42);
        assertArrayEquals(new int[] {3465, 990, 495}, DatasetSplit.counts(sets));
        int[] perm = Fixtures.ints("shuffle", "perm");
        for (int p = 0; p < perm.length; p++) {
            String expected = p < 3465 ? "train" : p < 3465 + 990 ? "valid" : "test";
            assertEquals(expected, sets[perm[p]], "position " + p);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        DatasetSplit.Fractions f = new DatasetSplit.Fractions(0.7, 0.2, 0.1);
        assertArrayEquals(DatasetSplit.random(500, f, 3), DatasetSplit.random(500, f, 3));
        assertNotEquals(Arrays.asList(DatasetSplit.random(500, f, 3)), Arrays.asList(DatasetSplit.random(500, f, 4)));
    }

    @Test
    void groupSplitKeepsEveryGroupOnOneSide() {
        String[] groups = new String[300];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "run" + (i / 12); // 25 runs of 12 frames
        }
        String[] sets = DatasetSplit.byGroup(groups, new DatasetSplit.Fractions(0.7, 0.2, 0.1), 42);
        Map<String, Set<String>> sidesOf = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            sidesOf.computeIfAbsent(groups[i], g -> new HashSet<>()).add(sets[i]);
        }
        for (Map.Entry<String, Set<String>> e : sidesOf.entrySet()) {
            assertEquals(1, e.getValue().size(), e.getKey() + " is on " + e.getValue());
        }
        int[] c = DatasetSplit.counts(sets);
        // whole runs of 12: training reaches 0.7 N = 210 with 18 runs (216), validation 0.9 N = 270 with 5 more (276)
        assertArrayEquals(new int[] {216, 60, 24}, c);
    }

    private static SampleTable labels(int n) {
        List<SampleId> ids = new ArrayList<>();
        double[] cn = new double[n];
        for (int i = 0; i < n; i++) {
            ids.add(new SampleId(n - 1 - i, 0)); // reversed: the step must sort by id
            cn[i] = i % 13;
        }
        return SampleTable.ofColumns(ids, List.of("CN_JmolNN"), new double[][] {cn});
    }

    @Test
    void splitStepWritesDisjointCompleteSetsKeyedBySampleId(@TempDir Path dir) throws Exception {
        SampleTable t = labels(200);
        SplitStep step = new SplitStep();
        StepData out = step.run(StepData.empty().with(SplitStep.SAMPLES, t), step.defaults(), BasicContext.quiet(dir));
        SampleTable split = out.get(SplitStep.SPLIT);
        assertEquals(200, split.rows());
        Set<SampleId> seen = new HashSet<>();
        for (var p : List.of(SplitStep.TRAIN, SplitStep.VALID, SplitStep.TEST)) {
            for (SampleId id : out.get(p).ids()) {
                assertTrue(seen.add(id), id + " in two sets");
            }
        }
        assertEquals(200, seen.size());
        assertEquals(140, out.get(SplitStep.TRAIN).rows());
        assertEquals(40, out.get(SplitStep.VALID).rows());
        // the random split is over sample-id order: position p of the sorted ids is frame p
        String[] expected = DatasetSplit.random(200, new DatasetSplit.Fractions(0.7, 0.2, 0.1), 42);
        for (int i = 0; i < 200; i++) {
            assertEquals(expected[split.ids().get(i).frame()], split.text(i, "set"));
        }
    }

    @Test
    void frameBlocksNeverStraddleSets(@TempDir Path dir) throws Exception {
        SplitStep step = new SplitStep();
        SplitStep.Options o = new SplitStep.Options(0.7, 0.2, 0.1, 5, "", 10);
        SampleTable split = step.run(StepData.empty().with(SplitStep.SAMPLES, labels(200)), o, BasicContext.quiet(dir))
                .get(SplitStep.SPLIT);
        Map<Integer, Set<String>> sides = new HashMap<>();
        for (int i = 0; i < split.rows(); i++) {
            sides.computeIfAbsent(split.ids().get(i).frame() / 10, b -> new HashSet<>()).add(split.text(i, "set"));
        }
        sides.values().forEach(s -> assertEquals(1, s.size()));
    }

    @Test
    void groupColumnFromASecondTableKeepsTemperaturesWhole(@TempDir Path dir) throws Exception {
        SampleTable t = labels(120);
        List<SampleId> ids = new ArrayList<>(t.ids());
        String[] temperature = new String[ids.size()];
        for (int i = 0; i < temperature.length; i++) {
            temperature[i] = (300 + 100 * (ids.get(i).frame() % 6)) + " K";
        }
        SampleTable groups = SampleTable.ofColumns(ids, List.of(), new double[0][]).withText("temperature", temperature);
        SplitStep step = new SplitStep();
        SplitStep.Options o = new SplitStep.Options(0.5, 0.25, 0.25, 42, "temperature", 0);
        SampleTable split = step.run(StepData.empty().with(SplitStep.SAMPLES, t).with(SplitStep.GROUPS, groups), o,
                BasicContext.quiet(dir)).get(SplitStep.SPLIT);
        Map<String, Set<String>> sides = new HashMap<>();
        for (int i = 0; i < split.rows(); i++) {
            sides.computeIfAbsent(split.text(i, "group"), g -> new HashSet<>()).add(split.text(i, "set"));
        }
        assertEquals(6, sides.size());
        sides.values().forEach(s -> assertEquals(1, s.size()));
        // six groups of 20: training takes 3 (60 = 0.5 N), validation 2 (reaching 100 >= 0.75 N), test 1
        assertEquals("60/40/20", split.meta().get("split.counts"));
    }

    @Test
    void fractionsMustSumToOne() {
        assertThrows(InvalidParameterException.class, () -> new SplitStep.Options(0.7, 0.2, 0.2, 42, "", 0));
    }
}
