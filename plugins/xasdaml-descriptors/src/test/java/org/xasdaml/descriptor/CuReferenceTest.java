package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/**
 * The step on all 1000 frames of the shared Cu dump against the reference's own labels,
 * computed by pymatgen 2022.11.7 under the 40 Å-box convention
 * (cu-md-public.descriptors.pymatgen.csv).
 */
class CuReferenceTest {

    @Test
    void allSixMethodsMatchPymatgenOnThousandFrames(@TempDir Path tmp) throws IOException {
        Path dump = SharedData.file("cu-md-public.dump");
        List<String> ref = Files.readAllLines(SharedData.file("cu-md-public.descriptors.pymatgen.csv"));
        StructureSet set = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", 0, "", List.of(), false));
        assertEquals(1000, set.samples().size());
        ComputeDescriptorsStep step = new ComputeDescriptorsStep();
        BasicContext ctx = BasicContext.quiet(tmp);
        StepData out = step.run(StepData.empty().with(ComputeDescriptorsStep.STRUCTURES, set), step.defaults(), ctx);
        assertTrue(ctx.failures().isEmpty(), () -> "failures: " + ctx.failures());
        SampleTable t = out.get(ComputeDescriptorsStep.DESCRIPTORS);
        assertEquals(1000, t.rows());
        List<String> header = Arrays.asList(ref.get(0).split(","));
        // same columns in the same order as the reference's combined file, after "index"
        assertEquals(header.subList(1, header.size()), t.columnNames());
        for (String method : NeighborFinder.REFERENCE_METHODS) {
            int cnCol = header.indexOf("CN_" + method);
            double[] cn = t.column("CN_" + method);
            double[] cr = t.column("CR_" + method);
            int same = 0;
            for (int i = 1; i < ref.size(); i++) {
                String[] v = ref.get(i).split(",");
                int frame = Integer.parseInt(v[0]);
                int row = t.rowOf(new SampleId(frame, 0));
                if ((int) cn[row] == Integer.parseInt(v[cnCol])) {
                    same++;
                    assertEquals(Double.parseDouble(v[cnCol + 1]), cr[row], 1e-6, method + " CR of frame " + frame);
                }
            }
            // measured: 1000 of 1000 for every method
            assertTrue(same >= 995, method + ": CN identical in only " + same + " of 1000 frames");
            assertEquals(1000, same, method + " CN identical frames");
        }
        // the reference's numbers for frame 0 (README: interior atom)
        int r0 = t.rowOf(new SampleId(0, 0));
        assertEquals(11, t.column("CN_JmolNN")[r0]);
        assertEquals(2.695800694372228, t.column("CR_JmolNN")[r0], 1e-12);
        assertEquals(12, t.column("CN_VoronoiNN")[r0]);
    }
}
