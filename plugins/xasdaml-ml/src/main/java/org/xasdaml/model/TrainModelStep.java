package org.xasdaml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xasdaml.curation.CurationPorts;
import org.xasdaml.curation.Standardizer;
import org.xasdaml.plot.Chart;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.TableColumns;

/** Trains an MLP, a 1-D CNN or a random forest on a split dataset and writes one model archive (paper M10). */
public final class TrainModelStep implements Step<TrainModelStep.Options> {

    public static final Port<SampleTable> FEATURES = Port.of("features", PortTypes.TABLE,
            "Model inputs, one row per sample: spectra on a grid, or the standardised/PCA features of the transform");
    public static final Port<SampleTable> LABELS = Port.of("labels", PortTypes.TABLE,
            "Structure descriptors with the target columns (e.g. CN_JmolNN, CR_JmolNN)");
    public static final Port<SampleTable> SPLIT = Port.of("split", PortTypes.TABLE,
            "The dataset division: text column 'set' with train, valid or test per sample");
    public static final Port<Standardizer> TRANSFORM = Port.optional("transform", CurationPorts.TRANSFORM,
            "The transform that made the features from raw spectra; stored in the model so prediction applies it");
    public static final Port<ModelArchive> MODEL = Port.of("model", ModelPorts.MODEL,
            "The trained model (best checkpoint), with grid, transform, classes, parameters, provenance and metrics");
    public static final Port<SampleTable> CURVES = Port.of("curves", PortTypes.TABLE,
            "Loss curves: per epoch (index) and ensemble member (site) the training and validation loss, MSE and MAE");
    public static final Port<SampleTable> PREDICTIONS = Port.of("predictions", PortTypes.TABLE,
            "The saved model's predictions on the test set, with uncertainty and the true values");
    public static final Port<FigureSet> FIGURES = Port.of("figures", PortTypes.FIGURES, "Loss curves");

