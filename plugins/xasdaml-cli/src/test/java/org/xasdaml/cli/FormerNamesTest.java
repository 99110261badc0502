package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.Provenance;
import org.xasdaml.workflow.StepRegistry;

/**
 * Workflows written before the features step's emin/emax became below/above (declared with
 * {@code @FormerName}) still run: a {@code workflow run} file naming the old options, and the
 * command-line form the node set of 2026-12-05 wrote (fixture made by that node set), each with a
 * warning naming the new parameter, and with the same features as today's names give.
 */
class FormerNamesTest {
    static final Path FOIL = Path.of("../../data/cu_metal_rt.xdi").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StepRegistry registry = StepRegistry.load(FormerNamesTest.class.getClassLoader());

    int run(String... args) {
        return new Main(registry, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static String workflow(String grid) {
        return """
                {"name": "foil-features", "stages": [
                  {"name": "foil", "step": "read-spectra", "options": {"files": "%s"}},
                  {"name": "features", "step": "features", "inputs": {"mu": "foil/mu"},
                   "options": {"quantity": "norm", "input": "mu", "simulated": false, %s, "points": 341}}]}
                """.formatted(FOIL.toString().replace("\\", "\\\\"), grid);
    }

    @Test
    void aWorkflowFileWithTheOldNamesRunsWithAWarning() throws Exception {
        Path oldWf = Files.writeString(dir.resolve("old.json"), workflow("\"emin\": -20, \"emax\": 150"));
        Path newWf = Files.writeString(dir.resolve("new.json"), workflow("\"below\": 20, \"above\": 150"));
        assertEquals(0, run("workflow", "run", oldWf.toString(), "--out", dir.resolve("old").toString(), "--quiet"), err());
        String warnings = err();
        assertTrue(warnings.contains("warning: stage features: 'emin' is the former name of 'below' (renamed 2026-12-05): "
                + "read as below = 20 (below = -1 × emin). The old name is deprecated; use below.\n"), warnings);
        assertTrue(warnings.contains("warning: stage features: 'emax' is the former name of 'above' (renamed 2026-12-05): "
                + "read as above = 150. The old name is deprecated; use above.\n"), warnings);
        assertEquals(1, warnings.split("'emin' is the former name", -1).length - 1, "said once, before the run");

        err.reset();
        assertEquals(0, run("workflow", "run", newWf.toString(), "--out", dir.resolve("new").toString(), "--quiet"), err());
        assertFalse(err().contains("former name"), err());

        Provenance p = Provenance.read(dir.resolve("old/features/provenance.json"));
        assertEquals("20", p.parameters().get("below"), "provenance records today's names");
        assertEquals("150", p.parameters().get("above"));
        assertFalse(p.parameters().containsKey("emin"));
        Map<String, byte[]> oldFeatures = entries(dir.resolve("old/features/features.npz"));
        Map<String, byte[]> newFeatures = entries(dir.resolve("new/features/features.npz"));
        assertEquals(newFeatures.keySet(), oldFeatures.keySet());
        for (String e : newFeatures.keySet()) {
            assertArrayEquals(newFeatures.get(e), oldFeatures.get(e), "features.npz: " + e);
        }
        Map<?, ?> meta = (Map<?, ?>) Json.parseObject(new String(oldFeatures.get("table.json"), StandardCharsets.UTF_8)).get("meta");
        FeatureRecipe recipe = FeatureRecipe.fromJson((String) meta.get(FeatureRecipe.META_KEY));
        assertEquals(new FeatureRecipe.EnergyGrid(-20, 150, 341), recipe.energyGrid(), "the recipe's grid relative to E0");
    }

    /** The entries of a zip (an .npz) by name; their times differ from run to run, their contents must not. */
    static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    /** The command list the node set of 2026-12-05 wrote for its features workflow ({@code --emin -20 --emax 150}). */
    @Test
    void theOldCommandLineFormRunsWithAWarning() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("node-set-2026-12-05/features-commands.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> root = Json.parseObject(json);
        List<String> warned = new ArrayList<>();
        for (Object c : (List<?>) root.get("commands")) {
            List<String> args = new ArrayList<>();
            for (Object a : ((List<?>) c).subList(1, ((List<?>) c).size())) { // without "./xasdaml"
                String s = (String) a;
                args.add(s.equals("data/cu_metal_rt.xdi") ? FOIL.toString()
                        : s.replace((String) root.get("outRoot"), dir.resolve("cli").toString()));
            }
            err.reset();
            assertEquals(0, run(args.toArray(String[]::new)), String.join(" ", args) + "\n" + err());
            err().lines().filter(l -> l.contains("former name")).forEach(warned::add);
        }
        assertEquals(List.of("warning: 'emin' is the former name of 'below' (renamed 2026-12-05): read as below = 20 "
                        + "(below = -1 × emin). The old name is deprecated; use below.",
                "warning: 'emax' is the former name of 'above' (renamed 2026-12-05): read as above = 150. "
                        + "The old name is deprecated; use above."), warned);
        Provenance p = Provenance.read(dir.resolve("cli/02-features/provenance.json"));
        assertEquals("20", p.parameters().get("below"));
        assertEquals("341", p.parameters().get("points"));
    }
}
