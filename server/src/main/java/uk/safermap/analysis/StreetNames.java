package uk.safermap.analysis;

import uk.safermap.areas.StreetIndex;
import uk.safermap.store.IncidentStore;

import java.util.function.Supplier;

/**
 * The street index of the stored incidents, kept current: built on first use and again whenever
 * the store's data version has moved on since (an import), from the snap points of the incidents
 * every role may count (sensitive ones are left out, so a street named only by them is never
 * named). Thread-safe: one rebuild at a time, readers of the old index are not disturbed.
 */
public final class StreetNames implements Supplier<StreetIndex> {

    private record Built(String version, StreetIndex index) {
    }

    private final IncidentSelection selection;
    private final IncidentStore store;
    private volatile Built built;

    public StreetNames(IncidentSelection selection, IncidentStore store) {
        this.selection = selection;
        this.store = store;
    }

    @Override
    public StreetIndex get() {
        String version = store.dataVersion();
        Built b = built;
        return b != null && b.version().equals(version) ? b.index() : rebuild(version);
    }

    private synchronized StreetIndex rebuild(String version) {
        Built b = built;
        if (b == null || !b.version().equals(version)) {
            // Read after the version: an import landing in between only makes the next call rebuild again.
            b = new Built(version, StreetIndex.of(selection.select(AnalysisFilter.everything().aggregateOnlyView(), true)));
            built = b;
        }
        return b.index();
    }
}
