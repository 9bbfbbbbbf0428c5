package uk.safermap.store;

import uk.safermap.domain.Collision;

import java.util.Optional;

/** Where road collisions live. A {@link KeyedImportSession} is all-or-nothing, like incident imports. */
public interface CollisionStore {

    /** Opens one import as one transaction; nothing it adds is visible until it commits. */
    KeyedImportSession<Collision> beginImport(String sourceName);

    Page<Collision> find(CollisionQuery query);

    Optional<Collision> findById(long id);

    /** Lon/lat bounds and the days covered, empty when nothing is stored. */
    Optional<IncidentStore.Extent> extent();

}
