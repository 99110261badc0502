package org.xasdaml.structure;

/**
 * One frame with one absorbing site: the unit of work for FEFF and for descriptors.
 */
public record Sample(SampleId id, Frame frame) {
    public Sample {
        if (id.frame() != frame.index()) {
            throw new IllegalArgumentException("sample " + id + " does not belong to frame " + frame.index());
        }
        if (id.site() >= frame.size()) {
            throw new IllegalArgumentException("sample " + id + ": frame " + frame.index() + " has only "
                    + frame.size() + " atoms");
        }
    }

    public int site() {
        return id.site();
    }

    public Element absorber() {
        return frame.element(id.site());
    }
}
