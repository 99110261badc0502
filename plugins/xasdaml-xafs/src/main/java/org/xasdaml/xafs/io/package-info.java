/**
 * Readers of XAS data files into the records of {@code org.xasdaml.xafs} (paper modules M1 and
 * M3: FEFF {@code xmu.dat}/{@code chi.dat}, and measured spectra for prediction).
 *
 * <p>Formats: FEFF {@code xmu.dat} ({@link org.xasdaml.xafs.io.FeffXmuReader}) and {@code chi.dat}
 * ({@link org.xasdaml.xafs.io.FeffChiReader}), XDI ({@link org.xasdaml.xafs.io.XdiReader}), plain
 * column files ({@link org.xasdaml.xafs.io.ColumnFileReader}: μ, transmission ln(I0/It) or
 * fluorescence If/I0) and Athena project files ({@link org.xasdaml.xafs.io.AthenaProjectReader},
 * parsed as data by a small tokenizer, never evaluated). Gzip-compressed input is recognised by
 * its magic number. Every error is a {@link org.xasdaml.xafs.io.XafsFileException} naming the file,
 * the line and the problem.
 */
package org.xasdaml.xafs.io;
