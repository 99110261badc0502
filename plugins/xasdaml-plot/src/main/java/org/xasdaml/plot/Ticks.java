package org.xasdaml.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Nice" axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, about {@code target} of them
 * across the range (the rule of Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 */
final class Ticks {
    private Ticks() {
    }

    static double step(double lo, double hi, int target) {
        double span = hi - lo;
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        return nice * mag;
    }

    static List<Double> of(double lo, double hi, int target) {
        double step = step(lo, hi, target);
        List<Double> t = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i < 1000; i++) {
            double v = first + i * step;
            if (v > hi + step * 1e-9) {
                break;
            }
            t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return t;
    }

    /** Label text for a tick: as few decimals as the step needs, scientific for extreme magnitudes. */
    static String label(double v, double step) {
        double a = Math.max(Math.abs(v), step);
        if (v != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
