package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortSummariesTest {

    @Test
    void javaObjectNamesGiveWayToWhatThePortCarries() {
        assertEquals(FakeSteps.MODEL.description(), PortSummaries.summary(FakeSteps.MODEL, new Object() {
            @Override
            public String toString() {
                return "org.xasdaml.feff.WaveletMaps@1b2c3d";
            }
        }));
        assertEquals("12 structures", PortSummaries.summary(FakeSteps.MODEL, "12 structures\nframe 0 ..."));
    }

    @Test
    void nestedMetricsBecomeNamedNumbers() {
        Map<String, Double> n = PortSummaries.numbers(Map.of("CN_JmolNN", Map.of("R2", 0.91, "n", 12, "MAPE", Double.NaN)), "");
        assertEquals(Map.of("CN_JmolNN_R2", 0.91, "CN_JmolNN_n", 12.0), n);
        assertEquals(Map.of(), PortSummaries.flowVariables(List.of(1, 2)));
    }
}
