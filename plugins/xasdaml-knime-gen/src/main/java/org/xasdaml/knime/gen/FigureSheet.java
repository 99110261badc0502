package org.xasdaml.knime.gen;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;

/**
 * The figures of a step as the one PNG a KNIME image port carries: stacked top to bottom on white,
 * left-aligned, in the step's order. A single figure passes through unchanged.
 */
public final class FigureSheet {
    /** Tallest sheet drawn; later figures are left out (they stay in the step's own output). */
    static final int MAX_HEIGHT = 16_000;

    private FigureSheet() {
    }

    public static byte[] png(FigureSet set) throws IOException {
        return png(set, "the step drew none with these settings");
    }

    /**
     * The sheet; for a step that drew no figures (e.g. a random forest has no loss curves) a small
     * image saying so, instead of an empty one a user would take for a failure.
     */
    public static byte[] png(FigureSet set, String whyNone) throws IOException {
        List<Figure> figures = set.figures();
        if (figures.isEmpty()) {
            return none(whyNone);
        }
        if (figures.size() == 1) {
            return figures.get(0).png();
        }
        List<BufferedImage> images = new ArrayList<>();
        int width = 1;
        int height = 0;
        for (Figure f : figures) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
            if (img == null) {
                throw new IOException("figure " + f.name() + " is not a readable PNG");
            }
            if (height + img.getHeight() > MAX_HEIGHT && !images.isEmpty()) {
                break;
            }
            images.add(img);
            width = Math.max(width, img.getWidth());
            height += img.getHeight();
        }
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage img : images) {
            g.drawImage(img, 0, y, null);
            y += img.getHeight();
        }
        g.dispose();
        return encode(sheet);
    }

    private static byte[] none(String why) throws IOException {
        BufferedImage img = new BufferedImage(NONE_WIDTH, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 1).deriveFont(13f));
        g.drawString("No figures: " + why + ".", 10, 25);
        g.dispose();
        return encode(img);
    }

    /** Width of the "no figures" image. */
    static final int NONE_WIDTH = 640;

    private static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
