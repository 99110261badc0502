package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels, groups, "applies when" conditions, column pickers and path kinds declared on {@link Param}. */
class ParameterPresentationTest {

    record Options(
            @Param(description = "Model family", choices = {"mlp", "rf"}) String model,
            @Param(description = "Hidden layer sizes", label = "Hidden layers", group = "Network", appliesWhen = "model=mlp")
            List<String> hidden,
            @Param(description = "Search", group = "Random forest", appliesWhen = "model=rf") boolean search,
            @Param(description = "Folds", group = "Random forest", appliesWhen = "model = rf; search = true") int folds,
            @Param(description = "Targets", columnsOf = "labels") List<String> targets,
            @Param(description = "Methods", columnsOf = "labels", columnPrefix = "CN_") List<String> methods,
            @Param(description = "Program folder", folder = true) String programs,
            @Param(description = "Spectra", file = true) List<String> files,
            @Param(description = "Structure file", file = true) String structure) {
    }

    final List<ParameterSpec> specs = ParameterSet.of(new Options("mlp", List.of("8"), false, 5, List.of("CN"), List.of(),
            "", List.of(), "")).specs();

    private ParameterSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void labelsAreDeclaredOrDerived() {
        assertEquals("Hidden layers", spec("hidden").label());
        assertEquals("Model", spec("model").label());
        assertEquals("--hidden", spec("hidden").option(), "the command line keeps the component name");
    }

    @Test
    void conditionsFollowTheOtherParameters() {
        assertEquals("Network", spec("hidden").group());
        assertEquals("", spec("model").group());
        ParameterSpec folds = spec("folds");
        assertEquals(List.of(new ParameterSpec.Condition("model", List.of("rf")), new ParameterSpec.Condition("search", List.of("true"))),
                folds.appliesWhen());
        assertTrue(folds.applies(Map.of("model", "rf", "search", "true")));
        assertFalse(folds.applies(Map.of("model", "rf", "search", "false")));
        assertFalse(folds.applies(Map.of("model", "mlp", "search", "true")));
        assertTrue(spec("hidden").applies(Map.of("model", "mlp")));
        assertTrue(spec("model").applies(Map.of()), "no condition: always applies");
    }

    @Test
    void columnPickersAndPaths() {
        assertEquals("labels", spec("targets").columnsOf());
        assertEquals("CN_", spec("methods").columnPrefix());
        assertEquals(ParameterSpec.PathKind.FOLDER, spec("programs").path());
        assertEquals(ParameterSpec.Kind.FILE, spec("programs").kind());
        assertEquals(ParameterSpec.PathKind.FILES, spec("files").path());
        assertEquals(ParameterSpec.Kind.TEXT_LIST, spec("files").kind());
        assertEquals(ParameterSpec.PathKind.FILE, spec("structure").path());
        assertEquals(ParameterSpec.PathKind.NONE, spec("targets").path());
    }

    record BadName(@Param(description = "a", choices = {"x", "y"}) String a,
                   @Param(description = "b", appliesWhen = "modle=x") int b) {
    }

    record BadValue(@Param(description = "a", choices = {"x", "y"}) String a,
                    @Param(description = "b", appliesWhen = "a=z") int b) {
    }

    @Test
    void conditionsAreCheckedWhenTheStepIsDeclared() {
        assertEquals("org.xasdaml.workflow.ParameterPresentationTest$BadName.b: appliesWhen names 'modle', which is no other "
                + "parameter of the step", assertThrows(IllegalStateException.class, () -> ParameterSet.of(new BadName("x", 1))).getMessage());
        assertEquals("org.xasdaml.workflow.ParameterPresentationTest$BadValue.b: appliesWhen a=z: 'z' is not a value of a (x, y)",
                assertThrows(IllegalStateException.class, () -> ParameterSet.of(new BadValue("x", 1))).getMessage());
        assertEquals("appliesWhen 'model': 'model' is not of the form parameter=value|value",
                assertThrows(IllegalArgumentException.class, () -> ParameterSpec.Condition.parseAll("model")).getMessage());
    }
}
