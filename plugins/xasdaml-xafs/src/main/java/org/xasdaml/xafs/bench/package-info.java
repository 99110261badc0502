/**
 * A plain-Java timing harness for the XAFS kernels ({@link org.xasdaml.xafs.bench.XafsBench}); not
 * part of the API. The project's JMH benchmarks belong in the benchmarks module.
 */
package org.xasdaml.xafs.bench;