    /** Parameters of training. */
    public record Options(
            @Param(label = "Model kind", description = "Model family", choices = {"mlp", "cnn", "rf"}) String model,
            @Param(label = "Task", description = "Predict numbers (regression) or the training set's label values (classification)",
                    choices = {"regression", "classification"}) String task,
            @Param(label = "Target columns", columnsOf = "labels", description = "Target columns of the labels table; several train one regression model for all") List<String> targets,
            @Param(label = "Hidden layer sizes", group = "Multilayer perceptron", appliesWhen = "model=mlp", description = "MLP hidden layer sizes, first to last") List<String> hidden,
            @Param(label = "Convolution channels", group = "Convolutional network", appliesWhen = "model=cnn", description = "CNN convolution channels, one layer each") List<String> channels,
            @Param(label = "Kernel width", group = "Convolutional network", appliesWhen = "model=cnn", description = "CNN kernel width", unit = "grid points", min = 1) int kernel,
            @Param(label = "Pooling width", group = "Convolutional network", appliesWhen = "model=cnn", description = "CNN max-pooling width after each convolution but the last (1 = none)", min = 1) int pool,
            @Param(label = "Dense layer sizes", group = "Convolutional network", appliesWhen = "model=cnn", description = "CNN dense layer sizes after the convolutions") List<String> dense,
            @Param(label = "Dropout fraction", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Fraction of units dropped after each hidden dense layer", min = 0, max = 0.95) double dropout,
            @Param(label = "L2 weight penalty", group = "Network training", appliesWhen = "model=mlp|cnn", description = "L2 penalty factor λ on weights (λ·Σw² added to the loss, as Keras l2)", min = 0) double l2,
            @Param(label = "Learning rate", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Adam learning rate", min = 0) double learningRate,
            @Param(label = "Minibatch size", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Minibatch size", min = 1) int batch,
            @Param(label = "Maximum number of epochs", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Maximum number of epochs", min = 1) int epochs,
            @Param(label = "Early-stopping patience (epochs)", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Stop after this many epochs without a lower validation loss (0 = run all epochs)", min = 0) int patience,
            @Param(label = "Smallest improvement of the validation loss", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Smallest decrease of the validation loss that counts", min = 0, advanced = true) double minDelta,
            @Param(label = "Number of networks in the ensemble", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Networks trained with seeds seed, seed+1, ... (per fold with cross-fitting); their spread is each prediction's uncertainty",
                    min = 1) int ensemble,
            @Param(label = "Number of trees", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: number of trees", min = 1) int trees,
            @Param(label = "Maximum tree depth", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: maximum tree depth", min = 2) int maxDepth,
            @Param(label = "Features tried per split", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: features tried per split (0 = square root of their number)", min = 0) int mtry,
            @Param(label = "Smallest node that is split (samples)", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: nodes with fewer samples are not split", min = 1) int nodeSize,
            @Param(label = "Fraction of samples per tree", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: fraction of samples per tree (1 = bootstrap)", min = 0, max = 1, advanced = true)
            double subsample,
            @Param(label = "Tune the forest by cross-validation", group = "Random forest", appliesWhen = "model=rf", description = "Random forest: choose trees, depth, mtry and node size by k-fold cross-validation on the "
                    + "training set") boolean search,
            @Param(label = "Numbers of trees to try", group = "Cross-validation search", appliesWhen = "model=rf; search=true", description = "Search: numbers of trees", advanced = true) List<String> searchTrees,
            @Param(label = "Tree depths to try", group = "Cross-validation search", appliesWhen = "model=rf; search=true", description = "Search: depths", advanced = true) List<String> searchDepths,
            @Param(label = "Features per split to try", group = "Cross-validation search", appliesWhen = "model=rf; search=true", description = "Search: features per split (0 = square root)", advanced = true) List<String> searchMtry,
            @Param(label = "Node sizes to try", group = "Cross-validation search", appliesWhen = "model=rf; search=true", description = "Search: node sizes", advanced = true) List<String> searchNodeSizes,
            @Param(label = "Number of folds", group = "Cross-validation search", appliesWhen = "model=rf; search=true", description = "Search: number of folds", min = 2, advanced = true) int folds,
            @Param(label = "Random seed", description = "Random seed (weights, minibatch order, trees, folds)") long seed,
            @Param(label = "Native threads", group = "Network training", appliesWhen = "model=mlp|cnn", description = "Native threads (OpenMP and OpenBLAS) for the networks; 1 is fastest on a busy 2-core machine",
                    min = 1, advanced = true) int threads,
            @Param(label = "Interval level", group = "Uncertainty", description = "Nominal coverage of the prediction intervals, calibrated on the validation set "
                    + "(split-conformal) or on out-of-fold predictions (cross-fitting)", min = 0.5, max = 0.99) double intervalLevel,
            @Param(label = "Interval score", group = "Uncertainty", description = "Interval score: |residual| (absolute), |residual| over the ensemble/tree spread "
                    + "(normalised), or the narrower of both on validation (auto)",
                    choices = {"auto", "absolute", "normalised"}, advanced = true) String intervalMethod,
            @Param(label = "Cross-fitting folds", group = "Uncertainty", description = "0 = train on the training set, stop early "
                    + "and calibrate on the validation set; k ≥ 2 = pool both, split them into k folds by source sample and train one "
                    + "model (the ensemble, or a forest) per fold on the others, stopped early on its own fold: the model is all of "
                    + "them, and every pooled sample predicted by the one that did not see it calibrates the intervals",
                    min = 0) int crossFolds) {

        public Options {
            ModelKind.parse(model);
            Task.parse(task);
            if (targets.isEmpty()) {
                throw new InvalidParameterException("targets", "give at least one target column");
            }
            if (Task.parse(task) == Task.CLASSIFICATION && targets.size() != 1) {
                throw InvalidParameterException.of("targets", "classification takes one target, got %s", targets);
            }
            ints("hidden", hidden);
            ints("channels", channels);
            ints("dense", dense);
            ints("searchTrees", searchTrees);
            ints("searchDepths", searchDepths);
            ints("searchMtry", searchMtry);
            ints("searchNodeSizes", searchNodeSizes);
            if (crossFolds == 1) {
                throw new InvalidParameterException("crossFolds", "cross-fitting needs at least 2 folds (0 = none), got 1");
            }
            if (ModelKind.parse(model) == ModelKind.MLP && hidden.isEmpty()) {
                throw new InvalidParameterException("hidden", "an MLP needs at least one hidden layer");
            }
            if (ModelKind.parse(model) == ModelKind.CNN && channels.isEmpty()) {
                throw new InvalidParameterException("channels", "a CNN needs at least one convolution");
            }
        }

        NetworkOptions network() {
            return new NetworkOptions(ints("hidden", hidden), ints("channels", channels), kernel, pool, ints("dense", dense),
                    dropout, l2, learningRate, batch, epochs, patience, minDelta, ensemble, seed);
        }

        ForestOptions forest() {
            return new ForestOptions(trees, maxDepth, mtry, nodeSize, 0, subsample, seed);
        }
    }

    static List<Integer> ints(String name, List<String> values) {
        List<Integer> out = new ArrayList<>();
        for (String v : values) {
            try {
                int i = Integer.parseInt(v.strip());
                if (i < 0) {
                    throw new NumberFormatException();
                }
                out.add(i);
            } catch (NumberFormatException e) {
                throw InvalidParameterException.of(name, "'%s' in %s is not a non-negative whole number", v, name);
            }
        }
        return out;
    }

    @Override
    public StepInfo info() {
        return new StepInfo("train", List.of("model", "train"), "Train Model", Category.MACHINE_LEARNING, "M10",
                "Trains an MLP, a 1-D CNN (Deeplearning4j) or a random forest (Smile) and saves one model archive.",
                """
                Trains on the rows of the split marked train, stops early on the validation loss (networks) and keeps \
                the best epoch's weights as the model, then scores that saved model on the validation and test rows. \
                Defaults are the XASDAML reference's: MLP 512-256-128-64-32 ReLU with L2 1e-4, Adam 1e-3, batch 32; \
                CNN with 32/64/128 channels of width 3, max-pooling 2 and dense 128/64; random forest of 150 trees of \
                depth 15 trying √p features per split.

                Regression can predict several targets at once (e.g. CN_JmolNN and CR_JmolNN); inputs and targets \
                are z-scored on the training rows inside the model. Classification takes the classes from the \
                training labels and stores the mapping in the model. An ensemble of networks with consecutive seeds \
                (or the trees of the forest) gives each prediction an uncertainty.

                Cross-fitting (k folds) pools the training and validation rows, divides them into k folds by source \
                sample (a spectrum and its augmented variants stay together) and trains one model per fold on the \
                other folds, stopped early on its own: the saved model is all k of them, and every pooled sample as \
                predicted by the one model that left it out calibrates the intervals, on four to five times as many \
                samples as the validation set alone. The validation scores are then these out-of-fold ones.

                The archive (.xasmodel) holds the networks in Deeplearning4j's format or the trees as arrays, the \
                input grid, the feature transform, targets, classes, every parameter, provenance and metrics.""",
                List.of(FEATURES, LABELS, SPLIT, TRANSFORM), List.of(MODEL, CURVES, PREDICTIONS, FIGURES));
    }

    @Override
    public Options defaults() {
        return new Options("mlp", "regression", List.of("CN_JmolNN"), List.of("512", "256", "128", "64", "32"),
                List.of("32", "64", "128"), 3, 2, List.of("128", "64"), 0.0, 1e-4, 1e-3, 32, 100, 20, 0.0, 1,
                150, 15, 0, 5, 1.0, false, List.of("50", "100", "150"), List.of("5", "10", "15"), List.of("0"),
                List.of("2", "5", "10"), 5, 42L, 1, 0.9, "auto", 0);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        ModelKind kind = ModelKind.parse(o.model());
        ModelTraining.ForestGrid grid = o.search() && kind == ModelKind.RF
                ? new ModelTraining.ForestGrid(ints("searchTrees", o.searchTrees()), ints("searchDepths", o.searchDepths()),
                ints("searchMtry", o.searchMtry()), ints("searchNodeSizes", o.searchNodeSizes()), o.folds())
                : null;
        ModelTraining.Spec spec = new ModelTraining.Spec(kind, Task.parse(o.task()), o.targets(), o.network(), o.forest(), grid,
                ctx.workers(), o.threads(), o.intervalLevel(), o.intervalMethod(), o.crossFolds());
        int models = Math.max(1, o.crossFolds());
        int members = kind == ModelKind.RF ? models : o.ensemble() * models;
        int perMember = kind == ModelKind.RF ? o.targets().size() : o.epochs();
        int total = members * perMember;
        int[] done = new int[members]; // epochs (networks) or targets (forests) finished per member: folds may train at once
        NetworkTrainer.Monitor monitor = (m, e, l) -> {
            ctx.checkCancelled();
            int sum;
            synchronized (done) {
                done[m] = e;
                sum = java.util.Arrays.stream(done).sum();
            }
            String msg = l.length >= 2 ? String.format(Locale.ROOT, "member %d epoch %d: loss %.4g, valid loss %.4g", m + 1, e, l[0], l[1])
                    : "forest " + (m * o.targets().size() + e) + " of " + total + " trained";
            ctx.progress(Math.min(1.0, (double) sum / total), msg);
        };
        ModelTraining.Result r = ModelTraining.train(in.get(FEATURES), in.get(LABELS), in.get(SPLIT), in.find(TRANSFORM), spec,
                monitor, ctx::warn);
        Software.versions().forEach(ctx::recordSoftware);
        if (r.archive().recipe() != null) {
            r.archive().recipe().recordIn(ctx);
        }
        List<Figure> figs = new ArrayList<>();
        if (r.curves().rows() > 0) {
            figs.add(curveFigure(r.curves(), "loss", "training_validation_loss", "Loss"));
            figs.add(curveFigure(r.curves(), "mse", "training_validation_mse", "MSE"));
            figs.add(curveFigure(r.curves(), "mae", "training_validation_mae", "MAE"));
        }
        return StepData.empty().with(MODEL, r.archive()).with(CURVES, r.curves()).with(PREDICTIONS, r.predictions())
                .with(FIGURES, new FigureSet(figs));
    }

    /** Training and validation curves of every member against epoch. */
    static Figure curveFigure(SampleTable curves, String what, String name, String label) {
        Chart c = new Chart().title("Training and validation " + label).xLabel("epoch", "").yLabel(label, "");
        java.util.Map<Integer, List<Integer>> byMember = new java.util.TreeMap<>();
        for (int i = 0; i < curves.rows(); i++) {
            byMember.computeIfAbsent(curves.ids().get(i).site(), k -> new ArrayList<>()).add(i);
        }
        for (var e : byMember.entrySet()) {
            List<Integer> rows = e.getValue();
            double[] x = new double[rows.size()];
            double[] tr = new double[rows.size()];
            double[] va = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                x[k] = curves.ids().get(rows.get(k)).frame();
                tr[k] = curves.value(rows.get(k), curves.columnIndex("train_" + what));
                va[k] = curves.value(rows.get(k), curves.columnIndex("valid_" + what));
            }
            String suffix = byMember.size() > 1 ? " (member " + (e.getKey() + 1) + ")" : "";
            c.line("train" + suffix, x, tr);
            c.line("valid" + suffix, x, va);
        }
        return c.render(name);
    }

    /**
     * Networks write one loss-curve row per epoch and member; a forest writes none (and no columns).
     * A regression's test predictions hold each target, its spread and its true value, and the model
     * port says the columns of the predictions the model makes (for Predict after it); a
     * classifier's columns name the classes found in the data, so they are known only after training.
     */
    @Override
    public TableColumns outputColumns(String output, Options o,
                                                           java.util.Map<String, TableColumns> inputs) {
        if (output.equals(CURVES.name())) {
            List<String> names = new ArrayList<>(LossCurve.COLUMNS);
            names.add("best");
            return TableColumns.numeric(ModelKind.parse(o.model()) == ModelKind.RF ? List.of() : names);
        }
        if ((output.equals(PREDICTIONS.name()) || output.equals(MODEL.name())) && Task.parse(o.task()) == Task.REGRESSION) {
            List<String> names = new ArrayList<>();
            // as ModelArchive.predict writes them: point, spread and calibrated interval per target, then the domain
            for (String t : o.targets()) {
                names.addAll(List.of(t, t + "_sd", t + "_lo", t + "_hi", t + "_in_range"));
            }
            names.addAll(List.of("domain_score", "in_domain"));
            if (output.equals(MODEL.name())) {
                return TableColumns.numeric(names); // a model port's columns: those of the predictions it makes (ModelPorts.MODEL)
            }
            o.targets().forEach(t -> names.add(t + "_true"));
            return TableColumns.numeric(names);
        }
        return null;
    }
}
