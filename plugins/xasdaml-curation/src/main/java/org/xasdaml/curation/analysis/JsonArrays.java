package org.xasdaml.curation.analysis;

import java.util.List;

/** Reading numbers back from parsed JSON lists (the core reader gives Double or Long). */
public final class JsonArrays {
    private JsonArrays() {
    }

    public static double[] doubles(Object list) {
        if (!(list instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a JSON list of numbers, got " + list);
        }
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            Object o = l.get(i);
            d[i] = o == null ? Double.NaN : ((Number) o).doubleValue();
        }
        return d;
    }

    public static double[][] matrix(Object list) {
        List<?> l = (List<?>) list;
        double[][] m = new double[l.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(l.get(i));
        }
        return m;
    }
}
