package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.SampleFailure;

class NodeMessagesTest {

    @Test
    void failedSamplesAreNamedThenCounted() {
        assertNull(NodeMessages.warning(List.of(), List.of()));
        assertEquals("1 sample failed: 12:3 (feff pot: FEFF exited with code 1)",
                NodeMessages.warning(List.of(new SampleFailure(new SampleId(12, 3), "feff pot", "FEFF exited with code 1")), List.of()));
        List<SampleFailure> many = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            many.add(new SampleFailure(new SampleId(i, 0), "descriptors", "NaN coordinate"));
        }
        String w = NodeMessages.warning(many, List.of("grid clamped"));
        assertEquals(true, w.startsWith("13 samples failed: 0:0 (descriptors: NaN coordinate); 1:0 "), w);
        assertEquals(true, w.contains("; 9:0 (descriptors: NaN coordinate); and 3 more\ngrid clamped"), w);
        assertEquals(false, w.contains("10:0"), w);
        assertEquals("grid clamped", NodeMessages.warning(List.of(), List.of("grid clamped")));
    }
}
