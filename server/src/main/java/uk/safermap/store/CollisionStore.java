package uk.safermap.store;

import uk.safermap.domain.Collision;

import java.util.List;
import java.util.Optional;

/** Where road collisions live. An {@link ImportSession} is all-or-nothing, like incident imports. */
public interface CollisionStore {

    /** Opens one import as one transaction; nothing it adds is visible until it commits. */
    ImportSession beginImport(String sourceName);

    Page<Collision> find(CollisionQuery query);

    Optional<Collision> findById(long id);

    /** Lon/lat bounds and the days covered, empty when nothing is stored. */
    Optional<IncidentStore.Extent> extent();

    /** A running import. Closing without {@link #commit} rolls everything back. */
    interface ImportSession extends AutoCloseable {

        /** Adds collisions whose index is not stored yet; returns how many were new. */
        int add(List<Collision> batch);

        /** Makes the import visible; returns the import's id. */
        long commit(int duplicates, int rejected);

        @Override
        void close();
    }
}
