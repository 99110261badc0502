package org.xasdaml.plot;

import java.awt.Color;

/**
 * The few drawing operations a chart needs, so that one layout routine draws both the PNG
 * (through Java2D) and the SVG (as text) and the two always agree.
 */
interface Canvas {
    /** Horizontal anchor of text. */
    enum Align { LEFT, CENTER, RIGHT }

    void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed);

    /** A polyline through the first {@code n} points; NaN points break the line. */
    void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed);

    void fillRect(double x, double y, double w, double h, Color color);

    void strokeRect(double x, double y, double w, double h, Color color, float width);

    void marker(double x, double y, double radius, Color fill);

    /**
     * Text with its baseline-centre (or left/right end) at (x, y), rotated by {@code degrees}
     * counter-clockwise about that point.
     */
    void text(String s, double x, double y, Align align, double degrees, float size, boolean bold, Color color);

    double textWidth(String s, float size, boolean bold);

    /** A raster of ARGB pixels (row 0 at the top) stretched over the rectangle, without smoothing. */
    void image(int[] argb, int columns, int rows, double x, double y, double w, double h);

    void clip(double x, double y, double w, double h);

    void unclip();
}
