package org.xasdaml.curation;

import java.util.List;
import java.util.Map;

/** Reading arrays out of the Larch fixtures (JSON) and comparing against them, for the Larch-agreement tests. */
public final class FixtureArrays {
    private FixtureArrays() {
    }

    /** The numbers under a key of a fixture object. */
    @SuppressWarnings("unchecked")
    public static double[] array(Map<String, Object> m, String key) {
        return ((List<Number>) m.get(key)).stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Relative L2 distance ‖a − ref‖ / ‖ref‖, the measure the Larch tolerances are stated in. */
    public static double relL2(double[] a, double[] ref) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < ref.length; i++) {
            d += (a[i] - ref[i]) * (a[i] - ref[i]);
            n += ref[i] * ref[i];
        }
        return Math.sqrt(d / n);
    }
}
