package org.xasdaml.xafs;

/** Larch's {@code index_of} and {@code index_nearest} ({@code larch.math.utils}). */
final class Indexing {

    private Indexing() {
    }

    /** Largest index with array[i] &le; value, or 0 if value is below every element. */
    static int indexOf(double[] array, double value) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : array) {
            min = Math.min(min, v);
        }
        if (value < min) {
            return 0;
        }
        int best = 0;
        for (int i = 0; i < array.length; i++) {
            if (array[i] <= value) {
                best = i;
            }
        }
        return best;
    }

    /** First index minimising |array[i] − value| (numpy argmin). */
    static int indexNearest(double[] array, double value) {
        int best = 0;
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < array.length; i++) {
            double di = Math.abs(array[i] - value);
            if (di < d) {
                d = di;
                best = i;
            }
        }
        return best;
    }

    /**
     * numpy {@code gradient(y)/gradient(x)} with unit spacing and first-order edges: central
     * differences inside, one-sided at both ends.
     */
    static double[] derivative(double[] x, double[] y) {
        int n = x.length;
        double[] d = new double[n];
        d[0] = (y[1] - y[0]) / (x[1] - x[0]);
        d[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        for (int i = 1; i < n - 1; i++) {
            d[i] = ((y[i + 1] - y[i - 1]) / 2.0) / ((x[i + 1] - x[i - 1]) / 2.0);
        }
        return d;
    }
}
