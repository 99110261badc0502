/**
 * Evaluation of predictions, paper module M12: regression and classification metrics with
 * scikit-learn's definitions (tested against scikit-learn 1.2.1 fixtures), the evaluation report
 * with its figures, and the comparison of several models on the same test samples.
 */
package org.xasdaml.evaluation;
