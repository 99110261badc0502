/**
 * Prediction, paper module M11: a saved model archive applied to spectra, with the archive's own
 * grid and transform, refusing spectra that do not cover the model's grid.
 */
package org.xasdaml.prediction;
