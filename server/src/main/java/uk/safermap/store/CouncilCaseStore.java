package uk.safermap.store;

import uk.safermap.domain.CouncilCase;

import java.util.List;
import java.util.Optional;

/** Where council cases of the council taxonomy live. Imports are all-or-nothing. */
public interface CouncilCaseStore {

    ImportSession beginImport(String sourceName);

    Page<CouncilCase> find(CouncilCaseQuery query);

    Optional<CouncilCase> findById(long id);

    /** Lon/lat bounds and the days covered, empty when nothing is stored. */
    Optional<IncidentStore.Extent> extent();

    /** A running import. Closing without {@link #commit} rolls everything back. */
    interface ImportSession extends AutoCloseable {

        /** Adds cases whose source key is not stored yet; returns how many were new. */
        int add(List<CouncilCase> batch);

        long commit(int duplicates, int rejected);

        @Override
        void close();
    }
}
