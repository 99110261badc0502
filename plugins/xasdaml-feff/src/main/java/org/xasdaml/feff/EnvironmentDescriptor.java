package org.xasdaml.feff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the self-consistent potentials of a sample depend on, as a vector: Feff8L computes one
 * potential per potential type, each from the neighbourhood of the first atom of that type in the
 * cluster (the absorber for potential 0, the nearest atom of each element for the others) within the
 * SCF radius. So the descriptor is, for each of those centre atoms, its partial radial distribution
 * per element of the potentials list, Gaussian-broadened on a short grid and weighted by (r₀/r)²
 * (near shells dominate the charge density at the centre), the absorber's distributions at half the
 * weight of the others' ({@link #ABSORBER_WEIGHT}). Samples whose vectors are close have
 * nearly the same potentials; only samples with the same {@link #key} (absorber element, edge, cards,
 * potentials list) may share them at all.
 *
 * @param key    samples can share potentials only when their keys are equal
 * @param vector the environment vector (Euclidean distances between vectors are compared)
 */
public record EnvironmentDescriptor(String key, double[] vector) {

    /** Inner end of the distribution (Å): no physical bond is shorter than this between the atoms concerned. */
    public static final double R_MIN = 1.6;
    /** Bin width of the distribution (Å). */
    public static final double DR = 0.1;
    /**
     * Gaussian broadening of each neighbour (Å). 0.3 Å, not the 0.1 Å of a first shell's thermal
     * disorder: the potentials follow the smooth overlapped charge density, not where each atom of one
     * MD snapshot happens to sit. On the 8 production-card frames with every pair computed
     * (PotentialBench), the correlation of the k²χ error of a frame taking another frame's potentials
     * with their environment distance rises from 0.41 (0.1 Å) to 0.62 (0.3 Å), and the nearest other
     * frame's potentials give 2.9 % mean / 7.6 % max instead of 4.1 % / 10.2 % (best possible choice:
     * 2.6 % / 6.2 %).
     */
    public static final double SIGMA = 0.3;
    /**
     * Weight of the absorber's distributions against the nearest neighbour's (1). Feff8L computes the
     * potential of every scatterer of an element from the first atom of that element, so the
     * neighbour's environment sets the phase shifts of all paths; the absorber's only its own. On the
     * same 8 frames, the error's correlation with the difference of the neighbour's coordination
     * number is 0.62, with the absorber's 0.08; weights 0.5 : 1 (with 0.3 Å) give correlation 0.64
     * and 3.1 % / 7.6 %.
     */
    public static final double ABSORBER_WEIGHT = 0.5;
    /** Version of the descriptor, part of the sharing key: library entries of another version are not compared. */
    public static final int VERSION = 2;
    /** Reference distance of the (r₀/r)² weight (Å), about a Cu–Cu bond. */
    public static final double R0 = 2.5;

    public EnvironmentDescriptor {
        vector = vector.clone();
    }

    @Override
    public double[] vector() {
        return vector.clone();
    }

    /** Squared Euclidean distance to another descriptor of the same key. */
    public double distance2(EnvironmentDescriptor o) {
        return distance2(vector, o.vector);
    }

    static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /**
     * The descriptor of one input.
     *
     * @param input  the sample's feff.inp (atoms relative to the absorber, periodic images included)
     * @param rmax   outer end of the distributions (Å); the SCF radius is the natural choice
     * @param keyOf  the sample's sharing key (absorber, edge, cards, potentials)
     */
    public static EnvironmentDescriptor of(FeffInput input, double rmax, String keyOf) {
        return of(input, rmax, keyOf, SIGMA, ABSORBER_WEIGHT);
    }

    /**
     * The descriptor with another broadening and absorber weight (the benchmark compares version 1:
     * σ 0.1 Å, weight 1, with this one).
     */
    public static EnvironmentDescriptor of(FeffInput input, double rmax, String keyOf, double sigma, double absorberWeight) {
        List<FeffInput.Potential> pots = input.potentials();
        List<FeffInput.Atom> atoms = input.atoms();
        int bins = Math.max(1, (int) Math.ceil((rmax - R_MIN) / DR));
        List<String> elements = new ArrayList<>();
        for (FeffInput.Potential p : pots) {
            if (p.ipot() > 0 && !elements.contains(p.element().symbol())) {
                elements.add(p.element().symbol());
            }
        }
        // centres: the absorber, then the first (nearest) atom of each other potential type
        List<FeffInput.Atom> centres = new ArrayList<>();
        centres.add(atoms.get(0));
        for (FeffInput.Potential p : pots) {
            if (p.ipot() == 0) {
                continue;
            }
            for (FeffInput.Atom t : atoms) {
                if (t.ipot() == p.ipot()) {
                    centres.add(t);
                    break;
                }
            }
        }
        double[] v = new double[centres.size() * elements.size() * bins];
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI)) * DR;
        int reach = (int) Math.ceil(4 * sigma / DR);
        for (int c = 0; c < centres.size(); c++) {
            FeffInput.Atom o = centres.get(c);
            for (FeffInput.Atom t : atoms) {
                if (t == o) {
                    continue;
                }
                double dx = t.x() - o.x();
                double dy = t.y() - o.y();
                double dz = t.z() - o.z();
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r > rmax + 4 * sigma || r < R_MIN - 4 * sigma) {
                    continue;
                }
                int e = elements.indexOf(t.element().symbol());
                if (e < 0) {
                    continue; // an atom of the absorber's element only, as potential 0: not a scatterer type
                }
                double w = (R0 / r) * (R0 / r) * norm * (c == 0 ? absorberWeight : 1);
                int centre = (int) Math.floor((r - R_MIN) / DR);
                int base = (c * elements.size() + e) * bins;
                for (int b = Math.max(0, centre - reach); b <= Math.min(bins - 1, centre + reach); b++) {
                    double rb = R_MIN + (b + 0.5) * DR;
                    double z = (rb - r) / sigma;
                    v[base + b] += w * Math.exp(-0.5 * z * z);
                }
            }
        }
        return new EnvironmentDescriptor(keyOf, v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EnvironmentDescriptor[%s, %d values]", key, vector.length);
    }
}
