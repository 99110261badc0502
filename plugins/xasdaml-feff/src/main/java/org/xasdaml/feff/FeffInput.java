package org.xasdaml.feff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;
import org.xasdaml.structure.Sample;

/**
 * The {@code feff.inp} of one sample: cards, the potentials list and the cluster around the absorber.
 *
 * <p>As the reference (pymatgen's {@code FEFFDictSet} with {@code absorbing_atom=0, radius=20}): the
 * absorber sits at the origin as potential 0; every other element of the cluster gets one potential,
 * numbered 1, 2 … in alphabetical order of the symbols; the atoms are the absorber and every atom
 * (periodic images included when the frame is periodic) within the cluster radius, sorted by distance.
 * With the default 20 Å radius a 108-atom cluster is taken whole.
 *
 * <p>Periodic frames: a 20 Å sphere of periodic fcc Cu holds about 2,900 atoms and Feff8L stops with
 * "Too many atoms, max is 1000" (its compiled array size {@code nattx}). So the cluster is cut to the
 * largest sphere around the absorber, no larger than the cluster radius, that holds at most
 * {@link #MAX_ATOMS} atoms (absorber included): the radius becomes the distance of the first atom that
 * does not fit, and atoms at that distance or beyond are left out, so the cluster stays a whole sphere.
 * For bulk Cu that is about 14 Å, twice RPATH (7 Å) and the SCF radius (6.8 Å): every path and the
 * self-consistency cluster of the default cards lie inside it. The radius used is written in the title.
 *
 * @param title      TITLE lines (sample id, formula)
 * @param cards      control cards
 * @param potentials potentials, index = ipot
 * @param atoms      cluster atoms, absorber first, by increasing distance
 */
public record FeffInput(List<String> title, FeffCards cards, List<Potential> potentials, List<Atom> atoms) {

    /**
     * Closest two atoms may be (Å). The shortest bond in nature (H₂) is 0.74 Å; anything closer is a
     * broken structure, and Feff8L's pot crashes on it (segmentation fault) instead of saying so.
     */
    public static final double MIN_SEPARATION = 0.5;

    /** Most atoms Feff8L accepts in {@code feff.inp} (its {@code nattx}; it stops with "Too many atoms, max is 1000"). */
    public static final int MAX_ATOMS = 1000;

    /** Stoichiometry pymatgen writes for the absorber's potential: a trace against the element's count. */
    public static final double ABSORBER_STOICHIOMETRY = 0.0001;

    /**
     * One unique potential: ipot, element and its stoichiometry (xnatph), which Feff8L uses to weight
     * the potentials in the charge balance and Fermi level of the SCF loop. As pymatgen: the absorber
     * {@value #ABSORBER_STOICHIOMETRY}, every other potential the number of atoms of its element in the
     * structure (the frame, or the periodic cell), absorber included. Without the column Feff8L counts
     * the cluster's atoms instead (1 : 107 for a Cu108 cluster).
     */
    public record Potential(int ipot, Element element, double stoichiometry) {
    }

    /**
     * One atom of the cluster.
     *
     * @param x        Cartesian x relative to the absorber (Å)
     * @param y        y (Å)
     * @param z        z (Å)
     * @param ipot     its potential
     * @param element  its element
     * @param distance distance to the absorber (Å)
     * @param site     index of the atom in its frame
     */
    public record Atom(double x, double y, double z, int ipot, Element element, double distance, int site) {
    }

    public FeffInput {
        title = List.copyOf(title);
        potentials = List.copyOf(potentials);
        atoms = List.copyOf(atoms);
    }

    /**
     * The input for one sample.
     *
     * @param sample        frame and absorbing site
     * @param clusterRadius atoms within this distance of the absorber are written (Å)
     * @param cards         control cards
     * @throws IllegalArgumentException naming the sample and the atoms when two atoms are closer than
     *         {@link #MIN_SEPARATION}, or when the absorber has no neighbour within the radius
     */
    public static FeffInput of(Sample sample, double clusterRadius, FeffCards cards) {
        return of(sample, clusterRadius, cards, MAX_ATOMS);
    }

