package uk.safermap.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When an import is a bulk load, for which both stores defer index upkeep to its end
 * ({@link DeferredIndexes} on PostGIS, {@link H2gisBulkLoad} on H2GIS): a large first batch
 * into a nearly empty table, in practice a store's first load. A small import never pays for
 * rebuilding the indexes, nor a large table for rebuilding them over all it held.
 */
final class BulkImport {

    /** A first batch this large marks a bulk import (the ingest service sends 10,000-row batches). */
    static final int FIRST_BATCH = 5_000;
    /** A table holding this many rows or more keeps its indexes: rebuilding them would cost more than it saves. */
    static final int BELOW_ROWS = 50_000;

    private BulkImport() {
    }

    /** Whether an import whose first batch has this many rows, into the table as it is, is a bulk load. */
    static boolean starts(Connection c, int firstBatchRows) throws SQLException {
        if (firstBatchRows < FIRST_BATCH) {
            return false;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM incident LIMIT " + BELOW_ROWS
                     + ") AS head")) {
            rs.next();
            return rs.getLong(1) < BELOW_ROWS;
        }
    }
}
