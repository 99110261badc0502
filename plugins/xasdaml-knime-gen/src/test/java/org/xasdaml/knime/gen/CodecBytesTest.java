package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.PortTypes;

class CodecBytesTest {

    @Test
    void structureSetSurvivesThePortBytes(@TempDir Path dir) throws IOException {
        Path xyz = dir.resolve("two.xyz");
        Files.writeString(xyz, """
                3
                frame 0
                Cu 0.0 0.0 0.0
                Cu 1.8 0.0 0.0
                O 0.0 1.9 0.125
                3
                frame 1
                Cu 0.1 0.0 0.0
                Cu 1.7 0.2 0.0
                O 0.0 1.8 -0.5
                """);
        ReadStructuresStep step = new ReadStructuresStep();
        StructureSet set = ReadStructuresStep.read(xyz, step.parameters().fromText(Map.of("file", xyz.toString(), "absorber", "Cu")));
        byte[] bytes = CodecBytes.encode(PortTypes.STRUCTURES, set);
        StructureSet back = CodecBytes.decode(PortTypes.STRUCTURES, bytes);
        assertEquals(List.of(new SampleId(0, 0), new SampleId(0, 1), new SampleId(1, 0), new SampleId(1, 1)), back.samples());
        assertEquals(set.sha256(), back.sha256());
        assertEquals(2, back.frames().size());
        assertEquals(-0.5, back.frames().get(1).z(2), 0.0);
        assertEquals(1.7, back.frames().get(1).x(1), 0.0);
        assertArrayEquals(bytes, CodecBytes.encode(PortTypes.STRUCTURES, back), "stable bytes after a round trip");
    }

    @Test
    void spectraTableWithAxisTextAndMetadataSurvives() throws IOException {
        SampleTable t = SampleTable.spectra(List.of(new SampleId(3, 0), new SampleId(1, 2)), "mu",
                new Axis("energy", "eV", new double[] {8979.0, 8980.5, 8982.25}),
                new double[][] {{0.1, 0.2, 1.0 / 3.0}, {Math.PI, -2.5e-7, 1e300}})
                .withText("split", new String[] {"train", "test"}).withMeta(Map.of("edge", "K"));
        SampleTable back = CodecBytes.decode(PortTypes.TABLE, CodecBytes.encode(PortTypes.TABLE, t));
        assertEquals(t, back);
        assertEquals(1.0 / 3.0, back.value(0, 2), 0.0);
    }

    @Test
    void foreignBytesAreRefused() {
        assertThrows(IOException.class, () -> CodecBytes.decode(PortTypes.STRUCTURES, new byte[] {1, 2, 3}));
    }

    static byte[] png(int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void figuresAreStackedIntoOnePng() throws IOException {
        byte[] red = png(10, 5, 0xff0000);
        byte[] blue = png(20, 7, 0x0000ff);
        assertArrayEquals(red, FigureSheet.png(new FigureSet(List.of(new Figure("a", "A", red, null)))), "one figure passes unchanged");
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(
                FigureSheet.png(new FigureSet(List.of(new Figure("a", "A", red, null), new Figure("b", "B", blue, "<svg/>"))))));
        assertEquals(20, sheet.getWidth());
        assertEquals(12, sheet.getHeight());
        assertEquals(0xff0000, sheet.getRGB(9, 4) & 0xffffff);
        assertEquals(0xffffff, sheet.getRGB(15, 2) & 0xffffff, "white right of the narrow figure");
        assertEquals(0x0000ff, sheet.getRGB(19, 5) & 0xffffff);
        assertEquals(0x0000ff, sheet.getRGB(0, 11) & 0xffffff);
        BufferedImage empty = ImageIO.read(new ByteArrayInputStream(FigureSheet.png(new FigureSet(List.of()), "a forest has no loss curves")));
        assertEquals(FigureSheet.NONE_WIDTH, empty.getWidth());
        int dark = 0;
        for (int x = 0; x < empty.getWidth(); x++) {
            for (int y = 0; y < empty.getHeight(); y++) {
                dark += (empty.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(dark > 100, "the reason is written on it (" + dark + " dark pixels)");
    }
}
