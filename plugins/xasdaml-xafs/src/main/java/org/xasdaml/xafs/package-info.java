/**
 * XAS signal-processing kernels, re-implemented from Larch 0.9.58 ({@code larch.xafs}).
 *
 * <p>Paper modules served: M1 (simulation of XAS: wavelet transform, {@code autobk} flattening,
 * FEFF {@code xmu.dat}) and M3 (data reconciliation: {@code pre_edge}/E0, interpolation onto a
 * common grid). Every operation is a pure static kernel (arrays and records in, an immutable
 * result record out; no I/O, no logging), one class per physical operation:
 * {@link org.xasdaml.xafs.EdgeEnergy} ({@code find_e0}), {@link org.xasdaml.xafs.EdgeNormalization}
 * ({@code pre_edge}), {@link org.xasdaml.xafs.AutobkBackground} ({@code autobk}),
 * {@link org.xasdaml.xafs.FourierWindow} ({@code ftwindow}),
 * {@link org.xasdaml.xafs.XafsFourierTransform} ({@code xftf}/{@code xftr}),
 * {@link org.xasdaml.xafs.CauchyWavelet} ({@code cauchy_wavelet}) and
 * {@link org.xasdaml.xafs.GridInterpolation} (np.interp that refuses to extrapolate).
 *
 * <p>Parameter names follow Larch/Ifeffit ({@code e0, pre1, pre2, norm1, norm2, nnorm, nvict,
 * rbkg, kmin, kmax, kweight, dk, window, nfft, kstep}); energies are in eV, k in Å⁻¹, R in Å.
 * The test fixtures in {@code src/test/resources/org/xasdaml/xafs} are produced by Larch 0.9.58
 * with the script stored next to them.
 */
package org.xasdaml.xafs;
