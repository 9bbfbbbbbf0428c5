package uk.safermap.ingest;

/**
 * Why one input row was not imported.
 *
 * @param line   1-based line of the row in the file (for GeoJSON, the line where the feature starts)
 * @param field  the source field at fault, as named in the file
 * @param value  the offending value as given (null when missing)
 * @param reason what is wrong, in words an analyst can act on
 */
public record Rejection(long line, String field, String value, String reason) {
}
