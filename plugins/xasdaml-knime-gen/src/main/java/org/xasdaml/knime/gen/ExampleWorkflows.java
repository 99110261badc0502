package org.xasdaml.knime.gen;

import java.util.List;
import java.util.Map;

/**
 * The example workflows, described in code: each becomes a .knwf for KNIME and a command list for
 * the command line under {@code example-workflows/}.
 */
public final class ExampleWorkflows {
    private ExampleWorkflows() {
    }

    /** Where the command-line form writes its run folders (relative to the repository root). */
    public static final String CLI_OUT = "runs/";
    /** The workflow variable holding the structure file, so batch runs can point at their own copy. */
    public static final String STRUCTURE_FILE = "structure_file";
    /** The workflow variable holding FEFF's mode, so a quick batch run can choose no-scf. */
    public static final String FEFF_MODE = "feff_mode";

    public static List<WorkflowDescription> all() {
        return List.of(cu());
    }

    /**
     * One small test workflow per node type: the first node of each step in the Cu example with
     * what it needs upstream ("test-feff", ...). Not committed: the in-OSGi tests write and run them
     * in KNIME's batch executor (on 12 frames, FEFF in no-scf mode, through the workflow variables).
     */
    public static List<WorkflowDescription> nodeTests() {
        WorkflowDescription cu = cu();
        List<WorkflowDescription> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (WorkflowDescription.Node n : cu.nodes()) {
            if (seen.add(n.stepId())) {
                out.add(cu.upstreamOf(n.id(), "test-" + n.stepId(), "Test of the " + n.stepId() + " node and what it needs upstream"));
            }
        }
        return out;
    }

    /** The structure file, relative to the repository root on the command line and to the workflow folder in KNIME. */
    public static final String CU_DUMP = "data/cu-md-public.dump";
    /** Frames the example reads (the .knwf carries just these, so it stays small and runs as opened). */
    public static final int CU_FRAMES = 20;

    /**
     * The first {@code frames} frames of a LAMMPS text dump (frames start with "ITEM: TIMESTEP").
     *
     * @throws IllegalArgumentException when the file has fewer frames
     */
    public static byte[] firstFrames(byte[] dump, int frames) {
        String text = new String(dump, java.nio.charset.StandardCharsets.UTF_8);
        int at = -1;
        for (int f = 0; f <= frames; f++) {
            at = text.indexOf("ITEM: TIMESTEP", at + 1);
            if (at < 0) {
                if (f == frames) {
                    return dump.clone();
                }
                throw new IllegalArgumentException("the dump has only " + f + " frames, not " + frames);
            }
        }
        return text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The repository's data folder, from the repository root or from a module folder (where tests run). */
    static java.nio.file.Path repositoryFile(String path) {
        for (String up : List.of("", "../../")) {
            java.nio.file.Path p = java.nio.file.Path.of(up + path);
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException(path + " not found from " + java.nio.file.Path.of("").toAbsolutePath()
                + " (run from the repository root or a module folder)");
    }

    /** The Cu workflow on the public Cu MD set. */
    public static WorkflowDescription cu() {
        byte[] dump;
        try {
            dump = firstFrames(java.nio.file.Files.readAllBytes(repositoryFile(CU_DUMP)), CU_FRAMES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WorkflowDescription.Builder b = new WorkflowDescription.Builder("cu-workflow",
                "XASDAML on the public Cu cluster set: structures to spectra, descriptors, dataset, model, predictions")
                .variable(STRUCTURE_FILE, CU_DUMP)
                .variable(FEFF_MODE, "environment")
                .file(CU_DUMP, dump);
        // main line, left to right: the paper's blocks in order
        int structures = b.node("read-structures", "structures", 40, 120, Map.of("maxFrames", Integer.toString(CU_FRAMES)),
                Map.of("file", STRUCTURE_FILE));
        int feff = b.node("feff", "feff", 200, 60, Map.of(), Map.of("mode", FEFF_MODE));
        b.connect(structures, "structures", feff, "structures");
        int wavelet = b.node("wavelet", "wavelet", 360, -60, Map.of());
        b.connect(feff, "chi", wavelet, "chi");
        int descriptors = b.node("descriptors", "descriptors", 200, 200, Map.of());
        b.connect(structures, "structures", descriptors, "structures");
        // FEFF's μ(E) starts a few eV below E0, short of the grid's 10 eV pre-edge: clamp as the reference did (with a warning)
        int reconcile = b.node("reconcile", "reconcile", 360, 60, Map.of("extrapolation", "clamp"));
        b.connect(feff, "mu", reconcile, "mu").connect(feff, "chi", reconcile, "chi");
        int filter = b.node("filter", "filter", 520, 120, Map.of());
        b.connect(descriptors, "descriptors", filter, "labels").connect(reconcile, "norm-grid", filter, "data");
        int split = b.node("split", "split", 680, 200, Map.of("seed", "42"));
        b.connect(filter, "data-kept", split, "samples");
        int standardise = b.node("standardise", "standardise", 840, 120, Map.of());
        b.connect(filter, "data-kept", standardise, "features").connect(split, "split", standardise, "split");
        int train = b.node("train", "train", 1000, 120, Map.of("model", "mlp", "targets", "CN_JmolNN", "seed", "42"));
        b.connect(standardise, "standardised", train, "features").connect(filter, "labels-kept", train, "labels")
                .connect(split, "split", train, "split").connect(standardise, "transform", train, "transform");
        int predict = b.node("predict", "predict", 1160, 120, Map.of());
        b.connect(train, "model", predict, "model").connect(split, "test", predict, "spectra");
        int evaluate = b.node("evaluate", "evaluate", 1320, 120, Map.of());
        b.connect(predict, "predictions", evaluate, "predictions").connect(filter, "labels-kept", evaluate, "truth")
                .connect(split, "test", evaluate, "spectra");
        // a second model, a random forest, on the same features, and the two compared on the test set
        int forest = b.node("train", "train-forest", 1000, 260, Map.of("model", "rf", "targets", "CN_JmolNN", "seed", "42"));
        b.connect(standardise, "standardised", forest, "features").connect(filter, "labels-kept", forest, "labels")
                .connect(split, "split", forest, "split").connect(standardise, "transform", forest, "transform");
        int predictForest = b.node("predict", "predict-forest", 1160, 260, Map.of());
        b.connect(forest, "model", predictForest, "model").connect(split, "test", predictForest, "spectra");
        int compare = b.node("compare-models", "compare", 1320, 260, Map.of("target", "CN_JmolNN", "names", "MLP,RF"));
        b.connect(filter, "labels-kept", compare, "truth").connect(predict, "predictions", compare, "predictions1")
                .connect(predictForest, "predictions", compare, "predictions2");
        // toolkits on the side
        int plots = b.node("plots", "plots", 520, 320, Map.of("interval", "5"));
        b.connect(reconcile, "mu-grid", plots, "mu").connect(reconcile, "norm-grid", plots, "norm")
                .connect(descriptors, "descriptors", plots, "labels");
        int statistics = b.node("statistics", "statistics", 680, 320, Map.of());
        b.connect(filter, "labels-kept", statistics, "labels").connect(split, "split", statistics, "split");
        int analysis = b.node("analysis", "analysis", 840, 320, Map.of("maxClusters", "4"));
        b.connect(reconcile, "norm-grid", analysis, "spectra").connect(filter, "labels-kept", analysis, "labels");
        return b.build();
    }
}
