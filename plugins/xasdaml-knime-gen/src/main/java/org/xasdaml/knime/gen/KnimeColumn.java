package org.xasdaml.knime.gen;

/**
 * One column of a KNIME table as the node set writes it: name and cell type.
 *
 * @param name column name
 * @param type cell type
 */
public record KnimeColumn(String name, Type type) {

    /** The cell types the node set writes. */
    public enum Type { DOUBLE, STRING }
}
