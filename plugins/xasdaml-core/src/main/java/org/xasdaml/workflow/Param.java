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

    /**
     * The name shown in dialogs and node descriptions, in words with no unit (the unit is added):
     * "Number of trees", not "Trees". Empty: derived from the component name ("skipBadFrames"
     * becomes "Skip bad frames"). The command-line option always follows the component name.
     */
    String label() default "";

    /**
     * The dialog group the parameter belongs to, e.g. "Random forest": parameters of one group are
     * shown together under that title, in declaration order. Empty: the step's main group.
     */
    String group() default "";

    /**
     * When the parameter matters, as conditions on other parameters of the same step, all of which
     * must hold: {@code "model=mlp|cnn"}, {@code "model=rf; search=true"}. Dialogs disable the
     * parameter while a condition fails, and node descriptions say when it applies. Empty: always.
     */
    String appliesWhen() default "";

    /**
     * A text or list parameter whose values are column names of this input port (its port name):
     * dialogs offer the columns of the connected table instead of free text.
     */
    String columnsOf() default "";

    /**
     * With {@link #columnsOf()}: only columns starting with this prefix are offered, and the value
     * is the rest of the name (e.g. prefix "CN_" offers label methods from columns CN_JmolNN, …).
     */
    String columnPrefix() default "";

    /** A path to a folder (dialogs show a folder chooser); implies {@link #file()}. */
    boolean folder() default false;
}
