package org.xasdaml.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The classes of a classifier: the distinct label values of its training set, in increasing
 * order; output unit i of the model means {@code labels[i]}.
 *
 * <p>Stored inside every model archive, so prediction maps outputs back to labels with the very
 * table training used. The reference instead computed {@code y − min_label} in training and added a
 * hard-coded {@code min_label = 2} in prediction (training's was 3), shifting every predicted class
 * by one, and its one-hot encoding assumed contiguous integers; here any set of values works
 * (CN 3, 4, 6, 12 gives four classes).
 *
 * @param labels the label values, strictly increasing
 */
public record ClassMapping(double[] labels) {
    public ClassMapping {
        labels = labels.clone();
        if (labels.length < 2) {
            throw new IllegalArgumentException("classification needs at least two classes in the training set, found "
                    + Arrays.toString(labels));
        }
        for (int i = 1; i < labels.length; i++) {
            if (!(labels[i] > labels[i - 1])) {
                throw new IllegalArgumentException("class labels must be strictly increasing: " + Arrays.toString(labels));
            }
        }
    }

    /** The classes present in the training labels. */
    public static ClassMapping of(double[] trainingLabels) {
        TreeSet<Double> set = new TreeSet<>();
        for (double v : trainingLabels) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a class label is not a finite number: " + v);
            }
            set.add(v);
        }
        return new ClassMapping(set.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public double[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public double label(int index) {
        return labels[index];
    }

    /** The class index of a label value. @throws IllegalArgumentException for an unknown label */
    public int index(double label) {
        int i = Arrays.binarySearch(labels, label);
        if (i < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "label %s is not one of the model's classes %s", label, Arrays.toString(labels)));
        }
        return i;
    }

    /** Class indices of many labels. */
    public int[] indices(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = index(values[i]);
        }
        return out;
    }

    /** Label text for reports: "3" for whole numbers, else the value. */
    public String name(int index) {
        double v = labels[index];
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
