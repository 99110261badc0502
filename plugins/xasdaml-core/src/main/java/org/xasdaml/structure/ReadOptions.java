package org.xasdaml.structure;

import java.util.List;
import java.util.Map;

/**
 * How to read a structure file.
 *
 * @param skipBadFrames  go on after a malformed frame and report it, instead of stopping
 * @param typeElements   LAMMPS atom type -> element, for dumps without an element column
 * @param elements       species of a VASP 4 POSCAR/XDATCAR, which has no element line (else empty)
 */
public record ReadOptions(boolean skipBadFrames, Map<Integer, Element> typeElements, List<Element> elements) {
    public static final ReadOptions DEFAULT = new ReadOptions(false, Map.of(), List.of());

    public ReadOptions {
        typeElements = Map.copyOf(typeElements);
        elements = List.copyOf(elements);
    }

    public ReadOptions withSkipBadFrames(boolean skip) {
        return new ReadOptions(skip, typeElements, elements);
    }

    /** Parses a type map such as "1=Cu,2=O". */
    public static Map<Integer, Element> parseTypeMap(String text) {
        java.util.Map<Integer, Element> m = new java.util.TreeMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("type map entries look like 1=Cu, got '" + part.strip() + "'");
            }
            try {
                m.put(Integer.parseInt(kv[0].strip()), Element.of(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("type map: '" + kv[0].strip() + "' is not an atom type number", e);
            }
        }
        return m;
    }
}
