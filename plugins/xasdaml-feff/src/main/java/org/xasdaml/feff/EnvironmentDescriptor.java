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
 * (near shells dominate the charge density at the centre). Samples whose vectors are close have
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
    /** Gaussian broadening of each neighbour (Å): the scale of thermal disorder of a first shell. */
    public static final double SIGMA = 0.1;
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
        double norm = 1 / (SIGMA * Math.sqrt(2 * Math.PI)) * DR;
        int reach = (int) Math.ceil(4 * SIGMA / DR);
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
                if (r > rmax + 4 * SIGMA || r < R_MIN - 4 * SIGMA) {
                    continue;
                }
                int e = elements.indexOf(t.element().symbol());
                if (e < 0) {
                    continue; // an atom of the absorber's element only, as potential 0: not a scatterer type
                }
                double w = (R0 / r) * (R0 / r) * norm;
                int centre = (int) Math.floor((r - R_MIN) / DR);
                int base = (c * elements.size() + e) * bins;
                for (int b = Math.max(0, centre - reach); b <= Math.min(bins - 1, centre + reach); b++) {
                    double rb = R_MIN + (b + 0.5) * DR;
                    double z = (rb - r) / SIGMA;
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
