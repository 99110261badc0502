/**
 * Dataset curation (paper M3-M9): {@link org.xasdaml.curation.ReconcileStep} puts spectra on common
 * grids ({@link org.xasdaml.curation.SpectrumGrid}, also used for new spectra), {@link org.xasdaml.curation.PlotsStep},
 * {@link org.xasdaml.curation.StatisticsStep} and {@link org.xasdaml.curation.AnalysisStep} are the toolkits,
 * {@link org.xasdaml.curation.FilterStep} ({@link org.xasdaml.curation.LabelFilter}),
 * {@link org.xasdaml.curation.SplitStep} ({@link org.xasdaml.curation.DatasetSplit}) and
 * {@link org.xasdaml.curation.StandardiseStep} ({@link org.xasdaml.curation.Standardizer}, port type
 * {@link org.xasdaml.curation.CurationPorts#TRANSFORM}) prepare data for learning.
 */
package org.xasdaml.curation;
