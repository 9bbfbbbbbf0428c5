package uk.safermap.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Defers every index of the incident table but its primary key during a PostGIS bulk import
 * ({@link BulkImport}): the unique source digest and the GiST index (read from the catalogue, so
 * whatever indexes the table has) are dropped inside the import's transaction and built again, from their own definitions, before it
 * commits. Building an index once over all the rows costs far less than keeping it current row
 * by row: 870,000 rows moved with the unique key in 10.8 s, and without it in 3.8 s plus 1.5 s to
 * build it afterwards; 200,000 rows with the three secondary indexes in 20.8 s, and without them
 * in 10.9 s plus 4.3 s to build them (psql on this 2-core machine, 2026-12-02).
 *
 * <p>Without the unique key the batches cannot skip keys already stored, so a deferred import
 * writes every row and {@link #build} removes the repeats before the key is built again: only
 * when building it fails, so an import with no repeat never pays for the search. The row with
 * the lower id is kept, which is what {@code ON CONFLICT DO NOTHING} would have kept (ids grow
 * with each insert). A failed import rolls the drops back with everything else.
 *
 * <p>The table stays logged. Unlogging it while the rows go in and logging it again before the
 * indexes are built cost more than it saved once the rows went in binary: 1M rows COPYed in
 * 2.9 s unlogged plus 3.1 s to log the table (a rewrite), against 4.6 s logged (psql, binary
 * COPY, no indexes, default server settings, 2026-12-02).
 *
 * <p>The index builds sort every key, so they get more sort memory than the server's default
 * of 64 MB ({@link #SORT_MEMORY}, for this transaction only), and the unique key is the source
 * key's 16-byte digest (migration V16): over 1M keys it built in 0.7 s against 2.9 s on the key's
 * text, even compared byte by byte (psql).
 *
 * <p>Dropping an index locks the table until the import commits, so the writer asks for that
 * lock without waiting ({@code NOWAIT}): when any other session is reading or importing, the
 * indexes are kept and maintained as usual. While a deferred import runs, readers of the table
 * wait for it; the in-memory snapshot answers the analyses meanwhile.
 */
final class DeferredIndexes {

    private static final String INDEXES = "SELECT pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text "
            + "FROM pg_index i WHERE i.indrelid = 'incident'::regclass "
            + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)";
    private static final String UNIQUE_KEYS = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            + "WHERE conrelid = 'incident'::regclass AND contype = 'u'";
    /**
     * This import's rows whose key an earlier row (of any import) already holds. Numbered by a
     * sort, not found by a self-join: with no statistics yet on the freshly loaded rows the
     * planner chose a nested loop for the join, quadratic in the rows (8.7 s for 8,500).
     */
    private static final String REMOVE_REPEATS = "DELETE FROM incident WHERE id IN (SELECT id FROM "
            + "(SELECT id, import_id, row_number() OVER (PARTITION BY source_digest ORDER BY id) AS nth FROM incident) "
            + "AS numbered WHERE nth > 1 AND import_id = ?)";
    private static final String UNIQUE_VIOLATION = "23505";
    /** maintenance_work_mem for the builds: 1M source keys built in 2.0 s with it, 2.2 s with 64 MB (psql). */
    static final String SORT_MEMORY = "512MB";

    private final Connection c;
    private final long importId;
    private final List<String> indexes = new ArrayList<>();
    private final List<String> uniqueKeys = new ArrayList<>();

    private DeferredIndexes(Connection c, long importId) {
        this.c = c;
        this.importId = importId;
    }

    /** Drops the indexes when no other session uses the table; returns the deferral, or null when nothing was dropped. */
    static DeferredIndexes defer(Connection c, long importId) throws SQLException {
        DeferredIndexes deferred = new DeferredIndexes(c, importId);
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT defer_indexes");
            try {
                s.execute("LOCK TABLE incident IN ACCESS EXCLUSIVE MODE NOWAIT");
            } catch (SQLException busy) {
                // Another session reads or imports: keep the indexes rather than wait for it.
                s.execute("ROLLBACK TO SAVEPOINT defer_indexes");
                return null;
            }
            s.execute("RELEASE SAVEPOINT defer_indexes");
            List<String> drops = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(INDEXES)) {
                while (rs.next()) {
                    deferred.indexes.add(rs.getString(1));
                    drops.add("DROP INDEX " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(UNIQUE_KEYS)) {
                while (rs.next()) {
                    deferred.uniqueKeys.add("ALTER TABLE incident ADD CONSTRAINT " + rs.getString(1) + " "
                            + rs.getString(2));
                    drops.add("ALTER TABLE incident DROP CONSTRAINT " + rs.getString(1));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return deferred;
    }

    /**
     * Builds the dropped indexes over every row; returns how many repeated rows were removed
     * before the unique key could be built.
     */
    int build() throws SQLException {
        int removed = 0;
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '" + SORT_MEMORY + "'");
            for (String key : uniqueKeys) {
                removed += buildUnique(s, key);
            }
            for (String definition : indexes) {
                s.execute(definition);
            }
        }
        return removed;
    }

    private int buildUnique(Statement s, String key) throws SQLException {
        s.execute("SAVEPOINT unique_key");
        try {
            s.execute(key);
            s.execute("RELEASE SAVEPOINT unique_key");
            return 0;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            s.execute("ROLLBACK TO SAVEPOINT unique_key");
        }
        int removed;
        try (PreparedStatement ps = c.prepareStatement(REMOVE_REPEATS)) {
            ps.setLong(1, importId);
            removed = ps.executeUpdate();
        }
        s.execute(key);
        return removed;
    }
}
