package org.xasdaml.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws on a Java2D surface (a {@link BufferedImage} for PNG output). */
final class RasterCanvas implements Canvas {
    private static final float[] DASH = {6f, 4f};
    private final Graphics2D g;

    RasterCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            }

    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    private static Stroke stroke(float width, boolean dashed) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        if ((x1 == x2 || y1 == y2) && !dashed) {
            // axis-aligned (grid, ticks): snapped to pixels without antialiasing, sharp and cheap
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.draw(new Line2D.Double(Math.round(x1), Math.round(y1), Math.round(x2), Math.round(y2)));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        } else {
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                p.lineTo(xs[i], ys[i]);
            } else {
                p.moveTo(xs[i], ys[i]);
                pen = true;
            }
        }
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        // pure stroke control: normalised strokes snap to pixels and make curves visibly jagged
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.draw(p);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_DEFAULT);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
        g.setColor(color);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.fill(new Rectangle2D.Double(Math.round(x), Math.round(y), Math.round(x + w) - Math.round(x), Math.round(y + h) - Math.round(y)));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color color, float width) {
        g.setColor(color);
        g.setStroke(stroke(width, false));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.draw(new Rectangle2D.Double(Math.round(x), Math.round(y), Math.round(w), Math.round(h)));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @Override
    public void marker(double x, double y, double radius, Color fill) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(String s, double x, double y, Align align, double degrees, float size, boolean bold, Color color) {
        Font f = font(size, bold);
        g.setFont(f);
        g.setColor(color);
        double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
        double dx = align == Align.LEFT ? 0 : align == Align.CENTER ? -w / 2 : -w;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (degrees != 0) {
            g.rotate(-Math.toRadians(degrees));
        }
        g.drawString(s, (float) dx, 0f);
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String s, float size, boolean bold) {
        return g.getFontMetrics(font(size, bold)).getStringBounds(s, g).getWidth();
    }

    @Override
    public void image(int[] argb, int columns, int rows, double x, double y, double w, double h) {
        BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, columns, rows, argb, 0, columns);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(x + w), (int) Math.round(y + h),
                0, 0, columns, rows, null);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }
}
