/**
 * Unsupervised analysis of spectra and labels (paper M6): {@link org.xasdaml.curation.analysis.PrincipalComponents}
 * (scikit-learn PCA, full solver), {@link org.xasdaml.curation.analysis.KMeans} (Lloyd with
 * seeded k-means++) and the automatic {@link org.xasdaml.curation.analysis.Elbow} choice.
 */
package org.xasdaml.curation.analysis;
