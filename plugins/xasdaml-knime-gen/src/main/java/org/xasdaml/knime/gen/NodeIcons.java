package org.xasdaml.knime.gen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * The node icons, drawn by code (no font, so every machine draws the same pixels): a 16 × 16
 * rounded square in the colour of the node's type with a white picture of what the node does, or,
 * for a node declared without one, a 3 × 3 pattern of dots made from its step id.
 */
public final class NodeIcons {
    private NodeIcons() {
    }

    /** The pictures a node declaration can choose. */
    public enum Glyph {
        /** Three bonded atoms: structures. */
        ATOMS,
        /** An absorption edge with its wiggles: simulated spectra. */
        SPECTRUM,
        /** A wave packet: wavelet transform. */
        WAVELET,
        /** A centre atom with its neighbours: coordination descriptors. */
        NEIGHBOURS,
        /** A curve over grid lines: spectra on a common grid. */
        GRID,
        /** A funnel: keeping rows in range. */
        FUNNEL,
        /** A path forking in three: dataset division. */
        FORK,
        /** Bars of equal height: scaling. */
        SCALE,
        /** Two curves over axes: plots. */
        CURVES,
        /** Histogram bars. */
        HISTOGRAM,
        /** Two clusters of points. */
        CLUSTERS,
        /** Layers of a neural network. */
        NETWORK,
        /** An arrow into a number: prediction. */
        ARROW,
        /** Measured points along an edge. */
        MEASURED,
        /** Points along the diagonal: predicted against true. */
        PARITY,
        /** Two bar pairs side by side. */
        COMPARE,
        /** A normalised edge: step to one. */
        EDGE_STEP,
        /** A Fourier peak: |χ(R)|. */
        PEAK,
        /** Several shifted copies: augmentation. */
        COPIES
    }

