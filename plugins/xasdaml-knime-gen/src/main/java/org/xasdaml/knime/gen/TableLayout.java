package org.xasdaml.knime.gen;

import org.xasdaml.structure.SampleId;

/**
 * The layout of a sample table as a KNIME table, shared by the node adapter (which builds and
 * reads the tables) and the node descriptions (which document it).
 *
 * <p>The row key is the sample id's text ("frame:site"), so rows stay joinable after KNIME's own
 * nodes (Row Filter, Partitioning) reorder or drop them; the id is also spelled out in two
 * integer columns, because row keys are easily lost in KNIME (e.g. by a Concatenate).
 */
public final class TableLayout {
    private TableLayout() {
    }

    public static final String FRAME = "frame";
    public static final String SITE = "site";

    /** Table property: JSON of the axis (name, unit, values) of spectra columns. */
    public static final String AXIS_PROPERTY = "xasdaml.axis";
    /** Table property prefix for the table's metadata entries. */
    public static final String META_PREFIX = "xasdaml.meta.";

    public static String rowKey(SampleId id) {
        return id.toString();
    }

    /**
     * The sample id of a row: from the frame and site columns when present, else from the row key.
     *
     * @throws IllegalArgumentException naming the row when neither gives an id
     */
    public static SampleId sampleId(String rowKey, Integer frame, Integer site) {
        if (frame != null) {
            return new SampleId(frame, site == null ? 0 : site);
        }
        try {
            return SampleId.parse(rowKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row '" + rowKey + "' has no sample id: the table needs integer columns "
                    + FRAME + " (and " + SITE + ") or row keys like 12:0", e);
        }
    }
}
