package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Adds a batch of incidents inside an open import transaction, skipping source keys already
 * stored, and says how many were new. One per import; the fastest way differs by database.
 */
interface BatchWriter extends AutoCloseable {

    int write(List<Incident> batch) throws SQLException;

    /** Completes the import's changes before it commits (nothing to do unless the writer deferred work). */
    default void finish() throws SQLException {
    }

    @Override
    void close() throws SQLException;

    static BatchWriter of(Dialect dialect, Connection c, long importId) throws SQLException {
        return dialect == Dialect.POSTGIS ? new CopyBatchWriter(c, importId) : new InsertBatchWriter(c, importId);
    }
}
