/** Descriptive statistics of labels and descriptors (paper M5), with pandas/NumPy semantics. */
package org.xasdaml.curation.statistics;
