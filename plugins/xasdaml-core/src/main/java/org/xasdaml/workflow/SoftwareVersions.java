package org.xasdaml.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of this program and its runtime, for provenance records. */
public final class SoftwareVersions {
    private SoftwareVersions() {
    }

    /** This program's version, from the build. */
    public static String xasdaml() {
        return fromProperties(SoftwareVersions.class, "/org/xasdaml/xasdaml.properties");
    }

    /**
     * The {@code version} of a properties resource on the class path of {@code loader}'s class
     * (this program's build properties, a library's {@code META-INF/maven/.../pom.properties}), or
     * "unknown" when there is none.
     */
    public static String fromProperties(Class<?> loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** xasdaml, Java, OS and architecture. */
    public static Map<String, String> runtime() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("xasdaml", xasdaml());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        return m;
    }

    /** The version in a library jar's manifest, for classes of that library. */
    public static String ofLibrary(Class<?> type) {
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
