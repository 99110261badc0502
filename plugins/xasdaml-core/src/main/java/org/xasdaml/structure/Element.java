package org.xasdaml.structure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A chemical element, known by symbol and atomic number.
 *
 * <p>Structure files name species by symbol; an unknown symbol is always an error, never a
 * silently new species, because FEFF potentials and bond radii are looked up by element.
 */
public record Element(String symbol, int z) {

    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S",
        "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga",
        "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd",
        "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm",
        "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os",
        "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa",
        "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg",
        "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"
    };
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) {
            BY_SYMBOL.put(SYMBOLS[i], new Element(SYMBOLS[i], i + 1));
        }
    }

    public Element {
        if (z < 1 || z > SYMBOLS.length || !SYMBOLS[z - 1].equals(symbol)) {
            throw new IllegalArgumentException("no element " + symbol + " with Z=" + z);
        }
    }

    /**
     * Looks an element up by symbol; case is normalised ("cu", "CU" give Cu) because LAMMPS
     * and XYZ writers differ. Labels such as "Cu1" or "Cu_pv" (VASP potentials) are reduced to
     * their leading letters.
     *
     * @throws IllegalArgumentException naming the symbol when no element has it
     */
    public static Element of(String symbol) {
        Element e = lookup(symbol);
        if (e == null) {
            throw new IllegalArgumentException("unknown element symbol '" + symbol + "'");
        }
        return e;
    }

    /** The element for a symbol, or null when there is none. */
    public static Element lookup(String symbol) {
        if (symbol == null) {
            return null;
        }
        String s = symbol.strip();
        int end = 0;
        while (end < s.length() && end < 2 && Character.isLetter(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return null;
        }
        // A trailing non-letter (Cu1, Cu_pv, Fe2+) is a label suffix; letters beyond two are not.
        if (end < s.length() && Character.isLetter(s.charAt(end))) {
            return null;
        }
        String core = s.substring(0, end);
        String norm = core.substring(0, 1).toUpperCase(Locale.ROOT) + core.substring(1).toLowerCase(Locale.ROOT);
        return BY_SYMBOL.get(norm);
    }

    public static Element ofNumber(int z) {
        if (z < 1 || z > SYMBOLS.length) {
            throw new IllegalArgumentException("no element with atomic number " + z);
        }
        return BY_SYMBOL.get(SYMBOLS[z - 1]);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
