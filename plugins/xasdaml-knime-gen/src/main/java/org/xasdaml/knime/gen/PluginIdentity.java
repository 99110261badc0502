package org.xasdaml.knime.gen;

/**
 * Names of the KNIME plugin and feature, as workflows record them for each node (KNIME reports a
 * missing node with these) and as the Tycho build declares them. A test checks they agree with the
 * plugin's MANIFEST.MF and the feature.xml.
 */
public final class PluginIdentity {
    private PluginIdentity() {
    }

    public static final String BUNDLE_ID = "org.xasdaml.knime";
    public static final String BUNDLE_NAME = "XASDAML nodes for KNIME";
    public static final String VENDOR = "XASDAML-Java";
    public static final String VERSION = "0.1.0";
    public static final String FEATURE_ID = "org.xasdaml.knime.feature";
    public static final String FEATURE_NAME = "XASDAML: machine learning for X-ray absorption spectroscopy";
    /** The KNIME version the workflows say they were written by: the oldest the node set supports. */
    public static final String KNIME_VERSION = "5.5.0";
}
