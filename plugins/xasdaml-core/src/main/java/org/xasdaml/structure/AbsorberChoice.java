package org.xasdaml.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which atoms of a frame absorb: one fixed index (the reference's atom 0), or every atom of an
 * element, which turns one frame into as many samples as it has such atoms.
 */
public sealed interface AbsorberChoice {

    /** The sites of a frame that absorb, ascending. */
    List<Integer> sites(Frame frame);

    /** The atom at one index. */
    record Index(int index) implements AbsorberChoice {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("absorber index must be >= 0, got " + index);
            }
        }

        @Override
        public List<Integer> sites(Frame frame) {
            if (index >= frame.size()) {
                throw new IllegalArgumentException("frame " + frame.index() + " has " + frame.size()
                        + " atoms; there is no absorber index " + index);
            }
            return List.of(index);
        }

        @Override
        public String toString() {
            return Integer.toString(index);
        }
    }

    /**
     * Several fixed indices, e.g. "0,27,54,81": a periodic crystal's atoms are all bulk sites, so a few
     * sites of each MD frame give several thermally independent environments for the cost of one frame.
     */
    record Indices(List<Integer> indices) implements AbsorberChoice {
        public Indices {
            indices = List.copyOf(new java.util.TreeSet<>(indices));
            for (int i : indices) {
                new Index(i);
            }
        }

        @Override
        public List<Integer> sites(Frame frame) {
            for (int i : indices) {
                new Index(i).sites(frame);
            }
            return indices;
        }

        @Override
        public String toString() {
            return String.join(",", indices.stream().map(String::valueOf).toList());
        }
    }

    /** Every atom of one element. */
    record EveryAtomOf(Element element) implements AbsorberChoice {
        @Override
        public List<Integer> sites(Frame frame) {
            List<Integer> s = new ArrayList<>();
            for (int i = 0; i < frame.size(); i++) {
                if (frame.element(i).equals(element)) {
                    s.add(i);
                }
            }
            return s;
        }

        @Override
        public String toString() {
            return element.symbol();
        }
    }

    /** Parses "0", "5" (an index), "0,27,54" (several indices) or "Cu" (every Cu atom). */
    static AbsorberChoice parse(String text) {
        String s = text.strip();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return new Index(Integer.parseInt(s));
        }
        if (s.contains(",") && s.replace(",", "").replace(" ", "").chars().allMatch(Character::isDigit)) {
            List<Integer> l = new ArrayList<>();
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    l.add(Integer.parseInt(p.strip()));
                }
            }
            return l.size() == 1 ? new Index(l.get(0)) : new Indices(l);
        }
        Element e = Element.lookup(s);
        if (e == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "absorber must be an atom index (e.g. 0), indices (e.g. 0,27,54) or an element symbol (e.g. Cu), got '%s'", text));
        }
        return new EveryAtomOf(e);
    }
}
