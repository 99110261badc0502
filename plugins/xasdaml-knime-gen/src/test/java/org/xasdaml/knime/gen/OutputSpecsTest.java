package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.TableColumns;

/** Output table specs at configure time, from settings and input columns. */
class OutputSpecsTest {
    final NodeSet set = NodeSet.load();

    private static List<String> names(List<KnimeColumn> cs) {
        return cs.stream().map(c -> c.name() + ":" + c.type()).toList();
    }

    @Test
    void splitKnowsItsColumnsFromItsInput() {
        KnimeNode split = set.byStep("split");
        TableColumns spectra = TableColumns.numeric(List.of("mu_8970", "mu_8971"));
        List<List<KnimeColumn>> out = OutputSpecs.of(split, Map.of(), Map.of("samples", spectra));
        assertEquals(List.of("frame:STRING", "site:STRING", "set:STRING"), names(out.get(0)));
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of("frame:STRING", "site:STRING", "mu_8970:DOUBLE", "mu_8971:DOUBLE"), names(out.get(i)));
        }
        out = OutputSpecs.of(split, Map.of("frameBlock", "10"), Map.of());
        assertEquals(List.of("frame:STRING", "site:STRING", "set:STRING", "group:STRING"), names(out.get(0)));
        assertNull(out.get(1), "samples not connected yet: not known");
    }

    @Test
    void filterAndTrainModel() {
        KnimeNode filter = set.byStep("filter");
        TableColumns labels = new TableColumns(List.of("CN_JmolNN", "CR_JmolNN"), List.of("element"));
        List<List<KnimeColumn>> out = OutputSpecs.of(filter, Map.of(), Map.of("labels", labels));
        assertEquals(filter.outPorts().size(), out.size());
        assertEquals(List.of("frame:STRING", "site:STRING", "CN_JmolNN:DOUBLE", "CR_JmolNN:DOUBLE", "element:STRING"), names(out.get(0)));
        KnimeNode train = set.byStep("train");
        out = OutputSpecs.of(train, Map.of("model", "mlp"), Map.of());
        assertNull(out.get(0), "the model is a custom port");
        assertEquals(List.of("frame:STRING", "site:STRING", "train_loss:DOUBLE", "valid_loss:DOUBLE", "train_mse:DOUBLE",
                "valid_mse:DOUBLE", "train_mae:DOUBLE", "valid_mae:DOUBLE", "best:DOUBLE"), names(out.get(1)));
        assertEquals(List.of("frame:STRING", "site:STRING"), names(OutputSpecs.of(train, Map.of("model", "rf"), Map.of()).get(1)));
        assertThrows(IllegalArgumentException.class, () -> OutputSpecs.of(train, Map.of("model", "svm"), Map.of()));
    }

    @Test
    void everyNodeConfiguresWithItsDefaults() {
        for (KnimeNode n : set.nodes()) {
            List<List<KnimeColumn>> out = OutputSpecs.of(n, Map.of(), Map.of());
            assertEquals(n.outPorts().size(), out.size());
            for (int i = 0; i < out.size(); i++) {
                if (n.outPorts().get(i).kind() != KnimePort.Kind.TABLE) {
                    assertNull(out.get(i));
                }
            }
        }
    }

    @Test
    void knimeColumnsReadBack() {
        TableColumns c = TableLayout.tableColumns(List.of("frame", "site", "mu_1", "set", "flag"), List.of(true, true, true, false, false),
                List.of(false, false, false, true, false));
        assertEquals(new TableColumns(List.of("mu_1"), List.of("set")), c);
        assertEquals(3, TableLayout.idPart(" 3"));
        assertNull(TableLayout.idPart("x"));
    }
}
