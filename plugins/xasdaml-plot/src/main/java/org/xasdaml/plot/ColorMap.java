package org.xasdaml.plot;

import java.awt.Color;

/**
 * Continuous colour scales for values (scatter colouring, heatmaps) and the categorical cycle
 * for series.
 *
 * <p>{@link #VIRIDIS} is matplotlib's default map (perceptually uniform, readable in grey),
 * linearly interpolated between 9 anchor colours sampled from it at 0, 1/8, ..., 1;
 * {@link #BLUES} suits counts such as confusion matrices.
 */
public enum ColorMap {
    VIRIDIS(new int[] {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725}),
    BLUES(new int[] {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b}),
    /** Diverging blue-white-red, for signed maps (loadings, residuals). */
    COOLWARM(new int[] {0x3b4cc0, 0x6282ea, 0x8db0fe, 0xb8d0f9, 0xdddddd, 0xf5c4ad, 0xf49a7b, 0xde604d, 0xb40426});

    /** matplotlib's "tab10" colour cycle, for series. */
    static final Color[] CYCLE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private final int[] anchors;

    ColorMap(int[] anchors) {
        this.anchors = anchors;
    }

    /** The colour at {@code t} in [0, 1] (clamped; NaN gives light grey). */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0xcccccc;
        }
        double s = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) s);
        double f = s - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }

    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** Series colour number {@code i} of the cycle. */
    public static Color series(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }
}
