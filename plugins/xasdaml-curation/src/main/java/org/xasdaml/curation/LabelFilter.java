package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Range rules on labels (paper M7): a sample is kept when every rule's column lies in
 * [min, max]; otherwise it is excluded with the first rule it breaks. Defaults as the reference:
 * CN in [2, 12], CR in [2.4, 3.2] Å. A missing (NaN) label breaks the rule.
 *
 * @param column label column, e.g. CN_JmolNN
 * @param min    smallest kept value (inclusive)
 * @param max    largest kept value (inclusive)
 */
public record LabelFilter(String column, double min, double max) {

    public LabelFilter {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a filter rule needs a column");
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("rule on " + column + ": max " + max + " is below min " + min);
        }
    }

    public boolean keeps(double v) {
        return v >= min && v <= max;
    }

    /** "CN_JmolNN in [2, 12]". */
    public String describe() {
        return String.format(Locale.ROOT, "%s in [%s, %s]", column, trim(min), trim(max));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Parses "CN_JmolNN:2:12" (column:min:max).
     *
     * @throws IllegalArgumentException naming the rule
     */
    public static LabelFilter parse(String rule) {
        String[] p = rule.strip().split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("filter rule '" + rule + "' is not column:min:max");
        }
        try {
            return new LabelFilter(p[0].strip(), Double.parseDouble(p[1].strip()), Double.parseDouble(p[2].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("filter rule '" + rule + "': min and max must be numbers", e);
        }
    }

    /**
     * The first rule each row breaks, or -1 when kept.
     *
     * @param columns values of each rule's column, rules x rows
     */
    public static int[] firstBroken(List<LabelFilter> rules, List<double[]> columns) {
        int n = columns.isEmpty() ? 0 : columns.get(0).length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = -1;
            for (int r = 0; r < rules.size(); r++) {
                if (!rules.get(r).keeps(columns.get(r)[i])) {
                    out[i] = r;
                    break;
                }
            }
        }
        return out;
    }

    static List<LabelFilter> parseAll(List<String> rules) {
        List<LabelFilter> l = new ArrayList<>();
        for (String r : rules) {
            l.add(parse(r));
        }
        return l;
    }
}
