package uk.safermap.store.jdbc;

/**
 * What differs between the two stores. The SQL itself is shared (both speak the OGC SQL
 * functions used here: ST_MakePoint, ST_SetSRID, ST_MakeEnvelope, ST_GeomFromWKB, ST_AsBinary
 * and the {@code &&} bounding-box operator, which both answer from their spatial index); only
 * the migrations (index syntax) and connection set-up differ.
 */
public enum Dialect {
    H2GIS("h2gis"),
    POSTGIS("postgis");

    private final String name;

    Dialect(String name) {
        this.name = name;
    }

    /** {@code h2gis} or {@code postgis}, as reported by {@code /health}. */
    public String storeName() {
        return name;
    }

    String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
