/**
 * Machine-learning models of paper module M10: MLP and 1-D CNN (Deeplearning4j) and random forests
 * (Smile, stored as plain {@link org.xasdaml.model.Forest} arrays), their training with early
 * stopping and ensembles, and the single-file {@link org.xasdaml.model.ModelArchive} that carries a
 * model together with its grid, transform, classes, parameters, provenance and metrics.
 *
 * <p>Native BLAS: Deeplearning4j (ND4J) and Smile both use {@code org.bytedeco:openblas}; the module's
 * pom pins one javacpp (1.5.7) and OpenBLAS (0.3.19-1.5.7) with the Linux x86-64 natives only, and
 * {@link org.xasdaml.model.BlasThreads} sets the thread counts.
 */
package org.xasdaml.model;
