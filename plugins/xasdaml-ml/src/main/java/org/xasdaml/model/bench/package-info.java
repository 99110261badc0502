/** Benchmarks that print training times on this machine (not tests). */
package org.xasdaml.model.bench;
