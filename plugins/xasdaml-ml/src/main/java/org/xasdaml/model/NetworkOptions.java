package org.xasdaml.model;

import java.util.List;

/**
 * Hyperparameters of the Deeplearning4j networks (paper module M10).
 *
 * @param hidden       MLP hidden layer sizes [512, 256, 128, 64, 32]
 * @param channels     CNN convolution channels, one layer each [32, 64, 128]
 * @param kernel       CNN kernel width in grid points [3]
 * @param pool         CNN max-pooling width after every convolution but the last (1 = none) [2]
 * @param dense        CNN dense layer sizes after the convolutions [128, 64]
 * @param dropout      fraction of units dropped after each hidden dense layer (0 = none) [0]
 * @param l2           L2 penalty factor on weights, as Keras' {@code l2(λ)}: λ·Σw² is added to the loss [1e-4]
 * @param learningRate Adam learning rate [1e-3]
 * @param batch        minibatch size [32]
 * @param epochs       maximum number of epochs [100]
 * @param patience     stop after this many epochs without improvement of the validation loss (0 = never stop early) [20]
 * @param minDelta     smallest decrease of the validation loss that counts as improvement [0]
 * @param ensemble     networks trained with seeds seed, seed+1, …; their spread is the uncertainty [1]
 * @param seed         random seed (weights, dropout, minibatch order)
 */
public record NetworkOptions(List<Integer> hidden, List<Integer> channels, int kernel, int pool, List<Integer> dense,
                             double dropout, double l2, double learningRate, int batch, int epochs, int patience,
                             double minDelta, int ensemble, long seed) {
    public NetworkOptions {
        hidden = List.copyOf(hidden);
        channels = List.copyOf(channels);
        dense = List.copyOf(dense);
        for (List<Integer> l : List.of(hidden, channels, dense)) {
            for (int v : l) {
                if (v < 1) {
                    throw new IllegalArgumentException("layer sizes must be positive, got " + l);
                }
            }
        }
        if (kernel < 1 || pool < 1) {
            throw new IllegalArgumentException("kernel and pool must be at least 1");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (l2 < 0 || !(learningRate > 0) || batch < 1 || epochs < 1 || patience < 0 || minDelta < 0 || ensemble < 1) {
            throw new IllegalArgumentException("need l2 >= 0, learningRate > 0, batch, epochs, ensemble >= 1, patience, minDelta >= 0");
        }
    }

    /** The reference's architecture and training settings. */
    public static NetworkOptions defaults(long seed) {
        return new NetworkOptions(List.of(512, 256, 128, 64, 32), List.of(32, 64, 128), 3, 2, List.of(128, 64),
                0.0, 1e-4, 1e-3, 32, 100, 20, 0.0, 1, seed);
    }

    public NetworkOptions withEpochs(int e, int p) {
        return new NetworkOptions(hidden, channels, kernel, pool, dense, dropout, l2, learningRate, batch, e, p, minDelta,
                ensemble, seed);
    }

    public NetworkOptions withEnsemble(int n) {
        return new NetworkOptions(hidden, channels, kernel, pool, dense, dropout, l2, learningRate, batch, epochs, patience,
                minDelta, n, seed);
    }

    public NetworkOptions withLayers(List<Integer> h, List<Integer> ch, List<Integer> d) {
        return new NetworkOptions(h, ch, kernel, pool, d, dropout, l2, learningRate, batch, epochs, patience, minDelta,
                ensemble, seed);
    }
}
