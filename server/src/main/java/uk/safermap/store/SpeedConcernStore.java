package uk.safermap.store;

import uk.safermap.domain.SpeedConcern;

import java.util.Optional;

/** Where speeding complaints and Speedwatch sessions live. Imports are all-or-nothing. */
public interface SpeedConcernStore {

    KeyedImportSession<SpeedConcern> beginImport(String sourceName);

    /** Concerns in a grid box and dates [from, to), paged, oldest first. */
    Page<SpeedConcern> find(SpeedConcernQuery query);

    Optional<SpeedConcern> findById(long id);

    /** Lon/lat bounds and the days covered, empty when nothing is stored. */
    Optional<IncidentStore.Extent> extent();

}
