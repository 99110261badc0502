package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.prediction.PredictStep;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;

/** A model trained on χ(k) refuses g(r) spanning the same numbers, with or without regridding. */
class GridQuantityTest {
    @Test
    void anotherQuantityOnTheSameNumbersIsRefused(@TempDir Path dir) {
        ModelArchive chi = ModelArchiveTest.train(ModelKind.RF, Task.REGRESSION, List.of(SyntheticSpectra.CN), 1).archive();
        SampleTable spectra = ModelArchiveTest.DATA.spectra();
        Axis k = spectra.axis();
        // the same numbers, read as r in Å: a radial distribution on 1 … 8 Å
        SampleTable rdf = SampleTable.spectra(spectra.ids(), "rdf", new Axis("r", "Å", k.values()), spectra.matrix());
        String expected = "the spectra are on r (Å) but the model was trained on k (Å⁻¹): a different quantity, which no regridding "
                + "turns into the other; give spectra of the kind the model was trained on (" + k + "), refusing to predict";
        for (boolean regrid : new boolean[] {false, true}) {
            PredictStep.Options o = new PredictStep.Options(false, regrid);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PredictStep.predict(chi, rdf, o, BasicContext.quiet(dir)));
            assertEquals(expected, e.getMessage());
        }
        // another unit of the same name is another quantity too
        SampleTable nm = SampleTable.spectra(spectra.ids(), "chi", new Axis("k", "nm⁻¹", k.values()), spectra.matrix());
        assertThrows(IllegalArgumentException.class, () -> chi.predict(nm, false));
        assertEquals(spectra.rows(), PredictStep.predict(chi, spectra, new PredictStep.Options(false, true), BasicContext.quiet(dir)).rows());
    }

    /** A spectrum with NaN is a failed sample naming the point, not a plain-looking prediction; the others go on. */
    @Test
    void aSpectrumWithNaNIsAFailedSample(@TempDir Path dir) {
        ModelArchive model = ModelArchiveTest.train(ModelKind.RF, Task.REGRESSION, List.of(SyntheticSpectra.CN), 1).archive();
        SampleTable spectra = ModelArchiveTest.DATA.spectra();
        double[][] m = spectra.matrix();
        m[3][5] = Double.NaN;
        SampleTable withNaN = SampleTable.spectra(spectra.ids(), "chi", spectra.axis(), m);
        BasicContext ctx = BasicContext.quiet(dir);
        SampleTable p = PredictStep.predict(model, withNaN, new PredictStep.Options(false, false), ctx);
        assertEquals(spectra.rows() - 1, p.rows());
        assertEquals(-1, p.rowOf(spectra.ids().get(3)));
        assertEquals(1, ctx.failures().size());
        assertEquals(spectra.ids().get(3), ctx.failures().get(0).sample());
        assertEquals(String.format(java.util.Locale.ROOT, "1 value(s) are not numbers (NaN first at k %g Å⁻¹); not predicted. "
                + "Check the spectrum", spectra.axis().get(5)), ctx.failures().get(0).message());
    }
}
