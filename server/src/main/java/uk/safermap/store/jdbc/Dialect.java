package uk.safermap.store.jdbc;

import java.util.Map;

/**
 * What differs between the two stores. Most SQL is shared (both speak the OGC functions used
 * here: ST_MakeEnvelope, ST_GeomFromWKB, ST_AsBinary, the {@code &&} operator, and EWKT casts);
 * the index syntax in the one migration set, the incident box filter and the import path differ.
 */
public enum Dialect {
    /**
     * Incidents are found by a B-tree on easting/northing: H2's R-tree slows to a crawl on the
     * many identical points police.uk snapping produces (each insert scans the equal keys).
     */
    H2GIS("h2gis", DatedPointTable.GRID_BOX, Map.of(
            "create_extension", "",
            "incident_position_index", "CREATE INDEX incident_grid_idx ON incident (easting, northing)",
            "spatial_index", "SPATIAL INDEX",
            "using_gist", "",
            // H2 compares strings by code point already (no database collation is set).
            "source_key_byte_order", "",
            "source_digest_of_key", "CAST(HASH('MD5', source_key) AS UUID)",
            "generated_stored", "",
            // V1 left H2 to name the key's constraint.
            "drop_source_key_unique", "EXECUTE IMMEDIATE 'ALTER TABLE incident DROP CONSTRAINT \"' || "
                    + "(SELECT t.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
                    + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA "
                    + "AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.TABLE_SCHEMA = CURRENT_SCHEMA "
                    + "AND t.TABLE_NAME = 'INCIDENT' AND t.CONSTRAINT_TYPE = 'UNIQUE' AND k.COLUMN_NAME = 'SOURCE_KEY') "
                    + "|| '\"'")),
    /** Incidents are found by the GiST index on the grid geometry. */
    POSTGIS("postgis", "geom && ST_MakeEnvelope(?, ?, ?, ?, 27700)", Map.of(
            "create_extension", "CREATE EXTENSION IF NOT EXISTS postgis;",
            "incident_position_index", "CREATE INDEX incident_geom_idx ON incident USING GIST (geom)",
            "spatial_index", "INDEX",
            "using_gist", "USING GIST",
            "source_key_byte_order", "ALTER TABLE incident ALTER COLUMN source_key TYPE VARCHAR(120) COLLATE \"C\";",
            "source_digest_of_key", "md5(source_key)::uuid",
            "generated_stored", "STORED",
            "drop_source_key_unique", "ALTER TABLE incident DROP CONSTRAINT incident_source_key_key"));

    private final String name;
    private final String gridBoxClause;
    private final Map<String, String> migrationPlaceholders;

    Dialect(String name, String gridBoxClause, Map<String, String> migrationPlaceholders) {
        this.name = name;
        this.gridBoxClause = gridBoxClause;
        this.migrationPlaceholders = migrationPlaceholders;
    }

    /** The incident filter for a grid box, binding minX, minY, maxX, maxY in that order. */
    String gridBoxClause() {
        return gridBoxClause;
    }

    /** {@code h2gis} or {@code postgis}, as reported by {@code /health}. */
    public String storeName() {
        return name;
    }

    /** Values for the {@code ${...}} placeholders in the migrations under db/migration. */
    Map<String, String> migrationPlaceholders() {
        return migrationPlaceholders;
    }
}
