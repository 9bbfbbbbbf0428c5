package uk.safermap.store;

import java.util.List;

/**
 * A running import of records keyed by their source (a collision index, a council reference):
 * all or nothing, like incident imports. Closing without {@link #commit} rolls everything back.
 *
 * @param <T> the record imported
 */
public interface KeyedImportSession<T> extends AutoCloseable {

    /** Adds the records whose key is not stored yet; returns how many were new. */
    int add(List<T> batch);

    /** Makes the import visible; returns the import's id. */
    long commit(int duplicates, int rejected);

    @Override
    void close();
}
