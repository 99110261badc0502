package org.xasdaml.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.Figure;

class ChartTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Document parseSvg(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pngDecodesWithTheRequestedSizeAndLineColourWhereTheDataIs() throws Exception {
        double[] x = {0, 1};
        double[] y = {0.5, 0.5};
        Chart c = new Chart().size(400, 300).xLabel("Energy", "eV").yLabel("μ(E)", "").legend(false)
                .xRange(0, 1).yRange(0, 1).line("flat", x, y, new java.awt.Color(0xff0000), 3f, false);
        Figure f = c.render("flat");
        BufferedImage img = decode(f.png());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        // find the red line's row in the middle column: it must sit halfway between the plot's top and bottom
        int col = 250;
        int red = -1;
        int frameTop = -1;
        int frameBottom = -1;
        for (int row = 0; row < 300; row++) {
            int rgb = img.getRGB(col, row) & 0xFFFFFF;
            if (rgb == 0xff0000 && red < 0) {
                red = row;
            }
            if (rgb == 0x333333) {
                if (frameTop < 0) {
                    frameTop = row;
                } else if (red > 0 && frameBottom < 0) {
                    frameBottom = row; // the frame's lower edge: the first axis-coloured row below the line
                }
            }
        }
        assertTrue(red > 0, "red line not found");
        assertEquals((frameTop + frameBottom) / 2.0, red + 1, 1.5);
        Document svg = parseSvg(f.svg());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertTrue(f.svg().contains("Energy (eV)"));
    }

    @Test
    void everyLayerKindRendersToValidPngAndSvg() throws Exception {
        double[][] z = new double[20][30];
        double[] kx = new double[30];
        double[] ry = new double[20];
        for (int i = 0; i < 30; i++) {
            kx[i] = 0.5 * i;
        }
        for (int j = 0; j < 20; j++) {
            ry[j] = 0.1 * j;
            for (int i = 0; i < 30; i++) {
                z[j][i] = Math.exp(-((i - 15) * (i - 15) + (j - 8) * (j - 8)) / 30.0);
            }
        }
        List<Figure> figs = List.of(
                new Chart().title("wavelet").xLabel("k", "Å⁻¹").yLabel("R", "Å").colorLabel("|W|").heatmap(z, kx, ry).render("wt"),
                new Chart().title("confusion").colorMap(ColorMap.BLUES)
                        .heatmap(new double[][] {{5, 1}, {2, 7}}, List.of("a", "b"), List.of("a", "b"), true).render("cm"),
                new Chart().title("box").boxes(List.of("c0", "c1"), List.of(new double[] {1, 2, 3, 4, 30}, new double[] {2, 3})).render("box"),
                new Chart().title("hist").histogram("CN", new double[] {1, 2, 2, 3, 3, 3}, 3).render("hist"),
                new Chart().title("bars").bar("var", List.of("PC1", "PC2"), new double[] {0.7, 0.2}).render("bar"),
                new Chart().title("parity").scatter("pred", new double[] {1, 2, 3}, new double[] {1.1, 2.2, 2.7},
                        new double[] {0, 1, 2}, "CN").diagonal().vline("k", 2).render("parity"));
        for (Figure f : figs) {
            assertEquals(Chart.DEFAULT_WIDTH, decode(f.png()).getWidth(), f.name());
            parseSvg(f.svg());
        }
    }

    @Test
    void confusionMatrixCellsTakeTheColourOfTheirValue() throws Exception {
        Chart c = new Chart().size(400, 400).legend(false).colorMap(ColorMap.BLUES)
                .heatmap(new double[][] {{0, 10}, {10, 0}}, List.of("a", "b"), List.of("a", "b"), false);
        BufferedImage img = decode(c.png());
        // bottom-left cell is z[0][0] = 0 (lightest), bottom-right z[0][1] = 10 (darkest); sample away from text
        int light = img.getRGB(150, 300) & 0xFFFFFF;
        int dark = img.getRGB(260, 300) & 0xFFFFFF;
        assertEquals(ColorMap.BLUES.rgb(0), light);
        assertEquals(ColorMap.BLUES.rgb(1), dark);
    }

    @Test
    void logAxisPutsTheGeometricMiddleInTheMiddle() throws Exception {
        Chart c = new Chart().size(400, 300).legend(false).yLog(true).yRange(0.1, 1000).xRange(0, 1)
                .line("loss", new double[] {0, 1}, new double[] {10, 10}, new java.awt.Color(0xff0000), 3f, false)
                .note("R² = 0.95");
        BufferedImage img = decode(c.png());
        int red = -1;
        int frameTop = -1;
        int frameBottom = -1;
        for (int row = 0; row < 300; row++) {
            int rgb = img.getRGB(300, row) & 0xFFFFFF;
            if (rgb == 0xff0000 && red < 0) {
                red = row;
            }
            if (rgb == 0x333333) {
                if (frameTop < 0) {
                    frameTop = row;
                } else if (red > 0 && frameBottom < 0) {
                    frameBottom = row; // the frame's lower edge: the first axis-coloured row below the line
                }
            }
        }
        // log10: 10 is halfway between 0.1 and 1000
        assertEquals((frameTop + frameBottom) / 2.0, red + 1, 1.5);
        assertTrue(c.svgText().contains("R² = 0.95"));
    }

    @Test
    void mismatchedSeriesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Chart().line("mu of 3:0", new double[3], new double[4]));
        assertTrue(e.getMessage().contains("mu of 3:0"));
    }

    @Test
    void binsAndPercentilesMatchNumpy() throws Exception {
        Map<String, Object> fx;
        try (InputStream in = getClass().getResourceAsStream("bins.json")) {
            fx = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        double[] values = numbers(fx.get("values"));
        Bins b = Bins.of(values, 10);
        assertArrayEquals(numbers(fx.get("edges_10")), b.edges(), 1e-12);
        assertArrayEquals(longs(fx.get("counts_10")), b.counts());
        Bins w = Bins.ofWidth(values, 0.5);
        assertArrayEquals(numbers(fx.get("edges_w05")), w.edges(), 1e-12);
        assertArrayEquals(longs(fx.get("counts_w05")), w.counts());
        double[] sorted = Chart.finiteSorted(values);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) fx.get("percentiles");
        for (Map.Entry<String, Object> e : p.entrySet()) {
            assertEquals(((Number) e.getValue()).doubleValue(), Chart.percentile(sorted, Double.parseDouble(e.getKey())), 1e-12,
                    "percentile " + e.getKey());
        }
    }

    static double[] numbers(Object o) {
        return ((List<?>) o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    static long[] longs(Object o) {
        return ((List<?>) o).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    @Test
    void niceTicksUseOneTwoFiveSteps() {
        assertEquals(List.of(8975.0, 9000.0, 9025.0, 9050.0), Ticks.of(8970, 9060, 4));
        assertEquals("0.25", Ticks.label(0.25, 0.05));
        assertEquals("9000", Ticks.label(9000, 25));
    }
}
