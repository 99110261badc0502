package org.xasdaml.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of a step, on a component of the step's options record.
 *
 * <p>This is the only place a parameter is described: the command line's options and help, the
 * KNIME dialog, the node description and the provenance record are all generated from it, so a
 * parameter added here appears everywhere with no other edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** What the parameter does, for a scientist; shown in --help, dialogs and node descriptions. */
    String description();

    /** Unit, e.g. "eV", "Å", "Å⁻¹"; empty when dimensionless. */
    String unit() default "";

    /** Smallest allowed value of a number (inclusive). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value of a number (inclusive). */
    double max() default Double.POSITIVE_INFINITY;

    /** Allowed values of a text parameter or of each item of a list; empty means free text. */
    String[] choices() default {};

    /** A path to a file or folder (dialogs show a file chooser). */
    boolean file() default false;

    /** Shown under "advanced" in dialogs and after the others in help. */
    boolean advanced() default false;
}
