package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Adds a batch of incidents inside an open import transaction, skipping source keys already
 * stored, and says how many were new (or, when the writer defers the key check to
 * {@link #finish}, how many it wrote). One per import; the fastest way differs by database.
 */
interface BatchWriter extends AutoCloseable {

    int write(List<Incident> batch) throws SQLException;

    /**
     * Completes the import's changes before it commits (nothing to do unless the writer deferred
     * work); returns how many rows {@link #write} counted that turned out to repeat a stored key
     * and were removed. Called again, does nothing.
     */
    default int finish() throws SQLException {
        return 0;
    }

    /**
     * After {@link #finish}, the points of every row this import wrote, with their ids, and their
     * extent, when the writer knows them (a bulk COPY assigns the ids itself): the snapshot then
     * need not read the import back, nor the table's extent. Empty otherwise.
     */
    default Optional<Written> written() {
        return Optional.empty();
    }

    /** What a writer wrote: its rows' points and their bounds. */
    record Written(PointSet points, IncidentStore.Extent extent) {
    }

    @Override
    void close() throws SQLException;

    static BatchWriter of(Dialect dialect, Connection c, long importId) throws SQLException {
        return dialect == Dialect.POSTGIS ? new CopyBatchWriter(c, importId) : new InsertBatchWriter(c, importId);
    }
}
