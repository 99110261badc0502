package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The glitch guards of find_e0 on synthetic spectra whose answer is known; every expected value
 * here was also checked with Larch 0.9.58's {@code find_e0}.
 */
class EdgeEnergyTest {

    private static MuSpectrum arctanEdge(double e0, double width) {
        int n = 300;
        double[] e = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 8900 + i;
            mu[i] = 0.5 + Math.atan((e[i] - e0) / width) / Math.PI;
        }
        return new MuSpectrum(e, mu);
    }

    @Test
    void findsTheSteepestPointOfASmoothEdge() {
        assertEquals(8979.0, EdgeEnergy.findE0(arctanEdge(8979.0, 2.0)));
    }

    @Test
    void ignoresAOnePointSpikeSteeperThanTheEdge() {
        MuSpectrum s = arctanEdge(8979.0, 3.0);
        double[] mu = s.mu();
        mu[150] += 0.5; // a glitch at 9050 eV: derivative +0.25/eV then -0.25/eV, neighbours not "high"
        MuSpectrum glitched = new MuSpectrum(s.energy(), mu);
        assertEquals(8979.0, EdgeEnergy.findE0(glitched));
    }

    @Test
    void aHugeSpikeHidesTheEdgeAndGivesTheFirstEnergyAsLarchDoes() {
        // spike derivative 1.5/eV makes the 10 % threshold (0.15) exceed the edge's 0.106/eV: no
        // point qualifies and Larch returns energy[0]; callers must treat E0 == energy[0] as failure
        MuSpectrum s = arctanEdge(8979.0, 3.0);
        double[] mu = s.mu();
        mu[150] += 3.0;
        assertEquals(8900.0, EdgeEnergy.findE0(new MuSpectrum(s.energy(), mu)));
    }

    @Test
    void ignoresEdgesInTheFirstAndLastFivePercent() {
        // steepest rise at 8905 eV lies within the first 5 % (15 points) and is skipped
        MuSpectrum s = arctanEdge(8905.0, 1.0);
        double e0 = EdgeEnergy.findE0(s);
        assertEquals(8915.0, e0); // first admissible point: index nmin = 15
    }
}