    /** The icon of a declared node, as PNG bytes. */
    public static byte[] png(NodeDeclaration d) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour(d.type()));
        g.fillRoundRect(1, 1, 14, 14, 5, 5);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (d.glyph() == null) {
            pattern(g, d.stepId());
        } else {
            draw(g, d.glyph());
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** KNIME's usual colours of the node types (orange sources, yellow manipulators, ...). */
    static Color colour(NodeDeclaration.NodeType t) {
        return switch (t) {
            case SOURCE -> new Color(0xe0, 0x7a, 0x1f);
            case MANIPULATOR -> new Color(0xd9, 0xa4, 0x00);
            case LEARNER -> new Color(0x8e, 0x44, 0xad);
            case PREDICTOR -> new Color(0x2e, 0x7d, 0xc6);
            case VISUALIZER -> new Color(0x3c, 0x9a, 0x40);
            case OTHER -> new Color(0x70, 0x70, 0x70);
        };
    }

    /** Nine dots, each present or not by one bit of a hash of the id (never all absent). */
    private static void pattern(Graphics2D g, String id) {
        int h = 0;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        int bits = (h ^ (h >>> 9) ^ (h >>> 18)) & 0x1ff;
        if (bits == 0) {
            bits = 0x155;
        }
        for (int i = 0; i < 9; i++) {
            if ((bits >> i & 1) == 1) {
                g.fillRect(3 + 4 * (i % 3), 3 + 4 * (i / 3), 3, 3);
            }
        }
    }

    private static void poly(Graphics2D g, int... xy) {
        for (int i = 0; i + 3 < xy.length; i += 2) {
            g.drawLine(xy[i], xy[i + 1], xy[i + 2], xy[i + 3]);
        }
    }

    private static void draw(Graphics2D g, Glyph glyph) {
        switch (glyph) {
            case ATOMS -> {
                poly(g, 4, 11, 8, 5, 12, 11);
                g.fillOval(2, 9, 4, 4);
                g.fillOval(6, 3, 4, 4);
                g.fillOval(10, 9, 4, 4);
            }
            case SPECTRUM -> poly(g, 2, 12, 6, 12, 7, 4, 8, 3, 9, 6, 10, 7, 11, 5, 12, 6, 14, 6);
            case WAVELET -> poly(g, 2, 8, 4, 8, 5, 6, 6, 10, 7, 3, 8, 13, 9, 3, 10, 10, 11, 6, 12, 8, 14, 8);
            case NEIGHBOURS -> {
                g.fillOval(6, 6, 4, 4);
                int[][] n = {{2, 2}, {12, 2}, {2, 12}, {12, 12}};
                for (int[] p : n) {
                    g.drawLine(8, 8, p[0] + 1, p[1] + 1);
                    g.fillOval(p[0], p[1], 3, 3);
                }
            }
            case GRID -> {
                for (int x = 3; x <= 13; x += 3) {
                    g.drawLine(x, 3, x, 13);
                }
                g.setColor(new Color(255, 255, 255, 255));
                g.setStroke(new BasicStroke(1.8f));
                poly(g, 2, 11, 6, 11, 8, 5, 10, 6, 14, 6);
            }
            case FUNNEL -> {
                poly(g, 2, 3, 14, 3, 9, 8, 9, 13, 7, 13, 7, 8, 2, 3);
            }
            case FORK -> {
                poly(g, 2, 8, 7, 8, 13, 3);
                poly(g, 7, 8, 13, 8);
                poly(g, 7, 8, 13, 13);
            }
            case SCALE -> {
                for (int x = 3; x <= 12; x += 3) {
                    g.fillRect(x, 5, 2, 8);
                }
                poly(g, 2, 4, 14, 4);
            }
            case CURVES -> {
                poly(g, 2, 2, 2, 13, 14, 13);
                poly(g, 3, 11, 6, 6, 9, 9, 13, 3);
                poly(g, 3, 12, 7, 10, 10, 11, 13, 8);
            }
            case HISTOGRAM -> {
                int[] hs = {3, 7, 10, 6, 2};
                for (int i = 0; i < hs.length; i++) {
                    g.fillRect(2 + 3 * i, 13 - hs[i], 2, hs[i]);
                }
            }
            case CLUSTERS -> {
                int[][] pts = {{3, 3}, {5, 5}, {3, 6}, {6, 2}, {10, 10}, {12, 11}, {11, 13}, {13, 9}};
                for (int[] p : pts) {
                    g.fillOval(p[0] - 1, p[1] - 1, 3, 3);
                }
            }
            case NETWORK -> {
                int[] a = {4, 8, 12};
                int[] b = {6, 10};
                for (int y1 : a) {
                    for (int y2 : b) {
                        g.drawLine(3, y1, 8, y2);
                        g.drawLine(8, y2, 13, 8);
                    }
                }
                for (int y1 : a) {
                    g.fillOval(2, y1 - 1, 3, 3);
                }
                for (int y2 : b) {
                    g.fillOval(7, y2 - 1, 3, 3);
                }
                g.fillOval(12, 7, 3, 3);
            }
            case ARROW -> {
                poly(g, 2, 8, 12, 8);
                poly(g, 9, 5, 12, 8, 9, 11);
                g.drawLine(14, 3, 14, 13);
            }
            case MEASURED -> {
                int[][] pts = {{2, 12}, {4, 12}, {6, 11}, {7, 6}, {8, 3}, {9, 5}, {11, 6}, {13, 5}};
                for (int[] p : pts) {
                    g.fillRect(p[0], p[1], 2, 2);
                }
            }
            case PARITY -> {
                poly(g, 2, 14, 14, 2);
                int[][] pts = {{4, 10}, {6, 9}, {8, 7}, {10, 4}, {11, 6}};
                for (int[] p : pts) {
                    g.fillOval(p[0] - 1, p[1] - 1, 3, 3);
                }
            }
            case COMPARE -> {
                g.fillRect(2, 6, 2, 8);
                g.fillRect(5, 9, 2, 5);
                g.fillRect(9, 4, 2, 10);
                g.fillRect(12, 8, 2, 6);
            }
            case EDGE_STEP -> {
                poly(g, 2, 12, 6, 12, 7, 5, 9, 4, 14, 4);
                g.drawLine(2, 2, 4, 2);
            }
            case PEAK -> poly(g, 2, 13, 5, 13, 7, 3, 9, 13, 10, 10, 11, 13, 14, 13);
            case COPIES -> {
                poly(g, 2, 13, 5, 13, 6, 7, 8, 6, 10, 8, 13, 8);
                poly(g, 3, 10, 6, 10, 7, 4, 9, 3, 11, 5, 14, 5);
            }
        }
    }
}
