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

    /**
     * KNIME's file chooser holds a location, the settings a text: every text the classic dialog can
     * save comes back unchanged through the chooser, and what the chooser's categories give is text
     * the node resolves to the same file.
     */
    @Test
    void savedPathsPassThroughTheChooserUnchanged() {
        for (String t : new String[] {"", "data/cu-md-public.dump", "./data\\my spectra\\cu.xdi", "/usr/share/doc/cu.xdi",
                "C:\\Users\\me\\cu.xdi", "\\\\server\\share\\cu.xdi", "knime://knime.workflow/data/cu.xdi",
                "knime://LOCAL/project/cu.xdi", "file:/tmp/cu.xdi"}) {
            assertEquals(t, KnimeUrls.text(KnimeUrls.location(t)), t);
        }
        assertEquals(new KnimeUrls.Location("RELATIVE", "knime.workflow", "data/cu.dump"), KnimeUrls.location("data/cu.dump"));
        assertEquals(new KnimeUrls.Location("LOCAL", "", "/abs/cu.xdi"), KnimeUrls.location("/abs/cu.xdi"));
        assertEquals("CUSTOM_URL", KnimeUrls.location("knime://knime.workflow/cu.xdi").category());
        // what the chooser gives for a file picked relative to the workflow, the mount point, the data area
        assertEquals("data/cu.xdi", KnimeUrls.text(new KnimeUrls.Location("RELATIVE", "knime.workflow", "/data/cu.xdi")));
        assertEquals("knime://knime.workflow/data/cu.xdi",
                KnimeUrls.urlOf(KnimeUrls.text(new KnimeUrls.Location("RELATIVE", "knime.workflow", "/data/cu.xdi"))));
        assertEquals("knime://knime.mountpoint/p/my%20cu.xdi",
                KnimeUrls.text(new KnimeUrls.Location("RELATIVE", "knime.mountpoint", "/p/my cu.xdi")));
        assertEquals("knime://knime.workflow.data/cu.xdi", KnimeUrls.text(new KnimeUrls.Location("RELATIVE", "knime.workflow.data", "cu.xdi")));
        assertEquals("knime://LOCAL/p/cu.xdi", KnimeUrls.text(new KnimeUrls.Location("MOUNTPOINT", "LOCAL", "/p/cu.xdi")));
        assertEquals("/home/me/cu.xdi", KnimeUrls.text(new KnimeUrls.Location("LOCAL", null, "/home/me/cu.xdi")));
    }
}
