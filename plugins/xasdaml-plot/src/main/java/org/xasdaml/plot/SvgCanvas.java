package org.xasdaml.plot;

import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes SVG 1.1 text directly. Text widths come from the same Java fonts as the PNG so that
 * layout (margins, label positions) matches; viewers substitute a sans-serif font.
 */
final class SvgCanvas implements Canvas {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private final StringBuilder sb;
    private int clipId;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        sb = new StringBuilder(1 << 16);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n");
    }

    String finish() {
        if (clipped) {
            sb.append("</g>\n");
            clipped = false;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Two decimals (far below a pixel), written without String.format, which dominated SVG time. */
    private StringBuilder num(double v) {
        if (!Double.isFinite(v)) {
            return sb.append('0');
        }
        long r = Math.round(v * 100);
        if (r < 0) {
            sb.append('-');
            r = -r;
        }
        sb.append(r / 100);
        long frac = r % 100;
        if (frac != 0) {
            sb.append('.').append((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                sb.append((char) ('0' + frac % 10));
            }
        }
        return sb;
    }

    private void colour(String attr, Color c) {
        sb.append(' ').append(attr).append("=\"#").append(String.format(Locale.ROOT, "%06x", c.getRGB() & 0xFFFFFF)).append('"');
        if (c.getAlpha() < 255) {
            sb.append(' ').append(attr).append("-opacity=\"").append(String.format(Locale.ROOT, "%.3f", c.getAlpha() / 255.0)).append('"');
        }
    }

    private void strokeAttrs(Color c, float width, boolean dashed) {
        colour("stroke", c);
        sb.append(" stroke-width=\"").append(String.format(Locale.ROOT, "%.2f", width)).append("\" fill=\"none\"");
        sb.append(dashed ? " stroke-dasharray=\"6,4\"" : " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
        sb.append("<line x1=\"");
        num(x1).append("\" y1=\"");
        num(y1).append("\" x2=\"");
        num(x2).append("\" y2=\"");
        num(y2).append('"');
        strokeAttrs(color, width, dashed);
        sb.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed) {
        sb.append("<path d=\"");
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            sb.append(pen ? 'L' : 'M');
            num(xs[i]).append(',');
            num(ys[i]);
            pen = true;
        }
        sb.append('"');
        strokeAttrs(color, width, dashed);
        sb.append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
        sb.append("<rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append('"');
        colour("fill", color);
        sb.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color color, float width) {
        sb.append("<rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append('"');
        strokeAttrs(color, width, false);
        sb.append("/>\n");
    }

    @Override
    public void marker(double x, double y, double radius, Color fill) {
        sb.append("<circle cx=\"");
        num(x).append("\" cy=\"");
        num(y).append("\" r=\"");
        num(radius).append('"');
        colour("fill", fill);
        sb.append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, Align align, double degrees, float size, boolean bold, Color color) {
        sb.append("<text x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" font-size=\"").append(String.format(Locale.ROOT, "%.1f", size)).append('"');
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        sb.append(" text-anchor=\"").append(align == Align.LEFT ? "start" : align == Align.CENTER ? "middle" : "end").append('"');
        if (degrees != 0) {
            sb.append(" transform=\"rotate(");
            num(-degrees).append(',');
            num(x).append(',');
            num(y).append(")\"");
        }
        colour("fill", color);
        sb.append('>');
        escape(s);
        sb.append("</text>\n");
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }

    @Override
    public double textWidth(String s, float size, boolean bold) {
        return RasterCanvas.font(size, bold).getStringBounds(s, FRC).getWidth();
    }

    @Override
    public void image(int[] argb, int columns, int rows, double x, double y, double w, double h) {
        BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, columns, rows, argb, 0, columns);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(img, true, out);
        sb.append("<image x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(out.toByteArray())).append("\"/>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        clipId++;
        sb.append("<clipPath id=\"c").append(clipId).append("\"><rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append("\"/></clipPath>\n<g clip-path=\"url(#c").append(clipId).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            sb.append("</g>\n");
            clipped = false;
        }
    }
}
