/**
 * Charts for every module (paper M4, M6, M12 figures): {@link org.xasdaml.plot.Chart} is a builder
 * of layers (line, scatter, scatter coloured by a value with a colour bar, histogram, bar, box
 * plots by group, heatmap on numeric grids or labelled cells, the y = x diagonal, vertical
 * markers), axis labels with units, a logarithmic y axis, a note box for metrics, a title and a
 * legend, rendered to a
 * {@link org.xasdaml.workflow.Figure} holding PNG bytes and SVG text drawn by the same layout code.
 *
 * <pre>{@code
 * Figure parity = new Chart().title("CN, test set").xLabel("CN true", "").yLabel("CN predicted", "")
 *         .scatter("MLP", truth, predicted).diagonal().render("parity_cn");
 * Figure loss = new Chart().xLabel("epoch", "").yLabel("loss", "").line("train", ep, lt).line("valid", ep, lv).render("loss");
 * Figure cm = new Chart().colorMap(ColorMap.BLUES).heatmap(counts, labels, labels, true).render("confusion");
 * }</pre>
 *
 * <p>{@link org.xasdaml.plot.Bins} counts histograms by NumPy's rules and
 * {@link org.xasdaml.plot.Chart#percentile} gives NumPy's linear percentiles, so tables and
 * figures agree. Speed ({@code org.xasdaml.plot.bench.PlotBench}): 1000
 * one-spectrum figures (1000 points, PNG + SVG) take about 7.6 s of CPU, 3.8 s on two idle cores.
 */
package org.xasdaml.plot;
