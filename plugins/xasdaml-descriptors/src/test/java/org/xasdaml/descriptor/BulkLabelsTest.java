package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Labels of periodic bulk frames: by default (box AUTO) a periodic frame keeps its own cell, so bulk fcc
 * Cu gives JmolNN CN 12; the reference's 40 Å box turns it into an isolated cube (CN 9-10). Ni needs
 * JmolNN's tolerance 0: with pymatgen's 0.45 Å its cutoff (3.45 Å) nearly touches the second shell
 * (3.52 Å). Every number against pymatgen (bulk-neighbors.csv, made by make_bulk_fixtures.py).
 */
class BulkLabelsTest {

    private static Path resource(String name) {
        return Path.of("src/test/resources/org/xasdaml/descriptor").resolve(name);
    }

    private static StructureSet read(Path dump, int frames) {
        return ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", frames, "", List.of(), false));
    }

    private static SampleTable labels(StructureSet set, BoxConvention box, double tol, Path tmp) {
        ComputeDescriptorsStep step = new ComputeDescriptorsStep();
        ComputeDescriptorsStep.Options d = step.defaults();
        ComputeDescriptorsStep.Options o = new ComputeDescriptorsStep.Options(List.of("JmolNN"), box, d.boxSize(), d.rdfRmin(),
                d.rdfRmax(), d.rdfBins(), d.rdfSigma(), d.rdfPeriodic(), d.rdfPartners(), tol);
        BasicContext ctx = BasicContext.quiet(tmp);
        SampleTable t = step.run(StepData.empty().with(ComputeDescriptorsStep.STRUCTURES, set), o, ctx)
                .get(ComputeDescriptorsStep.DESCRIPTORS);
        assertTrue(ctx.failures().isEmpty(), () -> ctx.failures().toString());
        return t;
    }

    /** Compares every fixture row of one set, convention and tolerance; returns the CNs in frame order. */
    private static int[] check(String set, String convention, double tol, SampleTable t) throws IOException {
        List<String[]> rows = Files.readAllLines(resource("bulk-neighbors.csv")).stream().skip(1).map(l -> l.split(","))
                .filter(r -> r[0].equals(set) && r[2].equals(convention) && Double.parseDouble(r[3]) == tol).toList();
        assertEquals(t.rows(), rows.size(), "fixture rows for " + set + " " + convention + " tol " + tol);
        int[] cns = new int[rows.size()];
        for (String[] r : rows) {
            int frame = Integer.parseInt(r[1]);
            int row = t.rowOf(new SampleId(frame, 0));
            String what = set + " frame " + frame + " " + convention + " tol " + tol;
            assertEquals(Integer.parseInt(r[4]), (int) t.column("CN_JmolNN")[row], what + " CN");
            assertEquals(Double.parseDouble(r[5]), t.column("CR_JmolNN")[row], 1e-6, what + " CR");
            cns[frame] = Integer.parseInt(r[4]);
        }
        return cns;
    }

    @Test
    void bulkCuByDefaultKeepsItsCellAndGivesTwelve(@TempDir Path tmp) throws IOException {
        StructureSet set = read(SharedData.file("cu-bulk-md-public.dump"), 20);
        assertTrue(set.frames().get(0).periodic());
        SampleTable auto = labels(set, new ComputeDescriptorsStep().defaults().box(), 0.45, tmp);
        int[] cn = check("cu", "cell", 0.45, auto);
        int[] boxed = check("cu", "box", 0.45, labels(set, BoxConvention.CLUSTER_IN_BOX, 0.45, tmp));
        double cellMean = 0;
        double boxMean = 0;
        for (int i = 0; i < cn.length; i++) {
            if (set.frame(i).size() == 108) {
                // no vacancy: the own cell keeps all 12 first-shell atoms (13-14 when heat brings second-shell atoms in)
                assertTrue(cn[i] >= 12, "frame " + i + ": CN " + cn[i]);
            }
            assertTrue(boxed[i] <= cn[i], "frame " + i + ": the box cannot add neighbours");
            cellMean += cn[i] / (double) cn.length;
            boxMean += boxed[i] / (double) cn.length;
        }
        // measured: 12.2 in the cell, 8.9 in the reference's box (the isolated 10.7 Å cube)
        assertTrue(cellMean > 11.5 && boxMean < 10, "mean CN " + cellMean + " in the cell, " + boxMean + " boxed");
    }

    @Test
    void bulkNiGivesTwelveWithToleranceZeroNotWithJmolsDefault(@TempDir Path tmp) throws IOException {
        StructureSet set = read(resource("ni-bulk-md.dump"), 0);
        int[] strict = check("ni", "cell", 0.0, labels(set, BoxConvention.AUTO, 0.0, tmp));
        int[] loose = check("ni", "cell", 0.45, labels(set, BoxConvention.AUTO, 0.45, tmp));
        check("ni", "box", 0.0, labels(set, BoxConvention.CLUSTER_IN_BOX, 0.0, tmp));
        int over = 0;
        for (int i = 0; i < strict.length; i++) {
            int expected = set.frame(i).size() == 108 ? 12 : 11;
            assertEquals(expected, strict[i], "Ni frame " + i + " with tolerance 0");
            over += loose[i] > expected ? 1 : 0;
        }
        assertTrue(over >= 1, "pymatgen's default tolerance counts second-shell Ni atoms in some frame");
    }
}
