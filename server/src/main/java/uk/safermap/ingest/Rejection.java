package uk.safermap.ingest;

/**
 * Why one input row was not imported.
 *
 * @param line   1-based line of the row in the file (for GeoJSON, the line where the feature starts)
 * @param field  the source field at fault, as named in the file
 * @param value  the offending value as given (null when missing)
 * @param reason what is wrong, in words an analyst can act on
 * @param file   the file within an archive the row is in; null for a single file
 */
public record Rejection(long line, String field, String value, String reason, String file) {

    public Rejection(long line, String field, String value, String reason) {
        this(line, field, value, reason, null);
    }

    /**
     * A value holding a NUL character (0x00), which PostgreSQL cannot keep in text: the row is
     * refused on both stores alike, rather than failing the whole import on PostGIS. The value is
     * shown with the NUL as U+2400, which a report can print.
     */
    static Rejection nulCharacter(long line, String field, String value) {
        return new Rejection(line, field, value.replace('\0', '\u2400'),
                "holds a NUL character (0x00), which the store cannot keep in text");
    }

    Rejection inFile(String name) {
        return new Rejection(line, field, value, reason, name);
    }
}
