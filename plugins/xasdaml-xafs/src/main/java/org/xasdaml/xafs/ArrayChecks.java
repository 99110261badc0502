package org.xasdaml.xafs;

/** Argument checks shared by the records and kernels of this package. */
final class ArrayChecks {

    private ArrayChecks() {
    }

    static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new XafsArgumentException(XafsArgumentException.NOT_FINITE, name, i, values[i]);
            }
        }
    }

    static void requireStrictlyIncreasing(String name, double[] values) {
        requireFinite(name, values);
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new XafsArgumentException(XafsArgumentException.NOT_INCREASING, name, i,
                        values[i], values[i - 1]);
            }
        }
    }

    static void requireSameLength(String nameA, double[] a, String nameB, double[] b) {
        if (a.length != b.length) {
            throw new XafsArgumentException(XafsArgumentException.LENGTH_MISMATCH, nameA, a.length,
                    nameB, b.length);
        }
    }

    static void requireMinLength(String name, double[] a, int min) {
        if (a.length < min) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, name, min, a.length);
        }
    }

    static double[] copy(String name, double[] a) {
        if (a == null) {
            throw new NullPointerException(name + " is null");
        }
        return a.clone();
    }
}
