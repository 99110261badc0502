package org.xasdaml.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.xasdaml.workflow.Figure;

/**
 * One two-dimensional chart, built by adding layers and rendered to PNG and SVG.
 *
 * <pre>{@code
 * Figure f = new Chart().title("Cu K edge").xLabel("Energy", "eV").yLabel("μ(E)", "")
 *         .line("frame 0", energy, mu).render("mu_0");
 * }</pre>
 *
 * <p>Layers: {@link #line lines}, {@link #scatter scatter} (optionally coloured by a value with a
 * colour bar), {@link #histogram histograms}, {@link #bar bars} and {@link #boxes box plots}
 * (categorical x axis), {@link #heatmap heatmaps} (numeric grids such as wavelet maps, or
 * labelled cells such as confusion matrices), the {@link #diagonal() y = x line} for parity
 * plots, and {@link #vline vertical markers}.
 *
 * <p>Why not JFreeChart: drawing 1000 one-spectrum figures must take under 10 s on two cores;
 * the whole chart is drawn by one small layout routine onto a {@link Canvas} that is either a
 * Java2D image or SVG text, which keeps both outputs identical and costs a few milliseconds per
 * figure (see {@code org.xasdaml.plot.bench.PlotBench}).
 *
 * <p>A chart is a mutable builder and is not thread-safe; build one per figure.
 */
public final class Chart {
    /** Default size in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 560;

    private static final Color AXIS = new Color(0x333333);
    private static final Color GRID = new Color(0xe6e6e6);
    private static final float TICK_FONT = 12f;
    private static final float LABEL_FONT = 14f;
    private static final float TITLE_FONT = 16f;
    private static final int MAX_LEGEND = 15;

    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private double[] xRange;
    private double[] yRange;
    private boolean legend = true;
    private boolean withSvg = true;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private String colorLabel = "";
    private double[] colorRange;
    private boolean yLog;
    private final List<String> notes = new ArrayList<>();
    private List<String> xCategories;
    private List<String> yCategories;
    private final List<Layer> layers = new ArrayList<>();
    private int nextColor;

    // ---------------------------------------------------------------- settings

    public Chart title(String text) {
        title = text == null ? "" : text;
        return this;
    }

    /** X axis label from a quantity and its unit: "Energy (eV)"; an empty unit leaves the quantity alone. */
    public Chart xLabel(String quantity, String unit) {
        xLabel = withUnit(quantity, unit);
        return this;
    }

    public Chart yLabel(String quantity, String unit) {
        yLabel = withUnit(quantity, unit);
        return this;
    }

    private static String withUnit(String q, String unit) {
        return unit == null || unit.isBlank() ? q : q + " (" + unit + ")";
    }

    public Chart size(int widthPx, int heightPx) {
        if (widthPx < 200 || heightPx < 150 || widthPx > 8000 || heightPx > 8000) {
            throw new IllegalArgumentException("chart size " + widthPx + "x" + heightPx + " outside 200x150..8000x8000");
        }
        width = widthPx;
        height = heightPx;
        return this;
    }

    /** Fixes the x range instead of fitting it to the data. */
    public Chart xRange(double lo, double hi) {
        xRange = checkedRange("x", lo, hi);
        return this;
    }

    /** Fixes the y range (data units, also on a log axis, where lo must be positive). */
    public Chart yRange(double lo, double hi) {
        yRange = checkedRange("y", lo, hi);
        return this;
    }

