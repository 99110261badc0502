package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

class TableLayoutTest {
    static final List<SampleId> IDS = List.of(new SampleId(4, 0), new SampleId(2, 7));

    static SampleTable spectra() {
        return SampleTable.spectra(IDS, "chi", new Axis("k", "Å⁻¹", new double[] {2.0, 2.05, 2.1}),
                new double[][] {{1, 2, 3}, {4, 5, 6}}).withText("note", new String[] {"a", "b"}).withMeta(Map.of("kweight", "2"));
    }

    static double[][] cols(SampleTable t) {
        double[][] c = new double[t.numericColumns()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = t.column(j);
        }
        return c;
    }

    @Test
    void spectraComeBackWithTheirGrid() {
        SampleTable t = spectra();
        SampleTable back = TableLayout.assemble(t.ids(), t.columnNames(), cols(t), TableLayout.axisProperty(t),
                t.textColumnNames(), new String[][] {t.text("note")}, t.meta());
        assertEquals(t, back);
    }

    @Test
    void theQuantityComesFromTheColumnNamesEvenWhenTheMetadataSaysOtherwise() {
        // as reconcile's normalised table: norm_<E> columns, metadata quantity = mu carried from its input
        SampleTable t = SampleTable.spectra(IDS, "norm", new Axis("energy", "eV", new double[] {8980, 8980.5}),
                new double[][] {{0.1, 0.2}, {0.3, 0.4}}).withMeta(Map.of("quantity", "mu"));
        SampleTable back = TableLayout.assemble(t.ids(), t.columnNames(), cols(t), TableLayout.axisProperty(t), List.of(),
                new String[0][], t.meta());
        assertEquals(t, back);
        assertEquals("mu", back.meta().get("quantity"));
    }

    @Test
    void aColumnSubsetKeepsItsGridPoints() {
        SampleTable t = spectra();
        List<String> keep = List.of(t.columnNames().get(0), t.columnNames().get(2));
        SampleTable back = TableLayout.assemble(t.ids(), keep, new double[][] {t.column(0), t.column(2)},
                TableLayout.axisProperty(t), List.of(), new String[0][], t.meta());
        assertEquals(new Axis("k", "Å⁻¹", new double[] {2.0, 2.1}), back.axis());
        assertEquals(6.0, back.value(1, 1), 0.0);
    }

    @Test
    void foreignColumnsDropTheGrid() {
        SampleTable t = spectra();
        SampleTable back = TableLayout.assemble(t.ids(), List.of(t.columnNames().get(0), "CN"), new double[][] {t.column(0), {12, 11}},
                TableLayout.axisProperty(t), List.of(), new String[0][], t.meta());
        assertNull(back.axis());
        assertEquals(11.0, back.value(1, 1), 0.0);
        assertNull(TableLayout.axisProperty(SampleTable.ofColumns(IDS, List.of("CN"), new double[][] {{1, 2}})));
    }

    @Test
    void sampleIdsComeFromColumnsOrRowKeys() {
        assertEquals(new SampleId(3, 1), TableLayout.sampleId("whatever", 3, 1));
        assertEquals(new SampleId(12, 5), TableLayout.sampleId("12:5", null, null));
        assertEquals("12:5", TableLayout.rowKey(new SampleId(12, 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableLayout.sampleId("Row0", null, null));
        assertEquals(true, e.getMessage().contains("row 'Row0'"));
    }
}
