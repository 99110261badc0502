package org.xasdaml.workflow;

/**
 * One rendered figure: a PNG for looking at, and optionally the same figure as SVG for papers.
 *
 * @param name  file-name stem, e.g. "sample_12_mu"
 * @param title what it shows
 * @param png   PNG bytes
 * @param svg   SVG text, or null
 */
public record Figure(String name, String title, byte[] png, String svg) {
    public Figure {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("figure name must be a plain file name: " + name);
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** Name and title only (never the image bytes or the SVG text). */
    @Override
    public String toString() {
        return name + " (" + title + ")";
    }
}
