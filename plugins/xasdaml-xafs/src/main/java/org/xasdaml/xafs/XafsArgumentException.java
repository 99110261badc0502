package org.xasdaml.xafs;

import java.util.Locale;

/**
 * The one exception type for invalid arguments to the XAFS kernels. Messages are built from
 * the templates below with {@link Locale#ROOT}, so they name the offending value and never depend
 * on the default locale.
 */
public class XafsArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    static final String NOT_FINITE = "%s[%d] is not finite: %s";
    static final String NOT_INCREASING = "%s is not strictly increasing at index %d: %s after %s";
    static final String LENGTH_MISMATCH = "%s has %d values but %s has %d";
    static final String TOO_SHORT = "%s needs at least %d points, got %d";
    static final String OUT_OF_RANGE = "%s %s is out of range: %s";
    static final String NOT_COVERED =
            "spectrum covers [%s, %s] but the grid needs [%s, %s]; refusing to extrapolate";

    /**
     * @param template one of the message templates of this class
     * @param args     the values named by the template
     */
    public XafsArgumentException(String template, Object... args) {
        super(String.format(Locale.ROOT, template, args));
    }
}
