package org.xasdaml.workflow;

/** The paper's blocks, which become the KNIME node repository's categories. */
public enum Category {
    DATASET_CALCULATION("dataset-calculation", "Dataset Calculation"),
    DATASET_OPTIMIZATION("dataset-optimization", "Dataset Optimization"),
    MACHINE_LEARNING("machine-learning", "Machine Learning"),
    PREDICTION_ANALYSIS("prediction-analysis", "Prediction & Analysis"),
    TOOLKITS("toolkits", "Toolkits");

    private final String id;
    private final String title;

    Category(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
