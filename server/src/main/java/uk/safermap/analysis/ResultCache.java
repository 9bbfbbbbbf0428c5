package uk.safermap.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import uk.safermap.store.IncidentStore;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Analysis results keyed by method, parameters, filter and the store's data version, so a
 * repeated request (every tile of a heatmap, a panel re-run) is answered from memory and any
 * import makes every older result unreachable. Bounded in entries and idle time. Thread-safe;
 * concurrent requests for the same key compute once.
 */
public final class ResultCache {

    private final Cache<String, Object> cache;
    private final IncidentStore store;

    public ResultCache(IncidentStore store, int maxEntries, Duration idle) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(idle).build();
    }

    /** The cached value for the key at the current data version, computing it if absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        return (T) cache.get(store.dataVersion() + "|" + key, k -> compute.get());
    }
}
