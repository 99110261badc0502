package org.xasdaml.structure;

import java.util.Comparator;

/**
 * The identity of a sample through every step: the frame it came from and the absorbing site.
 *
 * <p>The reference lost the frame index at the split; here every table row carries it, so a test
 * prediction can always be traced back to its structure.
 *
 * @param frame 0-based frame index in the structure file (or position in a list of measured spectra)
 * @param site  0-based index of the absorbing atom in the frame
 */
public record SampleId(int frame, int site) implements Comparable<SampleId> {

    private static final Comparator<SampleId> ORDER =
            Comparator.comparingInt(SampleId::frame).thenComparingInt(SampleId::site);

    public SampleId {
        if (frame < 0 || site < 0) {
            throw new IllegalArgumentException("sample id needs non-negative frame and site, got " + frame + ":" + site);
        }
    }

    /** Parses "12" (site 0) or "12:5". */
    public static SampleId parse(String text) {
        String s = text.strip();
        int colon = s.indexOf(':');
        try {
            if (colon < 0) {
                return new SampleId(Integer.parseInt(s), 0);
            }
            return new SampleId(Integer.parseInt(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sample id (frame or frame:site): '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(SampleId o) {
        return ORDER.compare(this, o);
    }

    /** "frame:site", the form {@link #parse} reads. */
    @Override
    public String toString() {
        return frame + ":" + site;
    }
}
