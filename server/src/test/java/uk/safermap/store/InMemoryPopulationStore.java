package uk.safermap.store;

import java.util.Map;
import java.util.Optional;

/** A {@link PopulationStore} in a map, for service tests that need no database. Not thread-safe. */
public final class InMemoryPopulationStore implements PopulationStore {

    private Map<String, Integer> populations = Map.of();
    private String source;

    @Override
    public void replaceAll(Map<String, Integer> populations, String source) {
        this.populations = Map.copyOf(populations);
        this.source = source;
    }

    @Override
    public Map<String, Integer> all() {
        return populations;
    }

    @Override
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
