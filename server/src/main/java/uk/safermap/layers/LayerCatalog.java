package uk.safermap.layers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The collections the service publishes, by id, in a fixed order. */
public final class LayerCatalog {

    private final Map<String, FeatureSource> sources = new LinkedHashMap<>();

    public LayerCatalog(List<FeatureSource> sources) {
        for (FeatureSource s : sources) {
            if (this.sources.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two collections share the id " + s.id());
            }
        }
    }

    public Collection<FeatureSource> all() {
        return sources.values();
    }

    public Optional<FeatureSource> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }
}
