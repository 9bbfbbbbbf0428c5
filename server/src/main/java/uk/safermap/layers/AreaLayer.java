package uk.safermap.layers;

import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.store.AreaStore;
import uk.safermap.store.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A collection of areas of one kind: wards, LSOAs, output areas or priority neighbourhoods. */
public final class AreaLayer implements FeatureSource {

    private final String id;
    private final AreaKind kind;
    private final String title;
    private final String description;
    private final AreaStore store;

    public AreaLayer(String id, AreaKind kind, String title, String description, AreaStore store) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.store = store;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CollectionInfo info() {
        return new CollectionInfo(id, title, description, store.extent(kind), Optional.empty());
    }

    @Override
    public Map<String, String> extraParameters() {
        return Map.of();
    }

    @Override
    public List<Queryable> queryables() {
        return List.of();
    }

    @Override
    public String geometryFormat() {
        return "geometry-any";
    }

    @Override
    public Page<Feature> items(ItemsQuery q) {
        Page<Area> page = store.find(kind, q.bbox(), q.limit(), q.offset());
        return new Page<>(page.items().stream().map(AreaLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return store.get(kind, featureId).map(AreaLayer::feature);
    }

    public static Feature feature(Area a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", a.code());
        p.put("name", a.name());
        p.put("kind", a.kind().key());
        p.put("approximate", a.approximate());
        p.put("note", a.note());
        return new Feature(a.code(), a.geometry(), p);
    }

    @Override
    public boolean pointLevel() {
        return false;
    }
}
