package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.StepRegistry;

/** The steps as the command line and KNIME see them: registered, parameters declared, options from text. */
class StepDeclarationTest {

    @Test
    void bothStepsAreRegistered() {
        StepRegistry r = StepRegistry.load(getClass().getClassLoader());
        assertTrue(r.byId("feff") instanceof SimulateSpectraStep);
        assertTrue(r.byId("wavelet") instanceof ComputeWaveletStep);
        assertTrue(r.byCommand(List.of("feff", "run")) instanceof SimulateSpectraStep);
    }

    @Test
    void optionsComeFromTextAndBadOnesAreNamed() {
        ParameterSet<SimulateSpectraStep.Options> ps = new SimulateSpectraStep().parameters();
        assertEquals("K", ps.spec("edge").defaultValue());
        assertEquals("--time-limit", ps.spec("timeLimit").option());
        SimulateSpectraStep.Options o = ps.fromText(Map.of("mode", "shared-potential", "groupSize", "100", "preset", "reference"));
        assertEquals("shared-potential", o.mode());
        assertEquals("EDGE L3", o.cards().lines().get(1));
        assertThrows(IllegalArgumentException.class, () -> ps.fromText(Map.of("mode", "fastest")));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ps.fromText(Map.of("clusterRadius", "-1")));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertEquals(2.0, new ComputeWaveletStep().defaults().kweight());
    }
}
