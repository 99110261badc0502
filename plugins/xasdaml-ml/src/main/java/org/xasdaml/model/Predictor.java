package org.xasdaml.model;

/**
 * A trained model's inner function: scaled inputs in, outputs and their spread out. Regression
 * outputs are the scaled targets (one column per target); classification outputs are class
 * probabilities (one column per class of the {@link ClassMapping}). The spread is the standard
 * deviation over the members of the ensemble (networks trained with different seeds, or trees).
 */
public sealed interface Predictor permits NetworkEnsemble, ForestEnsemble {

    /** Outputs for rows of scaled features. */
    Output predict(double[][] x);

    /** Number of ensemble members (networks or trees). */
    int members();

    /**
     * @param mean   mean over members, rows x outputs
     * @param spread standard deviation over members (population), rows x outputs
     */
    record Output(double[][] mean, double[][] spread) {
    }

    /**
     * One predictor of all members of several of one kind (the fold models of cross-fitting): the networks
     * of all ensembles, or per output the trees of all forests, so that the mean and spread run over every
     * member alike.
     */
    static Predictor pool(java.util.List<Predictor> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        if (parts.get(0) instanceof NetworkEnsemble first) {
            java.util.List<org.deeplearning4j.nn.multilayer.MultiLayerNetwork> nets = new java.util.ArrayList<>();
            for (Predictor p : parts) {
                nets.addAll(((NetworkEnsemble) p).networks());
            }
            return new NetworkEnsemble(nets, first.task());
        }
        ForestEnsemble first = (ForestEnsemble) parts.get(0);
        java.util.List<Forest> forests = new java.util.ArrayList<>();
        for (int j = 0; j < first.forests().size(); j++) {
            java.util.List<Forest.Tree> trees = new java.util.ArrayList<>();
            for (Predictor p : parts) {
                trees.addAll(((ForestEnsemble) p).forests().get(j).trees());
            }
            Forest f = first.forests().get(j);
            forests.add(new Forest(f.nFeatures(), f.nOutputs(), trees));
        }
        return new ForestEnsemble(forests, first.task());
    }

    /** Mean and population standard deviation of member values, per row and column. */
    static Output summarise(double[][][] members) {
        int m = members.length;
        int n = members[0].length;
        int k = members[0][0].length;
        double[][] mean = new double[n][k];
        double[][] sd = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (double[][] member : members) {
                    s += member[i][j];
                }
                double mu = s / m;
                double v = 0;
                for (double[][] member : members) {
                    double d = member[i][j] - mu;
                    v += d * d;
                }
                mean[i][j] = mu;
                sd[i][j] = Math.sqrt(v / m);
            }
        }
        return new Output(mean, sd);
    }
}
