package org.xasdaml.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xasdaml.workflow.SoftwareVersions;

/** Versions of the learning libraries on the class path, read from their jars, for provenance. */
public final class Software {
    private Software() {
    }

    /** e.g. {deeplearning4j-nn=1.0.0-M2.1, nd4j-native=1.0.0-M2.1, smile-core=3.1.1, javacpp=1.5.7, openblas=0.3.19-1.5.7}. */
    public static Map<String, String> versions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("deeplearning4j-nn", version("org.deeplearning4j", "deeplearning4j-nn"));
        m.put("nd4j-native", version("org.nd4j", "nd4j-native"));
        String smileVersion = SoftwareVersions.ofLibrary(smile.regression.RandomForest.class); // jar manifest
        m.put("smile-core", !smileVersion.equals("unknown") ? smileVersion : version("com.github.haifengl", "smile-core"));
        m.put("javacpp", version("org.bytedeco", "javacpp"));
        m.put("openblas", version("org.bytedeco", "openblas"));
        return m;
    }

    static String version(String group, String artifact) {
        return SoftwareVersions.fromProperties(Software.class, "/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
    }
}
