package org.xasdaml.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.StepData;

class FilterStepTest {

    @Test
    void excludesByTheFirstBrokenRuleAndCountsPerRule(@TempDir Path dir) throws Exception {
        double[] cn = {1, 3, 12, 13, 6, Double.NaN, 8};
        double[] cr = {2.5, 2.3, 2.6, 3.5, 3.2, 2.7, 3.21};
        List<SampleId> ids = new ArrayList<>();
        for (int i = 0; i < cn.length; i++) {
            ids.add(new SampleId(i, 0));
        }
        SampleTable labels = SampleTable.ofColumns(ids, List.of("CN_JmolNN", "CR_JmolNN"), new double[][] {cn, cr});
        SampleTable mu = SampleTable.spectra(ids, "mu", new Axis("energy", "eV", new double[] {1, 2}), new double[7][2]);
        FilterStep step = new FilterStep();
        StepData out = step.run(StepData.empty().with(FilterStep.LABELS, labels).with(FilterStep.DATA, mu), step.defaults(),
                BasicContext.quiet(dir));
        SampleTable kept = out.get(FilterStep.KEPT);
        // kept: frame 2 (CN 12, CR 2.6) and frame 4 (CN 6, CR 3.2): both bounds are inclusive
        assertEquals(List.of(new SampleId(2, 0), new SampleId(4, 0)), kept.ids());
        assertEquals(kept.ids(), out.get(FilterStep.DATA_KEPT).ids());
        assertEquals(new Axis("energy", "eV", new double[] {1, 2}), out.get(FilterStep.DATA_KEPT).axis());
        SampleTable ex = out.get(FilterStep.EXCLUDED);
        assertEquals(5, ex.rows());
        assertEquals("CN_JmolNN in [2, 12]", ex.text(0, "rule"));
        assertEquals(1.0, ex.value(0, 0));
        assertEquals("CR_JmolNN in [2.4, 3.2]", ex.text(ex.rowOf(new SampleId(1, 0)), "rule"));
        assertEquals("CN_JmolNN in [2, 12]", ex.text(ex.rowOf(new SampleId(3, 0)), "rule"));
        assertEquals("CN_JmolNN in [2, 12]", ex.text(ex.rowOf(new SampleId(5, 0)), "rule"));
        assertEquals("CR_JmolNN in [2.4, 3.2]", ex.text(ex.rowOf(new SampleId(6, 0)), "rule"));
        Summary counts = out.get(FilterStep.COUNTS);
        assertEquals(List.of(7.0, 3.0, 2.0, 2.0), java.util.Arrays.stream(counts.numbers("samples")).boxed().toList());
        assertEquals(7, labels.rows()); // the input is untouched
    }

    @Test
    void unknownColumnsAndInvertedRangesAreNamed() {
        assertThrows(InvalidParameterException.class, () -> new FilterStep.Options(List.of("JmolNN"), 12, 2, 2.4, 3.2, List.of()));
        assertThrows(InvalidParameterException.class, () -> new FilterStep.Options(List.of("JmolNN"), 2, 12, 2.4, 3.2,
                List.of("CN_x:3")));
        SampleTable t = SampleTable.ofColumns(List.of(new SampleId(0, 0)), List.of("CN_VoronoiNN"), new double[][] {{4}});
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> FilterStep.rules(new FilterStep().defaults(), t));
        assertEquals("methods", e.parameter());
    }

    /** One unparsable cell turns the CSV column into text: its rule still applies, cell by cell. */
    @Test
    void aRuleOnAColumnWithATextCellStillApplies(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("labels.csv"), """
                index,CN_JmolNN,CR_JmolNN
                0,6,2.5
                1,5,5.0
                2,8,1.2
                3,7,n/a
                4,12,2.55
                """);
        SampleTable labels = new org.xasdaml.table.TableCodec().read(dir.resolve("labels"));
        assertEquals(List.of("CR_JmolNN"), labels.textColumnNames(), "the premise: the column became text");
        List<String> warnings = new ArrayList<>();
        BasicContext ctx = new BasicContext(1, dir.resolve("w"), null, warnings::add);
        FilterStep step = new FilterStep();
        StepData out = step.run(StepData.empty().with(FilterStep.LABELS, labels), step.defaults(), ctx);
        assertEquals(List.of(new SampleId(0, 0), new SampleId(4, 0)), out.get(FilterStep.KEPT).ids());
        SampleTable ex = out.get(FilterStep.EXCLUDED);
        assertEquals(3, ex.rows());
        for (int f = 1; f <= 3; f++) {
            assertEquals("CR_JmolNN in [2.4, 3.2]", ex.text(ex.rowOf(new SampleId(f, 0)), "rule"));
        }
        assertEquals(List.of("label column CR_JmolNN holds 1 cell(s) that are not numbers (sample 3:0: 'n/a'); those samples break "
                + "the rule on CR_JmolNN and are excluded. Correct the labels file to keep them"), warnings);
    }
}
