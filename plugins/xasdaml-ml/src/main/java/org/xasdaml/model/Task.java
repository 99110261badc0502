package org.xasdaml.model;

/** What a model predicts: a number (regression) or one of the training set's label values (classification). */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public static Task parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
