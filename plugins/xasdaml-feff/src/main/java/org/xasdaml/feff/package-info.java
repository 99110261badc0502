/**
 * Paper module M1: simulation of X-ray absorption spectra with FEFF 8.5L (Debian's
 * {@code feff85exafs}, the same Feff8L the reference ran through Larch).
 *
 * <ul>
 * <li>{@link org.xasdaml.feff.FeffCards} and {@link org.xasdaml.feff.FeffInput}: the cards and the
 * {@code feff.inp} of one sample (absorber at the origin as potential 0, one potential per element).</li>
 * <li>{@link org.xasdaml.feff.FeffProgram}: finds the six stage programs and runs them in a sample's
 * folder with a time limit, no shell in between, the log kept.</li>
 * <li>{@link org.xasdaml.feff.FeffOutput}: μ(E) and χ(k) read from {@code xmu.dat} and {@code chi.dat}.</li>
 * <li>{@link org.xasdaml.feff.FeffBatch}: thousands of samples, resumable, one failing sample never
 * stopping the others, in three modes ({@link org.xasdaml.feff.FeffMode}).</li>
 * <li>{@link org.xasdaml.feff.SimulateSpectraStep}: the workflow step ({@code feff run}).</li>
 * </ul>
 */
package org.xasdaml.feff;
