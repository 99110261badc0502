package org.xasdaml.workflow;

/**
 * A kind of data that flows between steps.
 *
 * <p>{@code table} marks data that is a table of samples (one row per sample, an id column,
 * numeric columns): KNIME shows those as ordinary data tables, so users can mix them with KNIME's
 * own nodes; all other types become custom port objects.
 *
 * @param id          stable identifier, used in file names and KNIME port registration
 * @param javaType    class of the data
 * @param description what the data is, for node descriptions and help
 * @param table       true for sample tables
 * @param codec       storage on disk
 */
public record PortType<T>(String id, Class<T> javaType, String description, boolean table, Codec<T> codec) {
}
