package org.xasdaml.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.AbsorberChoice;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureFormat;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRegistry;

class ComputeDescriptorsStepTest {

    private static ComputeDescriptorsStep.Options with(List<String> methods, double rmin, double rmax, String partners) {
        return new ComputeDescriptorsStep.Options(methods, BoxConvention.CLUSTER_IN_BOX, 40, rmin, rmax, 100, 0.1, true, partners, 0.45);
    }

    @Test
    void registeredUnderItsCommand() {
        StepRegistry r = StepRegistry.load(getClass().getClassLoader());
        assertEquals(ComputeDescriptorsStep.class, r.byId("descriptors").getClass());
        assertEquals(ComputeDescriptorsStep.class, r.byCommand(List.of("descriptors", "compute")).getClass());
    }

    @Test
    void optionsRoundTripThroughText() {
        ComputeDescriptorsStep step = new ComputeDescriptorsStep();
        ParameterSet<ComputeDescriptorsStep.Options> ps = ParameterSet.of(step.defaults());
        ComputeDescriptorsStep.Options o = ps.fromText(Map.of("methods", "JmolNN,CrystalNN", "box", "AS_READ", "rdfBins", "50"));
        assertEquals(List.of("JmolNN", "CrystalNN"), o.methods());
        assertEquals(BoxConvention.AS_READ, o.box());
        assertEquals(50, o.rdfBins());
        assertEquals(8.0, o.rdfRmax());
        assertEquals(o, ps.fromText(ps.toText(o)));
        assertEquals(NeighborFinder.REFERENCE_METHODS, step.defaults().methods());
    }

    @Test
    void badOptionsNameTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> with(List.of("JmolNN"), 8, 1, ""));
        assertEquals("rdfRmax", e.parameter());
        e = assertThrows(InvalidParameterException.class, () -> with(List.of("JmolNN", "Jmol"), 1, 8, ""));
        assertEquals("methods", e.parameter());
        assertTrue(e.getMessage().contains("Jmol"));
        e = assertThrows(InvalidParameterException.class, () -> with(List.of("JmolNN", "JmolNN"), 1, 8, ""));
        assertEquals("methods", e.parameter());
        e = assertThrows(InvalidParameterException.class, () -> with(List.of(), 1, 8, ""));
        assertEquals("methods", e.parameter());
        e = assertThrows(InvalidParameterException.class, () -> with(List.of("JmolNN"), 1, 8, "Qq"));
        assertEquals("rdfPartners", e.parameter());
    }

    @Test
    void aBadSampleIsReportedAndTheOthersGoOn(@TempDir Path tmp) throws IOException {
        List<Frame> cu = StructureFormat.read(SharedData.file("cu-md-public.dump"), StructureFormat.parse("auto"), ReadOptions.DEFAULT)
                .frames().subList(0, 3);
        // frame 3: two atoms only, 9 Å apart: no neighbour within MinimumDistanceNN's 10 Å? there is one;
        // but BrunnerNN_relative needs two distances within 8 Å
        Frame lonely = new Frame(3, List.of(Element.of("Cu"), Element.of("Cu")), new double[] {0, 0, 0, 9, 0, 0},
                cu.get(0).lattice(), null);
        List<Frame> frames = new java.util.ArrayList<>(cu);
        frames.add(lonely);
        StructureSet set = StructureSet.of(frames, AbsorberChoice.parse("0"), "test", "", List.of());
        ComputeDescriptorsStep step = new ComputeDescriptorsStep();
        BasicContext ctx = BasicContext.quiet(tmp);
        StepData out = step.run(StepData.empty().with(ComputeDescriptorsStep.STRUCTURES, set), step.defaults(), ctx);
        SampleTable t = out.get(ComputeDescriptorsStep.DESCRIPTORS);
        assertEquals(3, t.rows());
        assertEquals(1, ctx.failures().size());
        assertEquals(new SampleId(3, 0), ctx.failures().get(0).sample());
        assertTrue(ctx.failures().get(0).message().contains("BrunnerNN_relative"), ctx.failures().get(0).message());
        SampleTable rdf = out.get(ComputeDescriptorsStep.RDF);
        assertEquals(3, rdf.rows());
        assertEquals(100, rdf.axis().size());
        assertEquals(1.035, rdf.axis().get(0), 1e-12);
        assertEquals("Å", rdf.axis().unit());

        Path folder = tmp.resolve("ref");
        ReferenceLayout.write(t, rdf, folder);
        List<String> cn = Files.readAllLines(folder.resolve("cn/cn_JmolNN.csv"));
        assertEquals("index,CN_JmolNN", cn.get(0));
        assertEquals("0,11", cn.get(1));
        List<String> cr = Files.readAllLines(folder.resolve("cr/cr_JmolNN.csv"));
        assertEquals("index,CR_JmolNN", cr.get(0));
        assertEquals(2.695800694372228, Double.parseDouble(cr.get(1).split(",")[1]), 1e-12);
        assertEquals(4, cr.size());
        assertEquals(12, Files.list(folder.resolve("cn")).count() + Files.list(folder.resolve("cr")).count());
        List<String> g = Files.readAllLines(folder.resolve("rdf/2.csv"));
        assertEquals("r,g(r)", g.get(0));
        assertEquals(101, g.size());
    }

    @Test
    void crystalsAsReadGiveTheirOwnCoordination(@TempDir Path tmp) throws IOException {
        Frame coo = CrystalFixturesTest.crystal("CoO", tmp);
        StructureSet set = StructureSet.of(List.of(coo), AbsorberChoice.parse("Co"), "CoO", "", List.of());
        ComputeDescriptorsStep step = new ComputeDescriptorsStep();
        ComputeDescriptorsStep.Options o = new ComputeDescriptorsStep.Options(List.of("CrystalNN", "JmolNN"), BoxConvention.AS_READ,
                40, 1, 8, 100, 0.1, true, "O", 0.45);
        BasicContext ctx = BasicContext.quiet(tmp);
        SampleTable t = step.run(StepData.empty().with(ComputeDescriptorsStep.STRUCTURES, set), o, ctx).get(ComputeDescriptorsStep.DESCRIPTORS);
        assertTrue(ctx.failures().isEmpty(), () -> ctx.failures().toString());
        assertEquals(List.of("CN_CrystalNN", "CR_CrystalNN", "CN_JmolNN", "CR_JmolNN"), t.columnNames());
        for (int i = 0; i < t.rows(); i++) {
            assertEquals(4, t.column("CN_CrystalNN")[i]);   // wurtzite CoO (ICSD 19128): tetrahedral Co
            assertEquals(2.0033, t.column("CR_JmolNN")[i], 1e-4);
        }
    }
}
