package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/** What steps say about their columns before running, against the names spectra tables really get. */
class TableColumnsTest {

    @Test
    void spectraColumnsAreNamedAsSpectraTablesNameThem() {
        double[] k = {0.05, 0.1, 12.345678};
        SampleTable t = SampleTable.spectra(List.of(new SampleId(0, 0)), "chi", new Axis("k", "Å⁻¹", k), new double[][] {{1, 2, 3}});
        assertEquals(TableColumns.of(t), TableColumns.spectra("chi", k));
        assertEquals(12.3457, TableColumns.point(t.columnNames().get(2)), 1e-12);
        assertTrue(Double.isNaN(TableColumns.point("CN_JmolNN")));
        assertTrue(Double.isNaN(TableColumns.point("frame")));
    }

    @Test
    void anotherQuantityOnTheSameGridKeepsOnlyTheTextAsked() {
        TableColumns mu = new TableColumns(List.of("mu_8979.0000", "mu_8980.5000"), List.of("source", "note"));
        assertEquals(new TableColumns(List.of("norm_8979.0000", "norm_8980.5000"), List.of("source")),
                mu.spectraAs("norm", List.of("source")));
        assertNull(new TableColumns(List.of("e0"), List.of()).spectraAs("norm", List.of()), "not a spectra column");
        assertEquals(new TableColumns(List.of("e0"), List.of("source")), mu.keepingSource(TableColumns.numeric(List.of("e0"))));
        assertEquals(TableColumns.numeric(List.of("e0")), TableColumns.numeric(List.of("x")).keepingSource(TableColumns.numeric(List.of("e0"))));
    }
}
