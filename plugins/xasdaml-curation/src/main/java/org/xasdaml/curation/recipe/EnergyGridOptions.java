package org.xasdaml.curation.recipe;

import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;

/**
 * The energy grid around the spectra's edges as step parameters, declared once: the features step
 * (grid of mu/norm features around the reference E0) and the reconcile step (one grid for a whole
 * dataset, from its lowest E0 − below to its highest E0 + above) both take this record as a
 * parameter group, so the names, units, ranges and defaults cannot drift apart. The names are
 * those reconcile workflows were saved with since the first node set (below, above, points).
 *
 * @param below  eV of the grid below the (lowest) E0; negative starts the grid above the edge
 * @param above  eV of the grid above the (highest) E0
 * @param points number of grid points
 */
public record EnergyGridOptions(
        @Param(label = "Grid start below the lowest E0", group = "Energy grid", description = "Energy grid start below the "
                + "edge: below the reference E0 of mu/norm features, below the lowest E0 of a reconciled dataset", unit = "eV")
        double below,
        @Param(label = "Grid end above the highest E0", group = "Energy grid", description = "Energy grid end above the edge: "
                + "above the reference E0 of mu/norm features, above the highest E0 of a reconciled dataset", unit = "eV")
        double above,
        @Param(label = "Number of energy points", group = "Energy grid", description = "Number of energy grid points", min = 2,
                max = 100000)
        int points) {

    public EnergyGridOptions {
        if (!(above > -below)) {
            throw InvalidParameterException.of("above", "the grid must end above its start: above %s, below %s", above, below);
        }
    }

    /** The reference's grid: 10 eV below the lowest E0 to 200 eV above the highest, 1000 points. */
    public static EnergyGridOptions reference() {
        return new EnergyGridOptions(10, 200, 1000);
    }

    /** As the recipe's grid relative to E0 (emin = −below, emax = above). */
    public FeatureRecipe.EnergyGrid grid() {
        return new FeatureRecipe.EnergyGrid(-below, above, points);
    }
}