    /**
     * The input for one sample with at most {@code maxAtoms} atoms: the sphere shrinks below the cluster
     * radius until it holds no more (see the class comment).
     *
     * @param maxAtoms most atoms written, absorber included (at least 2)
     */
    public static FeffInput of(Sample sample, double clusterRadius, FeffCards cards, int maxAtoms) {
        if (maxAtoms < 2) {
            throw new IllegalArgumentException("at most " + maxAtoms + " atoms: FEFF needs the absorber and one scatterer");
        }
        if (!(clusterRadius > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cluster radius %s must be positive", clusterRadius));
        }
        Frame f = sample.frame();
        int a = sample.site();
        List<double[]> found = new ArrayList<>(); // x, y, z, site, distance
        double ox = f.x(a);
        double oy = f.y(a);
        double oz = f.z(a);
        int[] reach = imageReach(f, clusterRadius);
        Lattice lat = f.lattice();
        double[] shift = new double[3];
        for (int i = -reach[0]; i <= reach[0]; i++) {
            for (int j = -reach[1]; j <= reach[1]; j++) {
                for (int k = -reach[2]; k <= reach[2]; k++) {
                    if (lat != null) {
                        lat.toCartesian(i, j, k, shift);
                    }
                    boolean home = i == 0 && j == 0 && k == 0;
                    for (int s = 0; s < f.size(); s++) {
                        if (home && s == a) {
                            continue;
                        }
                        double dx = f.x(s) + shift[0] - ox;
                        double dy = f.y(s) + shift[1] - oy;
                        double dz = f.z(s) + shift[2] - oz;
                        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        if (d <= clusterRadius) {
                            found.add(new double[] {dx, dy, dz, s, d});
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sample %s: no atom within %s Å of the absorber (atom %d); FEFF needs at least one scatterer",
                    sample.id(), FeffCards.number(clusterRadius), a));
        }
        found.sort(Comparator.comparingDouble((double[] r) -> r[4]).thenComparingDouble(r -> r[3]));
        double radius = clusterRadius;
        if (found.size() + 1 > maxAtoms) {
            radius = found.get(maxAtoms - 1)[4];
            int keep = maxAtoms - 1;
            while (keep > 0 && found.get(keep - 1)[4] >= radius) {
                keep--;
            }
            if (keep == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sample %s: more than %d atoms at the absorber's shortest distance %.3f Å", sample.id(), maxAtoms - 1, radius));
            }
            found = new ArrayList<>(found.subList(0, keep));
        }
        TreeMap<String, Element> others = new TreeMap<>();
        for (double[] r : found) {
            Element e = f.element((int) r[3]);
            others.put(e.symbol(), e);
        }
        List<Potential> pots = new ArrayList<>();
        pots.add(new Potential(0, sample.absorber(), ABSORBER_STOICHIOMETRY));
        TreeMap<String, Integer> count = new TreeMap<>();
        for (int s = 0; s < f.size(); s++) {
            count.merge(f.element(s).symbol(), 1, Integer::sum);
        }
        TreeMap<String, Integer> ipotOf = new TreeMap<>();
        for (Element e : others.values()) {
            ipotOf.put(e.symbol(), pots.size());
            pots.add(new Potential(pots.size(), e, count.getOrDefault(e.symbol(), 0)));
        }
        List<Atom> atoms = new ArrayList<>(found.size() + 1);
        atoms.add(new Atom(0, 0, 0, 0, sample.absorber(), 0, a));
        for (double[] r : found) {
            Element e = f.element((int) r[3]);
            atoms.add(new Atom(r[0], r[1], r[2], ipotOf.get(e.symbol()), e, r[4], (int) r[3]));
        }
        checkSeparation(sample, atoms);
        List<String> title = List.of("XASDAML sample " + sample.id() + " (frame " + f.index() + ", absorber atom " + a + " "
                + sample.absorber().symbol() + ")", "formula " + f.formula() + ", " + atoms.size() + " atoms within "
                + (radius < clusterRadius ? String.format(Locale.ROOT, "%.3f A (cut from %s A: at most %d atoms)", radius,
                FeffCards.number(clusterRadius), maxAtoms) : FeffCards.number(clusterRadius) + " A"));
        return new FeffInput(title, cards, pots, atoms);
    }

    /** How many periodic images to visit along each cell vector so that no atom within the radius is missed. */
    private static int[] imageReach(Frame f, double radius) {
        int[] n = new int[3];
        if (f.lattice() == null) {
            return n;
        }
        boolean[] pbc = f.pbc();
        double[][] m = f.lattice().matrix();
        double volume = f.lattice().volume();
        for (int i = 0; i < 3; i++) {
            if (!pbc[i]) {
                continue;
            }
            double[] b = m[(i + 1) % 3];
            double[] c = m[(i + 2) % 3];
            double cx = b[1] * c[2] - b[2] * c[1];
            double cy = b[2] * c[0] - b[0] * c[2];
            double cz = b[0] * c[1] - b[1] * c[0];
            double width = volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
            // +1: atoms may sit anywhere in the cell, not only inside [0, 1)
            n[i] = (int) Math.ceil(radius / width) + 1;
        }
        return n;
    }

    private static void checkSeparation(Sample sample, List<Atom> atoms) {
        double min2 = MIN_SEPARATION * MIN_SEPARATION;
        for (int i = 0; i < atoms.size(); i++) {
            Atom p = atoms.get(i);
            for (int j = i + 1; j < atoms.size(); j++) {
                Atom q = atoms.get(j);
                double dx = p.x() - q.x();
                double dy = p.y() - q.y();
                double dz = p.z() - q.z();
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < min2) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "sample %s: atoms %d (%s) and %d (%s) are %.3f Å apart, closer than %s Å: not a physical "
                                    + "structure (Feff8L would crash on it)",
                            sample.id(), p.site(), p.element().symbol(), q.site(), q.element().symbol(), Math.sqrt(d2),
                            FeffCards.number(MIN_SEPARATION)));
                }
            }
        }
    }

    /** The potentials list only, as "0 Cu, 1 Cu, 2 O": samples can share potentials only when these agree. */
    public String potentialsKey() {
        StringBuilder sb = new StringBuilder();
        for (Potential p : potentials) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.ipot()).append(' ').append(p.element().symbol());
        }
        return sb.toString();
    }

    /** A stoichiometry as pymatgen writes it: whole counts without decimals, the absorber's trace as 0.0001. */
    static String stoichiometry(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The text of {@code feff.inp}. */
    public String text() {
        StringBuilder sb = new StringBuilder(64 * (atoms.size() + 30));
        // one Formatter in Locale.US for all lines: String.format(Locale.ROOT, ...) builds a new Formatter and
        // looks up the locale's decimal symbols for every number (US takes a shortcut; both print '.' and no
        // grouping), which made this text cost about 2 ms per sample of a FEFF batch (FeffOverheadBench)
        java.util.Formatter f = new java.util.Formatter(sb, Locale.US);
        for (String t : title) {
            sb.append("TITLE ").append(t).append('\n');
        }
        sb.append('\n');
        for (String l : cards.lines()) {
            sb.append(l).append('\n');
        }
        sb.append('\n').append("POTENTIALS\n").append("*   ipot   Z  tag   lmax1  lmax2  xnatph(stoichiometry)  spinph\n");
        for (Potential p : potentials) {
            f.format("    %4d %4d  %-3s   %4d   %4d  %21s  %6d\n", p.ipot(), p.element().z(),
                    p.element().symbol(), -1, -1, stoichiometry(p.stoichiometry()), 0);
        }
        sb.append('\n').append("ATOMS\n").append("*   x          y          z      ipot  tag   distance  site\n");
        for (Atom t : atoms) {
            f.format("  %12.6f %12.6f %12.6f %3d  %-3s %10.5f %5d\n", t.x(), t.y(), t.z(), t.ipot(),
                    t.element().symbol(), t.distance(), t.site());
        }
        sb.append("END\n");
        return sb.toString();
    }
}