    private static double[] checkedRange(String axis, double lo, double hi) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException(axis + " range needs finite lo < hi, got " + lo + ", " + hi);
        }
        return new double[] {lo, hi};
    }

    /** Logarithmic y axis (base 10), e.g. for loss curves; values that are not positive are left out. */
    public Chart yLog(boolean log) {
        yLog = log;
        return this;
    }

    /** A line of text in a box at the plot's top left, e.g. "R² = 0.953" or "MAE 0.34". */
    public Chart note(String text) {
        notes.add(text);
        return this;
    }

    public Chart legend(boolean show) {
        legend = show;
        return this;
    }

    /** Whether {@link #render} also writes SVG (default true). */
    public Chart svg(boolean write) {
        withSvg = write;
        return this;
    }

    public Chart colorMap(ColorMap map) {
        colorMap = map;
        return this;
    }

    /** Label of the colour bar, e.g. "CN" or "|W| (Å⁻³)". */
    public Chart colorLabel(String label) {
        colorLabel = label == null ? "" : label;
        return this;
    }

    /** Fixes the value range of the colour scale. */
    public Chart colorRange(double lo, double hi) {
        colorRange = checkedRange("colour", lo, hi);
        return this;
    }

    // ---------------------------------------------------------------- layers

    /** A line in the next series colour; a null or empty name keeps it out of the legend. */
    public Chart line(String name, double[] x, double[] y) {
        return line(name, x, y, ColorMap.series(nextColor++), 1.5f, false);
    }

    public Chart line(String name, double[] x, double[] y, Color color, float lineWidth, boolean dashed) {
        checkXY(name, x, y);
        layers.add(new Line(name, x.clone(), y.clone(), color, lineWidth, dashed));
        return this;
    }

    /** Points in the next series colour. */
    public Chart scatter(String name, double[] x, double[] y) {
        checkXY(name, x, y);
        layers.add(new Scatter(name, x.clone(), y.clone(), null, ColorMap.series(nextColor++), 3.5));
        return this;
    }

    public Chart scatter(String name, double[] x, double[] y, Color color, double radius) {
        checkXY(name, x, y);
        layers.add(new Scatter(name, x.clone(), y.clone(), null, color, radius));
        return this;
    }

    /** Points coloured by {@code values} through the colour map, with a colour bar labelled {@code valueLabel}. */
    public Chart scatter(String name, double[] x, double[] y, double[] values, String valueLabel) {
        checkXY(name, x, y);
        if (values.length != x.length) {
            throw new IllegalArgumentException("scatter '" + name + "': " + values.length + " colour values for " + x.length + " points");
        }
        layers.add(new Scatter(name, x.clone(), y.clone(), values.clone(), null, 3.5));
        if (colorLabel.isEmpty()) {
            colorLabel = valueLabel == null ? "" : valueLabel;
        }
        return this;
    }

    /** A histogram of {@code values} with {@code bins} equal bins from min to max (NumPy's rule; NaN ignored). */
    public Chart histogram(String name, double[] values, int bins) {
        Bins b = Bins.of(values, bins);
        layers.add(new Bars(name, b.centers(), b.countsAsDouble(), b.width(), ColorMap.series(nextColor++), false));
        return this;
    }

    /** A histogram with bins of width {@code binWidth} aligned on multiples of it (e.g. 0.5 for CN). */
    public Chart histogramWidth(String name, double[] values, double binWidth) {
        Bins b = Bins.ofWidth(values, binWidth);
        layers.add(new Bars(name, b.centers(), b.countsAsDouble(), b.width(), ColorMap.series(nextColor++), false));
        return this;
    }

    /** Bars over categories (the x axis becomes categorical). */
    public Chart bar(String name, List<String> categories, double[] heights) {
        if (categories.size() != heights.length) {
            throw new IllegalArgumentException("bar '" + name + "': " + categories.size() + " categories for " + heights.length + " heights");
        }
        setXCategories(categories);
        double[] pos = new double[heights.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = i;
        }
        layers.add(new Bars(name, pos, heights.clone(), 0.7, ColorMap.series(nextColor++), true));
        return this;
    }

    /**
     * Box plots, one per group (Tukey's: box from the first to the third quartile, linear
     * interpolation as NumPy; whiskers to the furthest point within 1.5 IQR; points beyond drawn).
     */
    public Chart boxes(List<String> groups, List<double[]> values) {
        if (groups.size() != values.size()) {
            throw new IllegalArgumentException("box plot: " + groups.size() + " group names for " + values.size() + " groups");
        }
        setXCategories(groups);
        List<double[]> copy = new ArrayList<>();
        for (double[] v : values) {
            copy.add(finiteSorted(v));
        }
        layers.add(new Boxes(copy, ColorMap.series(nextColor++)));
        return this;
    }

    /**
     * A map of {@code z[iy][ix]} on numeric grids {@code x} (columns) and {@code y} (rows), e.g.
     * a wavelet modulus over k and R. Cells are centred on the grid points (uniform spacing assumed).
     */
    public Chart heatmap(double[][] z, double[] x, double[] y) {
        checkMatrix(z, x.length, y.length);
        layers.add(new Heat(copy(z), x.clone(), y.clone(), false));
        return this;
    }

    /** A map over labelled cells (x categories are columns), e.g. a confusion matrix; {@code annotate} writes each value. */
    public Chart heatmap(double[][] z, List<String> xLabels, List<String> yLabels, boolean annotate) {
        checkMatrix(z, xLabels.size(), yLabels.size());
        setXCategories(xLabels);
        if (yCategories != null && !yCategories.equals(yLabels)) {
            throw new IllegalArgumentException("a chart has one set of y categories");
        }
        yCategories = List.copyOf(yLabels);
        double[] xs = new double[xLabels.size()];
        double[] ys = new double[yLabels.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        for (int i = 0; i < ys.length; i++) {
            ys[i] = i;
        }
        layers.add(new Heat(copy(z), xs, ys, annotate));
        return this;
    }

    /** The line y = x across the plot, dashed grey, for parity plots. */
    public Chart diagonal() {
        layers.add(new Diagonal());
        return this;
    }

    /** A vertical dashed marker at {@code x}, e.g. the chosen number of clusters on an elbow curve. */
    public Chart vline(String name, double x) {
        layers.add(new VLine(name, x, ColorMap.series(3)));
        return this;
    }

    private void setXCategories(List<String> c) {
        if (xCategories != null && !xCategories.equals(c)) {
            throw new IllegalArgumentException("a chart has one set of x categories; got " + c + " after " + xCategories);
        }
        xCategories = List.copyOf(c);
    }

    private static void checkXY(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
    }

    private static void checkMatrix(double[][] z, int nx, int ny) {
        if (z.length != ny || nx == 0 || ny == 0) {
            throw new IllegalArgumentException("heatmap: " + z.length + " rows for " + ny + " y points");
        }
        for (double[] r : z) {
            if (r.length != nx) {
                throw new IllegalArgumentException("heatmap: a row has " + r.length + " values for " + nx + " x points");
            }
        }
    }

    private static double[][] copy(double[][] z) {
        double[][] c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            c[i] = z[i].clone();
        }
        return c;
    }

    static double[] finiteSorted(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }

    /** NumPy's {@code percentile(..., method="linear")} of sorted values, p in [0, 100]. */
    public static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // ---------------------------------------------------------------- rendering

    /** Renders PNG (and SVG unless switched off) into a figure named {@code name}. */
    public Figure render(String name) {
        return new Figure(name, title.isEmpty() ? name : title, png(), withSvg ? svgText() : null);
    }

    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(new RasterCanvas(g));
        } finally {
            g.dispose();
        }
        return PngEncoder.encode(img);
    }

    public String svgText() {
        SvgCanvas c = new SvgCanvas(width, height);
        c.fillRect(0, 0, width, height, Color.WHITE);
        draw(c);
        return c.finish();
    }

    /** Plot-area geometry and data-to-pixel mapping. */
    private record Frame(double left, double top, double w, double h, double x0, double x1, double y0, double y1, boolean log) {
        double px(double x) {
            return left + (x - x0) / (x1 - x0) * w;
        }

        /** Pixel row of a data value (on a log axis, y0 and y1 are log10 values). */
        double py(double y) {
            double t = log ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
            return top + h - (t - y0) / (y1 - y0) * h;
        }

        /** Pixel row of an axis coordinate (log10 value on a log axis). */
        double pyAxis(double t) {
            return top + h - (t - y0) / (y1 - y0) * h;
        }
    }

    private void draw(Canvas c) {
        double[] xr = xRange != null ? xRange : xCategories != null ? new double[] {-0.5, xCategories.size() - 0.5} : null;
        double[] yr = yRange != null ? (yLog ? new double[] {Math.log10(yRange[0]), Math.log10(yRange[1])} : yRange) : yCategories != null ? new double[] {-0.5, yCategories.size() - 0.5} : null;
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean padX = true;
        boolean padY = true;
        java.util.function.DoubleUnaryOperator ty = yLog ? v -> v > 0 ? Math.log10(v) : Double.NaN : v -> v;
        for (Layer l : layers) {
            l.bounds(b, ty);
            if (l instanceof Heat) {
                padX = false;
                padY = false;
            }
        }
        if (xr == null) {
            xr = fit(b[0], b[1], padX);
        }
        if (yr == null) {
            yr = fit(b[2], b[3], padY);
            if (!yLog && layers.stream().anyMatch(l -> l instanceof Bars) && b[2] >= 0) {
                yr[0] = 0; // bars and histograms stand on zero
            }
        }
        double[] cr = colorRange != null ? colorRange : colourBounds();
        boolean colourBar = cr != null;

        List<Double> yTicks = yCategories != null ? null : yLog ? logTicks(yr[0], yr[1]) : Ticks.of(yr[0], yr[1], Math.max(3, height / 90));
        double yStep = yLog ? 1 : Ticks.step(yr[0], yr[1], Math.max(3, height / 90));
        double tickW = 0;
        if (yCategories != null) {
            for (String s : yCategories) {
                tickW = Math.max(tickW, c.textWidth(s, TICK_FONT, false));
            }
        } else {
            for (double t : yTicks) {
                tickW = Math.max(tickW, c.textWidth(yTickLabel(t, yStep), TICK_FONT, false));
            }
        }
        double left = 14 + (yLabel.isEmpty() ? 0 : LABEL_FONT + 8) + tickW + 6;
        double top = title.isEmpty() ? 16 : TITLE_FONT + 22;
        double bottom = TICK_FONT + 14 + (xLabel.isEmpty() ? 0 : LABEL_FONT + 10) + 8;
        double right = colourBar ? 96 : 20;
        Frame f = new Frame(left, top, width - left - right, height - top - bottom, xr[0], xr[1], yr[0], yr[1], yLog);

        // grid and ticks
        if (xCategories == null) {
            double xStep = Ticks.step(xr[0], xr[1], Math.max(3, width / 110));
            for (double t : Ticks.of(xr[0], xr[1], Math.max(3, width / 110))) {
                double x = f.px(t);
                c.line(x, f.top, x, f.top + f.h, GRID, 1f, false);
                c.line(x, f.top + f.h, x, f.top + f.h + 5, AXIS, 1f, false);
                c.text(Ticks.label(t, xStep), x, f.top + f.h + 7 + TICK_FONT, Canvas.Align.CENTER, 0, TICK_FONT, false, AXIS);
            }
        } else {
            double slot = f.w / xCategories.size();
            for (int i = 0; i < xCategories.size(); i++) {
                double x = f.px(i);
                c.line(x, f.top + f.h, x, f.top + f.h + 5, AXIS, 1f, false);
                c.text(fitText(c, xCategories.get(i), slot - 4), x, f.top + f.h + 7 + TICK_FONT, Canvas.Align.CENTER, 0,
                        TICK_FONT, false, AXIS);
            }
        }
        if (yCategories == null) {
            for (double t : yTicks) {
                double y = f.pyAxis(t);
                c.line(f.left, y, f.left + f.w, y, GRID, 1f, false);
                c.line(f.left - 5, y, f.left, y, AXIS, 1f, false);
                c.text(yTickLabel(t, yStep), f.left - 7, y + TICK_FONT * 0.35, Canvas.Align.RIGHT, 0, TICK_FONT, false, AXIS);
            }
        } else {
            for (int i = 0; i < yCategories.size(); i++) {
                double y = f.pyAxis(i);
                c.line(f.left - 5, y, f.left, y, AXIS, 1f, false);
                c.text(yCategories.get(i), f.left - 7, y + TICK_FONT * 0.35, Canvas.Align.RIGHT, 0, TICK_FONT, false, AXIS);
            }
        }

        // layers: maps first, then the rest in the order added
        c.clip(f.left, f.top, f.w, f.h);
        for (Layer l : layers) {
            if (l instanceof Heat) {
                l.draw(c, f, this, cr);
            }
        }
        for (Layer l : layers) {
            if (!(l instanceof Heat)) {
                l.draw(c, f, this, cr);
            }
        }
        c.unclip();
        c.strokeRect(f.left, f.top, f.w, f.h, AXIS, 1f);

        // labels
        if (!title.isEmpty()) {
            c.text(fitText(c, title, width - 20), width / 2.0, TITLE_FONT + 8, Canvas.Align.CENTER, 0, TITLE_FONT, true, AXIS);
        }
        if (!xLabel.isEmpty()) {
            c.text(xLabel, f.left + f.w / 2, height - 12, Canvas.Align.CENTER, 0, LABEL_FONT, false, AXIS);
        }
        if (!yLabel.isEmpty()) {
            c.text(yLabel, 14 + LABEL_FONT, f.top + f.h / 2, Canvas.Align.CENTER, 90, LABEL_FONT, false, AXIS);
        }
        if (colourBar) {
            drawColourBar(c, f, cr);
        }
        if (legend) {
            drawLegend(c, f);
        }
        if (!notes.isEmpty()) {
            double tw = 0;
            for (String n : notes) {
                tw = Math.max(tw, c.textWidth(n, TICK_FONT, false));
            }
            double rowH = TICK_FONT + 6;
            c.fillRect(f.left + 8, f.top + 8, tw + 16, rowH * notes.size() + 8, new Color(255, 255, 255, 220));
            c.strokeRect(f.left + 8, f.top + 8, tw + 16, rowH * notes.size() + 8, new Color(0xbbbbbb), 1f);
            for (int i = 0; i < notes.size(); i++) {
                c.text(notes.get(i), f.left + 16, f.top + 12 + rowH * i + rowH / 2 + TICK_FONT * 0.35, Canvas.Align.LEFT, 0,
                        TICK_FONT, false, AXIS);
            }
        }
    }

    private String yTickLabel(double t, double step) {
        if (!yLog) {
            return Ticks.label(t, step);
        }
        long e = Math.round(t);
        return e >= -2 && e <= 3 ? Ticks.label(Math.pow(10, e), Math.pow(10, Math.min(0, e))) : "1e" + e;
    }

    /** Integer powers of ten inside [lo, hi] (log10 values); at least the two ends when the range is under a decade. */
    private static List<Double> logTicks(double lo, double hi) {
        List<Double> t = new ArrayList<>();
        for (double e = Math.ceil(lo); e <= Math.floor(hi); e++) {
            t.add(e);
        }
        if (t.size() < 2) {
            return Ticks.of(lo, hi, 3);
        }
        return t;
    }

    private static String fitText(Canvas c, String s, double maxWidth) {
        if (c.textWidth(s, TICK_FONT, false) <= maxWidth || s.length() <= 2) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && c.textWidth(t + "…", TICK_FONT, false) > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static double[] fit(double lo, double hi, boolean pad) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        if (hi - lo <= Math.abs(hi) * 1e-12) {
            double d = Math.max(Math.abs(hi) * 0.05, 0.5);
            return new double[] {lo - d, hi + d};
        }
        double m = pad ? (hi - lo) * 0.04 : 0;
        return new double[] {lo - m, hi + m};
    }

    private double[] colourBounds() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (Layer l : layers) {
            double[] v = l instanceof Scatter s && s.values != null ? s.values
                    : l instanceof Heat h ? Arrays.stream(h.z).flatMapToDouble(Arrays::stream).toArray() : null;
            if (v == null) {
                continue;
            }
            any = true;
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (!any) {
            return null;
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        if (hi <= lo) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }

    private void drawColourBar(Canvas c, Frame f, double[] cr) {
        double x = f.left + f.w + 16;
        double w = 16;
        int n = 256;
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = 0xFF000000 | colorMap.rgb(1 - i / (n - 1.0));
        }
        c.image(px, 1, n, x, f.top, w, f.h);
        c.strokeRect(x, f.top, w, f.h, AXIS, 1f);
        double step = Ticks.step(cr[0], cr[1], 6);
        for (double t : Ticks.of(cr[0], cr[1], 6)) {
            double y = f.top + f.h - (t - cr[0]) / (cr[1] - cr[0]) * f.h;
            c.line(x + w, y, x + w + 4, y, AXIS, 1f, false);
            c.text(Ticks.label(t, step), x + w + 6, y + TICK_FONT * 0.35, Canvas.Align.LEFT, 0, TICK_FONT, false, AXIS);
        }
        if (!colorLabel.isEmpty()) {
            c.text(colorLabel, width - 6, f.top + f.h / 2, Canvas.Align.CENTER, 90, LABEL_FONT, false, AXIS);
        }
    }

    private void drawLegend(Canvas c, Frame f) {
        List<Layer> named = new ArrayList<>();
        for (Layer l : layers) {
            if (l.name() != null && !l.name().isEmpty()) {
                named.add(l);
            }
        }
        if (named.isEmpty()) {
            return;
        }
        int more = Math.max(0, named.size() - MAX_LEGEND);
        List<Layer> shown = named.subList(0, Math.min(named.size(), MAX_LEGEND));
        double tw = 0;
        for (Layer l : shown) {
            tw = Math.max(tw, c.textWidth(l.name(), TICK_FONT, false));
        }
        String moreText = more > 0 ? "… and " + more + " more" : null;
        if (moreText != null) {
            tw = Math.max(tw, c.textWidth(moreText, TICK_FONT, false));
        }
        double rowH = TICK_FONT + 6;
        int rows = shown.size() + (moreText != null ? 1 : 0);
        double bw = Math.min(f.w * 0.6, tw + 44);
        double bh = rows * rowH + 8;
        double x = f.left + f.w - bw - 8;
        double y = f.top + 8;
        c.fillRect(x, y, bw, bh, new Color(255, 255, 255, 220));
        c.strokeRect(x, y, bw, bh, new Color(0xbbbbbb), 1f);
        for (int i = 0; i < shown.size(); i++) {
            double cy = y + 4 + rowH * i + rowH / 2;
            shown.get(i).swatch(c, x + 8, cy, 22);
            c.text(fitText(c, shown.get(i).name(), bw - 40), x + 36, cy + TICK_FONT * 0.35, Canvas.Align.LEFT, 0, TICK_FONT,
                    false, AXIS);
        }
        if (moreText != null) {
            double cy = y + 4 + rowH * shown.size() + rowH / 2;
            c.text(moreText, x + 36, cy + TICK_FONT * 0.35, Canvas.Align.LEFT, 0, TICK_FONT, false, AXIS);
        }
    }

    // ---------------------------------------------------------------- layer types

    private interface Layer {
        String name();

        /** Widens {xmin, xmax, ymin, ymax} to include this layer's data (y through the axis transform). */
        void bounds(double[] b, java.util.function.DoubleUnaryOperator ty);

        void draw(Canvas c, Frame f, Chart chart, double[] colourRange);

        default void swatch(Canvas c, double x, double y, double w) {
        }
    }

    private static void include(double[] b, double x, double y) {
        if (Double.isFinite(x)) {
            b[0] = Math.min(b[0], x);
            b[1] = Math.max(b[1], x);
        }
        if (Double.isFinite(y)) {
            b[2] = Math.min(b[2], y);
            b[3] = Math.max(b[3], y);
        }
    }

    private record Line(String name, double[] x, double[] y, Color color, float lineWidth, boolean dashed) implements Layer {
        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    include(b, x[i], ty.applyAsDouble(y[i]));
                }
            }
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            int n = x.length;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]);
                px[i] = ok ? f.px(x[i]) : Double.NaN;
                py[i] = ok ? f.py(y[i]) : Double.NaN;
            }
            c.polyline(px, py, n, color, lineWidth, dashed);
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w) {
            c.line(x0, y0, x0 + w, y0, color, Math.max(2f, lineWidth), dashed);
        }
    }

    private record Scatter(String name, double[] x, double[] y, double[] values, Color color, double radius) implements Layer {
        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    include(b, x[i], ty.applyAsDouble(y[i]));
                }
            }
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    continue;
                }
                Color col = values == null ? color : chart.colorMap.color((values[i] - cr[0]) / (cr[1] - cr[0]));
                c.marker(f.px(x[i]), f.py(y[i]), radius, col);
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w) {
            c.marker(x0 + w / 2, y0, radius + 0.5, values == null ? color : ColorMap.VIRIDIS.color(0.5));
        }
    }

    private record Bars(String name, double[] centers, double[] heights, double barWidth, Color color, boolean gap)
            implements Layer {
        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            for (int i = 0; i < centers.length; i++) {
                include(b, centers[i] - barWidth / 2, ty.applyAsDouble(heights[i]));
                include(b, centers[i] + barWidth / 2, ty.applyAsDouble(0));
            }
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 200);
            for (int i = 0; i < centers.length; i++) {
                double x0 = f.px(centers[i] - barWidth / 2);
                double x1 = f.px(centers[i] + barWidth / 2);
                double y0 = f.log ? f.top + f.h : f.py(Math.max(0, f.y0));
                double y1 = f.py(heights[i]);
                double top = Math.min(y0, y1);
                double h = Math.abs(y0 - y1);
                if (h > 0) {
                    c.fillRect(x0, top, x1 - x0, h, fill);
                    c.strokeRect(x0, top, x1 - x0, h, Color.WHITE, 0.6f);
                }
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w) {
            c.fillRect(x0 + 4, y0 - 5, w - 8, 10, color);
        }
    }

    private record Boxes(List<double[]> groups, Color color) implements Layer {
        @Override
        public String name() {
            return null;
        }

        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            for (int i = 0; i < groups.size(); i++) {
                for (double v : groups.get(i)) {
                    include(b, i, ty.applyAsDouble(v));
                }
            }
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 90);
            for (int i = 0; i < groups.size(); i++) {
                double[] s = groups.get(i);
                if (s.length == 0) {
                    continue;
                }
                double q1 = percentile(s, 25);
                double med = percentile(s, 50);
                double q3 = percentile(s, 75);
                double iqr = q3 - q1;
                double lo = s[0];
                double hi = s[s.length - 1];
                for (double v : s) {
                    if (v >= q1 - 1.5 * iqr) {
                        lo = v;
                        break;
                    }
                }
                for (int j = s.length - 1; j >= 0; j--) {
                    if (s[j] <= q3 + 1.5 * iqr) {
                        hi = s[j];
                        break;
                    }
                }
                double xc = f.px(i);
                double half = (f.px(0.3) - f.px(0));
                double yq1 = f.py(q1);
                double yq3 = f.py(q3);
                c.fillRect(xc - half, yq3, 2 * half, Math.max(0.5, yq1 - yq3), fill);
                c.strokeRect(xc - half, yq3, 2 * half, Math.max(0.5, yq1 - yq3), color, 1.2f);
                c.line(xc - half, f.py(med), xc + half, f.py(med), AXIS, 2f, false);
                c.line(xc, yq1, xc, f.py(lo), color, 1.2f, false);
                c.line(xc, yq3, xc, f.py(hi), color, 1.2f, false);
                c.line(xc - half / 2, f.py(lo), xc + half / 2, f.py(lo), color, 1.2f, false);
                c.line(xc - half / 2, f.py(hi), xc + half / 2, f.py(hi), color, 1.2f, false);
                for (double v : s) {
                    if (v < lo || v > hi) {
                        c.marker(xc, f.py(v), 2.2, new Color(0x555555));
                    }
                }
            }
        }
    }

    private record Heat(double[][] z, double[] x, double[] y, boolean annotate) implements Layer {
        @Override
        public String name() {
            return null;
        }

        private static double half(double[] a, boolean low) {
            if (a.length < 2) {
                return 0.5;
            }
            return low ? (a[1] - a[0]) / 2 : (a[a.length - 1] - a[a.length - 2]) / 2;
        }

        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            include(b, x[0] - half(x, true), y[0] - half(y, true));
            include(b, x[x.length - 1] + half(x, false), y[y.length - 1] + half(y, false));
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            int nx = x.length;
            int ny = y.length;
            int[] px = new int[nx * ny];
            for (int r = 0; r < ny; r++) {
                double[] row = z[ny - 1 - r];
                for (int i = 0; i < nx; i++) {
                    px[r * nx + i] = 0xFF000000 | chart.colorMap.rgb((row[i] - cr[0]) / (cr[1] - cr[0]));
                }
            }
            double x0 = f.px(x[0] - half(x, true));
            double x1 = f.px(x[nx - 1] + half(x, false));
            double y0 = f.py(y[ny - 1] + half(y, false));
            double y1 = f.py(y[0] - half(y, true));
            c.image(px, nx, ny, x0, y0, x1 - x0, y1 - y0);
            if (annotate) {
                boolean integers = Arrays.stream(z).flatMapToDouble(Arrays::stream).allMatch(v -> v == Math.rint(v));
                for (int r = 0; r < ny; r++) {
                    for (int i = 0; i < nx; i++) {
                        double v = z[r][i];
                        double t = (v - cr[0]) / (cr[1] - cr[0]);
                        int rgb = chart.colorMap.rgb(t);
                        double lum = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                        String s = integers ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.2f", v);
                        c.text(s, f.px(x[i]), f.py(y[r]) + TICK_FONT * 0.35, Canvas.Align.CENTER, 0, TICK_FONT, false,
                                lum < 128 ? Color.WHITE : Color.BLACK);
                    }
                }
            }
        }
    }

    private record Diagonal() implements Layer {
        @Override
        public String name() {
            return "y = x";
        }

        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            double lo = Math.min(f.x0, f.y0);
            double hi = Math.max(f.x1, f.y1);
            c.line(f.px(lo), f.py(lo), f.px(hi), f.py(hi), new Color(0x777777), 1.2f, true);
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w) {
            c.line(x0, y0, x0 + w, y0, new Color(0x777777), 1.5f, true);
        }
    }

    private record VLine(String name, double x, Color color) implements Layer {
        @Override
        public void bounds(double[] b, java.util.function.DoubleUnaryOperator ty) {
            include(b, x, Double.NaN);
        }

        @Override
        public void draw(Canvas c, Frame f, Chart chart, double[] cr) {
            c.line(f.px(x), f.top, f.px(x), f.top + f.h, color, 1.5f, true);
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w) {
            c.line(x0, y0, x0 + w, y0, color, 1.5f, true);
        }
    }
}
