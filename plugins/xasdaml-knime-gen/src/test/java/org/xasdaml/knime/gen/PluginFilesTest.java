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
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.core;bundle-version=\"[5.8.0,6.0.0)\""));
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.core.ui;bundle-version=\"[5.8.0,6.0.0)\""),
                "the modern dialogs' NodeParameters API (org.knime.node.parameters, as in 5.8 and 5.11)");
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
        List<Element> plugins = Dom.children(feature, "plugin");
        assertEquals(PluginIdentity.BUNDLE_ID, plugins.get(0).getAttribute("id"));
        assertEquals(1 + NATIVE_PLATFORMS.size(), plugins.size(), "the bundle and one natives fragment per platform");
        // the feature asks for the KNIME versions the bundle accepts: [5.8.0,6.0.0) ("compatible" = same major, at least this)
        List<Element> imports = Dom.children(Dom.child(feature, "requires"), "import");
        assertEquals(List.of("org.knime.core", "org.knime.core.ui", "org.knime.filehandling.core"),
                imports.stream().map(i -> i.getAttribute("plugin")).toList());
        String requires = manifest("plugins/org.xasdaml.knime/META-INF/MANIFEST.MF").getMainAttributes().getValue("Require-Bundle");
        for (Element imp : imports) {
            assertEquals("compatible", imp.getAttribute("match"));
            // the same range as the bundle's Require-Bundle: [version, next major)
            String range = "[" + imp.getAttribute("version") + "," + (Integer.parseInt(imp.getAttribute("version").split("\\.")[0]) + 1) + ".0.0)";
            assertTrue(requires.contains(imp.getAttribute("plugin") + ";bundle-version=\"" + range + "\""), imp.getAttribute("plugin") + " " + range);
        }
        assertEquals("5.8.0", imports.get(0).getAttribute("version"));
        assertEquals("5.8.0", imports.get(1).getAttribute("version"));
        Element site = Dom.parse(Files.readAllBytes(REPO.resolve("update-site/category.xml"))).getDocumentElement();
        assertEquals(List.of(PluginIdentity.FEATURE_ID), Dom.children(site, "feature").stream().map(f -> f.getAttribute("id")).toList());
    }

    /** os, ws, arch (as p2 names them) and the classifier of the nd4j-native/openblas/javacpp jars for it. */
    static final List<List<String>> NATIVE_PLATFORMS = List.of(
            List.of("linux", "gtk", "x86_64", "linux-x86_64"),
            List.of("win32", "win32", "x86_64", "windows-x86_64"),
            List.of("macosx", "cocoa", "x86_64", "macosx-x86_64"),
            List.of("macosx", "cocoa", "aarch64", "macosx-arm64"));

    /**
     * Each platform's natives fragment: the feature lists it with the os/ws/arch of its platform filter (so p2
     * installs only the matching one), it attaches to the plugin, and its class path names the jars
     * knime/embedded copies into it (and leaves out of the shaded jar).
     */
    @Test
    void everyPlatformHasANativesFragmentTheFeatureFiltersByPlatform() throws Exception {
        Element feature = Dom.parse(Files.readAllBytes(REPO.resolve("features/org.xasdaml.knime.feature/feature.xml"))).getDocumentElement();
        String embedded = Files.readString(REPO.resolve("knime/embedded/pom.xml"));
        String modules = Files.readString(REPO.resolve("knime/pom.xml"));
        for (List<String> p : NATIVE_PLATFORMS) {
            String id = PluginIdentity.BUNDLE_ID + ".bin." + p.get(0) + "." + p.get(2);
            Element entry = Dom.children(feature, "plugin").stream().filter(e -> e.getAttribute("id").equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in the feature"));
            assertEquals(List.of(p.get(0), p.get(1), p.get(2), "true"),
                    List.of(entry.getAttribute("os"), entry.getAttribute("ws"), entry.getAttribute("arch"), entry.getAttribute("fragment")), id);
            var m = manifest("plugins/" + id + "/META-INF/MANIFEST.MF").getMainAttributes();
            assertEquals(id, m.getValue("Bundle-SymbolicName"));
            assertTrue(m.getValue("Fragment-Host").startsWith(PluginIdentity.BUNDLE_ID + ";"), m.getValue("Fragment-Host"));
            assertEquals("(& (osgi.os=" + p.get(0) + ") (osgi.arch=" + p.get(2) + "))", m.getValue("Eclipse-PlatformFilter"));
            List<String> classPath = Arrays.stream(m.getValue("Bundle-ClassPath").split(",")).map(String::strip).toList();
            assertEquals(List.of("lib/nd4j-native-" + p.get(3) + ".jar", "lib/openblas-" + p.get(3) + ".jar", "lib/javacpp-" + p.get(3) + ".jar"), classPath);
            assertTrue(embedded.contains("plugins/" + id + "/lib</outputDirectory>") && embedded.contains("<classifier>" + p.get(3) + "</classifier>"), id + ": knime/embedded copies its natives");
            assertTrue(modules.contains("<module>../plugins/" + id + "</module>"), id + " is built");
        }
        assertTrue(embedded.contains("<exclude>org.nd4j:nd4j-native:jar:${native.classifier}</exclude>"), "no natives in the shaded jar");
    }

    @Test
    void targetDefinitionsNameKnime58AndALocalFolder() throws Exception {
        String remote = Files.readString(REPO.resolve("knime/target-platform/xasdaml-knime-target-5.8.target"));
        Dom.parse(remote);
        assertTrue(remote.contains("https://update.knime.com/analytics-platform/5.8"));
        assertTrue(remote.contains("org.knime.features.core.feature.group"));
        assertTrue(remote.contains("org.knime.features.core.ui.feature.group"));
        String local = Files.readString(REPO.resolve("knime/target-local/xasdaml-knime-target-local.target"));
        Dom.parse(local);
        assertTrue(local.contains("${system_property:knime.target.dir}"));
        String wrapper = Files.readString(REPO.resolve("knime/.mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.contains("apache-maven/3.9."), "Tycho 4 needs Maven 3.9");
    }
}
