package uk.safermap.store;

import uk.safermap.domain.CouncilCase;

import java.util.Optional;

/** Where council cases of the council taxonomy live. Imports are all-or-nothing. */
public interface CouncilCaseStore {

    KeyedImportSession<CouncilCase> beginImport(String sourceName);

    Page<CouncilCase> find(CouncilCaseQuery query);

    Optional<CouncilCase> findById(long id);

    /** Lon/lat bounds and the days covered, empty when nothing is stored. */
    Optional<IncidentStore.Extent> extent();

}
