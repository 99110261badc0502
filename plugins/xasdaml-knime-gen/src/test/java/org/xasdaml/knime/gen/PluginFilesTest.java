package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The hand-written files of the KNIME build agree with what the generator and the workflows assume:
 * bundle and feature ids, the embedded jar on the Bundle-ClassPath and in the binary build, the
 * generated source folder, the update site's feature. (The Tycho build itself runs only with -Pknime.)
 */
class PluginFilesTest {
    static final Path REPO = Path.of("../..");

    static Manifest manifest(String path) throws Exception {
        return new Manifest(new ByteArrayInputStream(Files.readAllBytes(REPO.resolve(path))));
    }

    @Test
    void pluginManifestNamesTheBundleTheWorkflowsRecordAndEmbedsTheShadedJar() throws Exception {
        var a = manifest("plugins/org.xasdaml.knime/META-INF/MANIFEST.MF").getMainAttributes();
        assertEquals(PluginIdentity.BUNDLE_ID + ";singleton:=true", a.getValue("Bundle-SymbolicName"),
                "singleton, which plugin.xml contributions need");
        assertEquals(PluginIdentity.BUNDLE_NAME, a.getValue("Bundle-Name"));
        assertEquals(PluginIdentity.VENDOR, a.getValue("Bundle-Vendor"));
        assertTrue(a.getValue("Bundle-Version").startsWith(PluginIdentity.VERSION + "."), a.getValue("Bundle-Version"));
        assertEquals("JavaSE-17", a.getValue("Bundle-RequiredExecutionEnvironment"));
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.core;bundle-version=\"[5.5.0,6.0.0)\""));
        List<String> classPath = Arrays.stream(a.getValue("Bundle-ClassPath").split(",")).map(String::strip).toList();
        assertEquals(List.of(".", "lib/xasdaml-all.jar"), classPath);
        List<String> exports = Arrays.stream(a.getValue("Export-Package").split(",")).map(String::strip).toList();
        assertTrue(exports.containsAll(List.of("org.xasdaml.knime", KnimeNode.FACTORY_PACKAGE, KnimePort.PORT_PACKAGE)), exports.toString());

        String build = Files.readString(REPO.resolve("plugins/org.xasdaml.knime/build.properties"));
        assertTrue(build.contains("src-gen/"), "the generated sources are compiled");
        assertTrue(build.contains("lib/xasdaml-all.jar"), "the embedded jar is packaged");
        assertTrue(build.contains("plugin.xml"), "plugin.xml is packaged");
        String embedded = Files.readString(REPO.resolve("knime/embedded/pom.xml"));
        assertTrue(embedded.contains("<outputFile>${knime.plugin.dir}/lib/xasdaml-all.jar</outputFile>"), "the shade goes where the manifest looks");
        assertTrue(embedded.contains("<argument>${knime.plugin.dir}/src-gen</argument>"), "the generator writes the compiled folder");
        assertTrue(embedded.contains("ServicesResourceTransformer"), "service files merged, so StepRegistry sees every step");
    }

    @Test
    void testFragmentFeatureAndUpdateSiteReferToThePlugin() throws Exception {
        var t = manifest("plugins/org.xasdaml.knime.tests/META-INF/MANIFEST.MF").getMainAttributes();
        assertEquals(PluginIdentity.BUNDLE_ID, t.getValue("Fragment-Host"));
        Element feature = Dom.parse(Files.readAllBytes(REPO.resolve("features/org.xasdaml.knime.feature/feature.xml"))).getDocumentElement();
        assertEquals(PluginIdentity.FEATURE_ID, feature.getAttribute("id"));
        assertEquals(PluginIdentity.FEATURE_NAME, feature.getAttribute("label"));
        assertEquals(PluginIdentity.VENDOR, feature.getAttribute("provider-name"));
        assertEquals(List.of(PluginIdentity.BUNDLE_ID), Dom.children(feature, "plugin").stream().map(p -> p.getAttribute("id")).toList());
        // the feature asks for the KNIME versions the bundle accepts: [5.5.0,6.0.0) ("compatible" = same major, at least this)
        Element imp = Dom.children(Dom.child(feature, "requires"), "import").get(0);
        assertEquals("org.knime.core", imp.getAttribute("plugin"));
        assertEquals("5.5.0", imp.getAttribute("version"));
        assertEquals("compatible", imp.getAttribute("match"));
        Element site = Dom.parse(Files.readAllBytes(REPO.resolve("update-site/category.xml"))).getDocumentElement();
        assertEquals(List.of(PluginIdentity.FEATURE_ID), Dom.children(site, "feature").stream().map(f -> f.getAttribute("id")).toList());
    }

    @Test
    void targetDefinitionsNameKnime55AndALocalFolder() throws Exception {
        String remote = Files.readString(REPO.resolve("knime/target-platform/xasdaml-knime-target-5.5.target"));
        Dom.parse(remote);
        assertTrue(remote.contains("https://update.knime.com/analytics-platform/5.5"));
        assertTrue(remote.contains("org.knime.features.core.feature.group"));
        String local = Files.readString(REPO.resolve("knime/target-local/xasdaml-knime-target-local.target"));
        Dom.parse(local);
        assertTrue(local.contains("${system_property:knime.target.dir}"));
        String wrapper = Files.readString(REPO.resolve("knime/.mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.contains("apache-maven/3.9."), "Tycho 4 needs Maven 3.9");
    }
}
