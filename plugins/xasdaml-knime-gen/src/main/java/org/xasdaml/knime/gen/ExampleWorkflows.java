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

    /**
     * Checks of the Cu example's outputs, known physics of the data it carries: the foil's edge at
     * the Cu K edge after alignment, Cu-Cu distances of a few Å, the foil's first shell as the
     * largest peak of |χ(R)| (at about 2.2 Å before phase correction, Cu metal: 12 neighbours at
     * 2.556 Å). Bands on the foil's own numbers are built around Larch's values on the same file and
     * settings ({@code make_example_check_values.py} beside this module's tests). A test workflow checks those
     * of its nodes ({@link #checksOf}).
     */
    public static List<OutputCheck> checks() {
        return List.of(
                new OutputCheck("foil", "mu", "mu_8979.0000", -1.12928, -1.12908,
                        "the file's own μ at 8979.0 eV (its mutrans column: −1.1291778)"),
                new OutputCheck("align", "shifts", "e0_aligned", 8978.99, 8979.01, "aligned to the given E0"),
                new OutputCheck("normalise", "edges", "e0", 8970, 8990, "the edge near the Cu K edge, 8979 eV"),
                new OutputCheck("normalise", "edges", "edge_step", 2.82, 2.85, "Larch's pre_edge on this file: 2.8372"),
                new OutputCheck("autobk", "values", "kmax", 14.99, 15.01, "the given kmax: the data reach it"),
                new OutputCheck("xftf", "chir-mag", OutputCheck.PEAK, 2.20, 2.28,
                        "Cu metal's first shell (2.556 Å, phase-shifted; Larch's xftf on this file: 2.2396 Å)"),
                new OutputCheck("xftr", "chiq-re", "chiq_re_5.0000", 1.15, 1.22,
                        "Larch's autobk, xftf (2.5–11 Å⁻¹, k², Hanning dk 1) and xftr (1–3.5 Å, Hanning dr 0.1) on this file: 1.1851"),
                new OutputCheck("descriptors", "descriptors", "CR_JmolNN", 2.0, 3.2, "Cu-Cu distances"),
                new OutputCheck("descriptors", "descriptors", "CN_JmolNN", 1, 16, "coordination numbers of Cu atoms"),
                new OutputCheck("foil-mlp", "predictions", "CN_JmolNN", 4, 16,
                        "a Cu coordination number (the example's 16-frame training set reads the foil about 9.7)"),
                new OutputCheck("foil-forest", "predictions", "CN_JmolNN", 0, 16, "a forest predicts within its labels' range"));
    }

    /** The checks of the nodes a workflow has. */
    public static List<OutputCheck> checksOf(WorkflowDescription wf) {
        java.util.Set<String> labels = new java.util.HashSet<>();
        wf.nodes().forEach(n -> labels.add(n.label()));
        return checks().stream().filter(c -> labels.contains(c.node())).toList();
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

    /** The periodic bulk Cu frames, relative to the repository root on the command line and to the workflow folder in KNIME. */
    public static final String BULK_DUMP = "data/cu-bulk-md-public.dump";
    /** Bulk frames the example reads: a few, so the merged set stays small. */
    public static final int BULK_FRAMES = 4;
    /** The measured Cu foil (Larch's example data), inside the workflow. */
    public static final String FOIL = "data/cu_metal_rt.xdi";

    private static byte[] read(String path) {
        try {
            return java.nio.file.Files.readAllBytes(repositoryFile(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The Cu workflow on the public Cu MD set, as the command line's main job: cluster and bulk
     * frames merged, FEFF χ(k) through one feature recipe (|χ(R)|) to an MLP and a random forest,
     * evaluated and compared on the test set; the measured Cu foil read, aligned, normalised,
     * background-removed and Fourier-transformed, and its CN predicted by both models through the
     * recipe they carry.
     */
    public static WorkflowDescription cu() {
        byte[] dump = firstFrames(read(CU_DUMP), CU_FRAMES);
        WorkflowDescription.Builder b = new WorkflowDescription.Builder("cu-workflow",
                "XASDAML on the public Cu cluster set: structures to spectra, descriptors, features by one recipe, models, "
                        + "predictions, and the measured Cu foil through the same recipe")
                .variable(STRUCTURE_FILE, CU_DUMP)
                .variable(FEFF_MODE, "environment")
                .file(CU_DUMP, dump)
                .file(BULK_DUMP, firstFrames(read(BULK_DUMP), BULK_FRAMES))
                .file(FOIL, read(FOIL));
        // main line, left to right: the paper's blocks in order
        int structures = b.node("read-structures", "structures", 40, 60, Map.of("maxFrames", Integer.toString(CU_FRAMES)),
                Map.of("file", STRUCTURE_FILE));
        int bulk = b.node("read-structures", "bulk", 40, 180, Map.of("file", BULK_DUMP, "maxFrames", Integer.toString(BULK_FRAMES)));
        int merged = b.node("merge-structures", "merge", 160, 120, Map.of());
        b.connect(structures, "structures", merged, "structures1").connect(bulk, "structures", merged, "structures2");
        // 24 frames: two groups of environments, so FEFF computes self-consistent potentials for a few representatives only;
        // μ(E) from a stated threshold (Feff8L's Cu K threshold lies near 8988 eV, its E0 about 4 eV above it: 8975 puts
        // E0 near the tabulated 8979 eV), so that the μ(E) grid, and every node after it, is known before running
        int feff = b.node("feff", "feff", 280, 60, Map.of("groups", "2", "muThreshold", "8975"), Map.of("mode", FEFF_MODE));
        b.connect(merged, "structures", feff, "structures");
        int wavelet = b.node("wavelet", "wavelet", 400, -60, Map.of());
        b.connect(feff, "chi", wavelet, "chi");
        int descriptors = b.node("descriptors", "descriptors", 280, 200, Map.of());
        b.connect(merged, "structures", descriptors, "structures");
        // FEFF's μ(E) starts a few eV below E0, short of the grid's 10 eV pre-edge: clamp as the reference did (with a warning);
        // the grid around the tabulated Cu K edge, known before running
        int reconcile = b.node("reconcile", "reconcile", 400, 60, Map.of("extrapolation", "clamp", "edgeEnergy", "8979"));
        b.connect(feff, "mu", reconcile, "mu").connect(feff, "chi", reconcile, "chi");
        int filter = b.node("filter", "filter", 520, 160, Map.of());
        b.connect(descriptors, "descriptors", filter, "labels").connect(feff, "chi", filter, "data");
        int split = b.node("split", "split", 640, 240, Map.of("seed", "42"));
        b.connect(filter, "data-kept", split, "samples");
        // one recipe for training and test features and, inside the models, for the measured foil (as the main job)
        Map<String, String> recipe = Map.of("quantity", "chir", "input", "chi", "simulated", "true", "kmin", "2.5", "kmax", "11",
                "kweight", "2", "rmin", "1", "rmax", "3.5", "variants", "2", "seed", "42");
        int features = b.node("features", "features", 760, 160, recipe);
        b.connect(filter, "data-kept", features, "chi").connect(filter, "labels-kept", features, "labels")
                .connect(split, "split", features, "split");
        Map<String, String> testRecipe = new java.util.LinkedHashMap<>(recipe);
        testRecipe.put("variants", "0");
        int testFeatures = b.node("features", "test-features", 760, 300, testRecipe);
        b.connect(split, "test", testFeatures, "chi");
        int standardise = b.node("standardise", "standardise", 880, 160, Map.of());
        b.connect(features, "features", standardise, "features").connect(features, "split-out", standardise, "split");
        int train = b.node("train", "train", 1000, 100, Map.of("model", "mlp", "targets", "CN_JmolNN", "seed", "42"));
        b.connect(standardise, "standardised", train, "features").connect(features, "labels-out", train, "labels")
                .connect(features, "split-out", train, "split").connect(standardise, "transform", train, "transform");
        int predict = b.node("predict", "predict", 1120, 100, Map.of());
        b.connect(train, "model", predict, "model").connect(testFeatures, "features", predict, "spectra");
        int evaluate = b.node("evaluate", "evaluate", 1240, 100, Map.of());
        b.connect(predict, "predictions", evaluate, "predictions").connect(filter, "labels-kept", evaluate, "truth")
                .connect(testFeatures, "features", evaluate, "spectra");
        // a second model, a random forest, on the same features, and the two compared on the test set
        int forest = b.node("train", "train-forest", 1000, 240, Map.of("model", "rf", "targets", "CN_JmolNN", "seed", "42"));
        b.connect(standardise, "standardised", forest, "features").connect(features, "labels-out", forest, "labels")
                .connect(features, "split-out", forest, "split").connect(standardise, "transform", forest, "transform");
        int predictForest = b.node("predict", "predict-forest", 1120, 240, Map.of());
        b.connect(forest, "model", predictForest, "model").connect(testFeatures, "features", predictForest, "spectra");
        int compare = b.node("compare-models", "compare", 1240, 240, Map.of("target", "CN_JmolNN", "names", "MLP,RF"));
        b.connect(filter, "labels-kept", compare, "truth").connect(predict, "predictions", compare, "predictions1")
                .connect(predictForest, "predictions", compare, "predictions2");
        // the measured foil: its processing shown step by step, and CN from both models through their recipe
        int foil = b.node("read-spectra", "foil", 520, 420, Map.of("files", FOIL));
        // to the tabulated Cu K edge, as a given E0 (the models' recipe aligns on its own)
        int align = b.node("align", "align", 640, 420, Map.of("mode", "e0", "e0", "8979"));
        b.connect(foil, "mu", align, "mu");
        int normalise = b.node("normalise", "normalise", 760, 420, Map.of());
        b.connect(align, "aligned", normalise, "mu");
        // kmax given: χ(k) on 0 … 15 Å⁻¹ (the foil reaches 17.5), known before running, so the transforms configure too
        int autobk = b.node("autobk", "autobk", 880, 420, Map.of("kmax", "15"));
        b.connect(align, "aligned", autobk, "mu").connect(normalise, "edges", autobk, "edges");
        int xftf = b.node("xftf", "xftf", 1000, 420, Map.of("kmin", "2.5", "kmax", "11", "kweight", "2"));
        b.connect(autobk, "chi", xftf, "chi");
        int xftr = b.node("xftr", "xftr", 1120, 420, Map.of("rmin", "1", "rmax", "3.5"));
        b.connect(xftf, "chir-re", xftr, "chir-re").connect(xftf, "chir-im", xftr, "chir-im");
        int foilMlp = b.node("predict-measured", "foil-mlp", 1240, 360, Map.of("files", FOIL));
        b.connect(train, "model", foilMlp, "model");
        int foilForest = b.node("predict-measured", "foil-forest", 1240, 480, Map.of("files", FOIL));
        b.connect(forest, "model", foilForest, "model");
        // toolkits on the side
        int plots = b.node("plots", "plots", 520, 300, Map.of("interval", "5"));
        b.connect(reconcile, "mu-grid", plots, "mu").connect(feff, "chi", plots, "chi").connect(descriptors, "rdf", plots, "rdf")
                .connect(descriptors, "descriptors", plots, "labels");
        int statistics = b.node("statistics", "statistics", 640, 340, Map.of());
        b.connect(filter, "labels-kept", statistics, "labels").connect(split, "split", statistics, "split");
        int analysis = b.node("analysis", "analysis", 880, 300, Map.of("maxClusters", "4"));
        b.connect(feff, "chi", analysis, "spectra").connect(filter, "labels-kept", analysis, "labels");
        return b.build();
    }
}
