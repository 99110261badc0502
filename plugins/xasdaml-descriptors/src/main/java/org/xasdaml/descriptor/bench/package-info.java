/**
 * Benchmarks of the descriptor kernels (paper module M2), run as main classes, never as tests.
 */
package org.xasdaml.descriptor.bench;
