package org.xasdaml.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name a parameter had in an earlier version, declared next to the parameter, so that files
 * saved with the old name keep working: a command-line workflow (JSON) naming the old option and a
 * KNIME workflow whose node settings hold the old key both load, with a deprecation warning that
 * names the new parameter. Without it a rename breaks every saved workflow with "unknown
 * parameter" (the features step's {@code emin}/{@code emax} became {@code below}/{@code above}).
 *
 * <p>On a {@link Param} component it names that parameter's former name. On a parameter group
 * (a record component without {@code @Param}) {@link #member()} says which member of the group
 * had the name: a step that moved its parameters into a shared group declares the old names on
 * its own component, so another step using the same group does not pretend to have had them.
 *
 * <p>{@link #factor()} converts a number whose meaning changed with the name (old value × factor
 * = new value): {@code emin} was the grid start relative to E0 (−10 eV), {@code below} is the
 * distance below E0 (10 eV), so factor −1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@Repeatable(FormerName.List.class)
public @interface FormerName {
    /** The former name, as saved in old workflows (command-line option key, KNIME settings key). */
    String value();

    /** On a parameter group: the member that had this name. Empty on a {@code @Param} component. */
    String member() default "";

    /** Old value × factor = new value; only for decimal parameters (kind DOUBLE). */
    double factor() default 1;

    /** When the name changed, e.g. "2026-12-05"; shown in the warning. */
    String since() default "";

    /** The container of repeated {@link FormerName}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface List {
        FormerName[] value();
    }
}
