package org.xasdaml.structure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One atomic configuration: species, Cartesian positions (Å), and, when the source gives one,
 * a cell and its periodicity.
 *
 * <p>Immutable: arrays are copied in and handed out as copies; hot loops read single
 * coordinates through {@link #x(int)}, {@link #y(int)}, {@link #z(int)}.
 *
 * @param index    0-based position of the frame in its file (the sample id's frame part)
 * @param elements element of each atom
 * @param positions Cartesian coordinates, x0 y0 z0 x1 y1 z1 ... (Å)
 * @param lattice  cell vectors, or null for an isolated cluster without a box
 * @param pbc      periodicity along a, b, c (all false when lattice is null)
 */
public record Frame(int index, List<Element> elements, double[] positions, Lattice lattice, boolean[] pbc) {

    public Frame {
        Objects.requireNonNull(elements, "elements");
        Objects.requireNonNull(positions, "positions");
        elements = List.copyOf(elements);
        if (positions.length != 3 * elements.size()) {
            throw new IllegalArgumentException("frame " + index + ": " + elements.size() + " atoms but "
                    + positions.length / 3.0 + " positions");
        }
        positions = positions.clone();
        for (int i = 0; i < positions.length; i++) {
            if (!Double.isFinite(positions[i])) {
                throw new IllegalArgumentException("frame " + index + ": atom " + (i / 3) + " has a non-finite coordinate ("
                        + positions[i] + ")");
            }
        }
        pbc = pbc == null ? new boolean[3] : pbc.clone();
        if (pbc.length != 3) {
            throw new IllegalArgumentException("pbc needs three flags");
        }
        if (lattice == null && (pbc[0] || pbc[1] || pbc[2])) {
            throw new IllegalArgumentException("frame " + index + ": periodic without a cell");
        }
    }

    public int size() {
        return elements.size();
    }

    public Element element(int i) {
        return elements.get(i);
    }

    public double x(int i) {
        return positions[3 * i];
    }

    public double y(int i) {
        return positions[3 * i + 1];
    }

    public double z(int i) {
        return positions[3 * i + 2];
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    @Override
    public boolean[] pbc() {
        return pbc.clone();
    }

    public boolean periodic() {
        return pbc[0] || pbc[1] || pbc[2];
    }

    /** Atom counts per element, in order of first appearance. */
    public Map<Element, Integer> composition() {
        Map<Element, Integer> c = new LinkedHashMap<>();
        for (Element e : elements) {
            c.merge(e, 1, Integer::sum);
        }
        return c;
    }

    /** A compact formula such as Cu108 or O2Ti. */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        composition().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.symbol().compareTo(b.symbol())))
                .forEach(e -> sb.append(e.getKey().symbol()).append(e.getValue() == 1 ? "" : e.getValue()));
        return sb.toString();
    }

    /**
     * The same atoms in another cell, positions unchanged: the reference puts each cluster in a
     * 40 Å cubic periodic box this way so that pymatgen's periodic neighbour finders apply.
     */
    public Frame withLattice(Lattice newLattice, boolean[] newPbc) {
        return new Frame(index, elements, positions, newLattice, newPbc);
    }

    /** The same atoms translated so that atom {@code site} is at the origin. */
    public Frame centredOn(int site) {
        double[] p = positions.clone();
        double ox = x(site);
        double oy = y(site);
        double oz = z(site);
        for (int i = 0; i < size(); i++) {
            p[3 * i] -= ox;
            p[3 * i + 1] -= oy;
            p[3 * i + 2] -= oz;
        }
        return new Frame(index, elements, p, lattice, pbc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.index == index && f.elements.equals(elements)
                && Arrays.equals(f.positions, positions) && Objects.equals(f.lattice, lattice)
                && Arrays.equals(f.pbc, pbc);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, elements, Arrays.hashCode(positions), lattice, Arrays.hashCode(pbc));
    }

    @Override
    public String toString() {
        return "Frame " + index + " (" + formula() + ", " + size() + " atoms)";
    }
}
