package uk.safermap.layers;

import uk.safermap.store.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A collection of features that the OGC API and the viewer can page through. */
public interface FeatureSource {

    String id();

    CollectionInfo info();

    /**
     * Query parameters this collection accepts beyond the OGC core ones, with a description
     * each; anything else is rejected.
     */
    Map<String, String> extraParameters();

    /** Properties a client may filter on by name (each also an extra parameter). */
    List<Queryable> queryables();

    /** The geometry of every feature, as a JSON Schema format ({@code geometry-point}, {@code geometry-any}...). */
    String geometryFormat();

    /** @throws IllegalArgumentException when an extra filter value is invalid; the message says why */
    Page<Feature> items(ItemsQuery query);

    Optional<Feature> item(String featureId);

    /** Whether features are individual incidents, which only roles that see points may read. */
    boolean pointLevel();
}
