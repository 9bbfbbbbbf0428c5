package uk.safermap.store.jdbc;

/**
 * What differs between the two stores. Most SQL is shared (both speak the OGC functions used
 * here: ST_MakeEnvelope, ST_GeomFromWKB, ST_AsBinary, the {@code &&} operator, and EWKT casts);
 * the migrations and the incident box filter differ.
 */
public enum Dialect {
    /**
     * Incidents are found by a B-tree on easting/northing: H2's R-tree slows to a crawl on the
     * many identical points police.uk snapping produces (each insert scans the equal keys).
     */
    H2GIS("h2gis", "easting >= ? AND northing >= ? AND easting <= ? AND northing <= ?"),
    /** Incidents are found by the GiST index on the grid geometry. */
    POSTGIS("postgis", "geom && ST_MakeEnvelope(?, ?, ?, ?, 27700)");

    private final String name;
    private final String gridBoxClause;

    Dialect(String name, String gridBoxClause) {
        this.name = name;
        this.gridBoxClause = gridBoxClause;
    }

    /** The incident filter for a grid box, binding minX, minY, maxX, maxY in that order. */
    String gridBoxClause() {
        return gridBoxClause;
    }

    /** {@code h2gis} or {@code postgis}, as reported by {@code /health}. */
    public String storeName() {
        return name;
    }

    String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
