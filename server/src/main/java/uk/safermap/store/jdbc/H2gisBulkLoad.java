package uk.safermap.store.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * A large import into a nearly empty H2GIS incident table, written as many small transactions
 * instead of one, on a session of its own. H2 keeps one transaction's changes as uncommitted
 * entries plus an undo log in its file and, at commit, rewrites every entry of every index once
 * more (H2's {@code TransactionStore.commit}); a single 1,000,000-row import grew the file past
 * 4 GB and its commit took minutes (2026-12-02, generated police.uk rows). Here each batch commits
 * as it is written, and the import's own transaction holds only its {@code import_run} row, so
 * the store is only told of the import when that row commits: the analyses read back the rows
 * of committed imports only, and a rolled-back (or killed) import's rows are deleted again.
 * While it runs, its rows are visible to direct reads of the table (incident pages with a
 * {@code bbox}); the service takes such bulk loads only into a table holding fewer than
 * {@link BulkImport#BELOW_ROWS} incidents, the first load of a store.
 *
 * <p>The grid index is dropped for the load and built once from all the rows when it ends (H2
 * keeps each B-tree row by row: 200,000 rows imported in 67 s with it and the time and category
 * indexes V15 has since dropped, in 37 s plus 10 s to build them afterwards). The primary key and the unique source digest stay, so the
 * duplicate checks and counts are unchanged. H2 commits before any DDL, which is harmless on this
 * session. A process killed during a load leaves that index missing: {@link #recover}, when
 * the store opens, deletes the rows of imports that never committed and builds the indexes.
 * During a load, H2 reuses freed file space sooner ({@link #LOAD_RETENTION_MS}).
 */
final class H2gisBulkLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2gisBulkLoad.class);

    /** As V1 creates it for H2GIS (its incident_position_index placeholder; V15 dropped the time and category indexes). */
    private static final List<Index> DEFERRED = List.of(new Index("incident_grid_idx", "easting, northing"));

    /**
     * How long H2 keeps a chunk it no longer uses before writing over it, during a load. H2's
     * default, 45 s, guards against a file system that has not yet written out the newer chunks;
     * a load syncs the file after every batch instead ({@code CHECKPOINT SYNC}), so a chunk freed
     * is past a sync within a batch's time. With 45 s, nothing written during a 36 s import of
     * 200,000 rows could be reused and the file grew to 740 MB; with 5 s, to 236 MB.
     */
    static final int LOAD_RETENTION_MS = 5_000;

    /** H2's own retention time, which the service keeps outside loads. */
    static final int DEFAULT_RETENTION_MS = 45_000;

    /** Rows deleted per transaction when a load is undone: one transaction per chunk keeps each small. */
    private static final int DELETE_CHUNK = 10_000;

    /** Rows of imports whose import_run row never committed. */
    private static final String UNCOMMITTED = "NOT EXISTS (SELECT 1 FROM import_run r WHERE r.id = incident.import_id)";

    private record Index(String name, String columns) {
    }

    private final Connection c;
    private final long importId;
    /** The largest incident id before the load: its rows are above it (identities only grow). */
    private final long floor;

    private H2gisBulkLoad(Connection c, long importId, long floor) {
        this.c = c;
        this.importId = importId;
        this.floor = floor;
    }

    /** Starts a bulk load ({@link BulkImport}) for the import, on a session of its own. */
    static H2gisBulkLoad start(Connection importConnection, long importId) throws SQLException {
        // A second session on the same embedded database, as Database.compactEmbeddedFile opens one.
        DatabaseMetaData meta = importConnection.getMetaData();
        Connection own = DriverManager.getConnection(meta.getURL(), meta.getUserName(), "");
        try {
            own.setAutoCommit(false);
            try (Statement s = own.createStatement()) {
                for (Index index : DEFERRED) {
                    s.execute("DROP INDEX IF EXISTS " + index.name());
                }
                s.execute("SET RETENTION_TIME " + LOAD_RETENTION_MS);
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM incident")) {
                    rs.next();
                    return new H2gisBulkLoad(own, importId, rs.getLong(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** The session the batches are written on (and their keys looked up on). */
    Connection connection() {
        return c;
    }

    /** Commits the batch just written and syncs the file (see {@link #LOAD_RETENTION_MS}). */
    void batchWritten() throws SQLException {
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Ends the load after the import has committed or rolled back: deletes its rows unless its
     * {@code import_run} row committed, then builds the indexes.
     */
    @Override
    public void close() throws SQLException {
        try (c) {
            c.rollback();
            if (!committed()) {
                deleteRows(c, floor, "import_id = " + importId);
            }
            buildIndexes(c);
        }
    }

    private boolean committed() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM import_run WHERE id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Undoes a load a killed process left behind (its deferred indexes are missing): deletes the
     * rows of imports that never committed, then builds the indexes. Does nothing otherwise.
     */
    static void recover(Connection c) throws SQLException {
        int missing = 0;
        for (Index index : DEFERRED) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE TABLE_NAME = 'INCIDENT' AND INDEX_NAME = ?")) {
                ps.setString(1, index.name().toUpperCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    missing += rs.next() ? 0 : 1;
                }
            }
        }
        if (missing == 0) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(id) - 1 FROM incident WHERE " + UNCOMMITTED)) {
            rs.next();
            int deleted = rs.getObject(1) == null ? 0 : deleteRows(c, rs.getLong(1), UNCOMMITTED);
            LOG.info("Recovered from an interrupted bulk import: {} uncommitted incidents deleted, indexes rebuilt", deleted);
            buildIndexes(c);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Deletes the rows above an id that meet a condition, a chunk per transaction; the id range
     * keeps each chunk's search on the primary key.
     *
     * @param where a condition built from constants and ids, never user text
     */
    private static int deleteRows(Connection c, long above, String where) throws SQLException {
        int total = 0;
        try (Statement s = c.createStatement()) {
            int n;
            do {
                n = s.executeUpdate("DELETE FROM incident WHERE id > " + above + " AND " + where
                        + " FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY");
                c.commit();
                total += n;
            } while (n > 0);
        }
        return total;
    }

    /** Builds the indexes, then gives H2 its own retention time back. */
    private static void buildIndexes(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Index index : DEFERRED) {
                s.execute("CREATE INDEX IF NOT EXISTS " + index.name() + " ON incident (" + index.columns() + ")");
            }
            s.execute("SET RETENTION_TIME " + DEFAULT_RETENTION_MS);
        }
    }
}
