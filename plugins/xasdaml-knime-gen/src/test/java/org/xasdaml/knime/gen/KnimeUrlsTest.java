package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KnimeUrlsTest {

    @Test
    void relativePathsAreWorkflowRelativeAndUrlsStay() {
        assertEquals("knime://knime.workflow/data/cu-md-public.dump", KnimeUrls.urlOf("data/cu-md-public.dump"));
        assertEquals("knime://knime.workflow/data/my%20spectra/cu.xdi", KnimeUrls.urlOf("./data\\my spectra\\cu.xdi"));
        assertEquals("knime://LOCAL/project/cu.xdi", KnimeUrls.urlOf("knime://LOCAL/project/cu.xdi"));
        assertEquals("file:/tmp/cu.xdi", KnimeUrls.urlOf(" file:/tmp/cu.xdi "));
        assertNull(KnimeUrls.urlOf("/usr/share/doc/cu.xdi"));
        assertNull(KnimeUrls.urlOf("C:\\Users\\me\\cu.xdi"));
        assertNull(KnimeUrls.urlOf("\\\\server\\share\\cu.xdi"));
        assertNull(KnimeUrls.urlOf(""));
    }

    @Test
    void everyPathOfAStepIsResolvedAndNothingElse() {
        KnimeNode measured = NodeSet.load().byStep("predict-measured");
        Map<String, String> out = KnimeUrls.resolvePaths(measured.step().parameters().specs(),
                Map.of("files", "data/a.xdi, /abs/b.xdi,knime://knime.workflow/c.prj", "round", "true"),
                url -> "<" + url + ">");
        assertEquals("<knime://knime.workflow/data/a.xdi>,/abs/b.xdi,<knime://knime.workflow/c.prj>", out.get("files"));
        assertEquals("true", out.get("round"));
        KnimeNode feff = NodeSet.load().byStep("feff");
        assertEquals("", KnimeUrls.resolvePaths(feff.step().parameters().specs(), Map.of("feffBin", ""), url -> "x").get("feffBin"),
                "empty FEFF folder: search the PATH");
    }
}
