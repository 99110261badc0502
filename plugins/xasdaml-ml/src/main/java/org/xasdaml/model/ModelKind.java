package org.xasdaml.model;

import java.util.Locale;

/** The model families of paper module M10. */
public enum ModelKind {
    /** Multilayer perceptron (Deeplearning4j). */
    MLP,
    /** One-dimensional convolutional network (Deeplearning4j). */
    CNN,
    /** Random forest (Smile trees, stored as {@link Forest}). */
    RF;

    public static ModelKind parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
