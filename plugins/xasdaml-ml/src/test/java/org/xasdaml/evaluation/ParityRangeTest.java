package org.xasdaml.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The parity plot shares one range between its axes, so y = x stays the 45° diagonal. */
class ParityRangeTest {

    @Test
    void coversTruthAndPredictionWithMargin() {
        // predictions squeezed towards the mean: the true values set the range, 5 % margin of the span 8
        double[] r = PredictionEvaluation.parityRange(new double[] {4, 12, 8}, new double[] {7, 9, 8.5});
        assertArrayEquals(new double[] {3.6, 12.4}, r, 1e-12);
    }

    @Test
    void ignoresNonFiniteValuesAndKeepsAConstantSetVisible() {
        double[] r = PredictionEvaluation.parityRange(new double[] {12, 12}, new double[] {12, Double.NaN});
        assertArrayEquals(new double[] {11.4, 12.6}, r, 1e-12);
    }
}
