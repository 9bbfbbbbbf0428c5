package uk.safermap.layers;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.Page;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code incidents} collection: one point per incident, filterable by {@code category} (the
 * property's own name, which GIS clients send) or its older name {@code crime_type}.
 */
public final class IncidentLayer implements FeatureSource {

    public static final String ID = "incidents";
    static final String CRIME_TYPE = "crime_type";
    static final String CATEGORY = "category";

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.WGS84_SRID);

    private final IncidentStore store;

    public IncidentLayer(IncidentStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CollectionInfo info() {
        return CollectionInfo.of(ID, "Incidents",
                "Crime and anti-social behaviour incidents as imported (police.uk locations are snapped by police.uk)",
                store.extent());
    }

    @Override
    public Map<String, String> extraParameters() {
        return Map.of(CATEGORY, "comma-separated category slugs, e.g. burglary,shoplifting",
                CRIME_TYPE, "the same as category (its older name)");
    }

    @Override
    public List<Queryable> queryables() {
        return List.of(new Queryable(CATEGORY, "Category (data.police.uk slug)",
                Arrays.stream(Category.values()).map(Category::slug).toList()));
    }

    @Override
    public String geometryFormat() {
        return "geometry-point";
    }

    @Override
    public Page<Feature> items(ItemsQuery q) {
        if (q.extra().containsKey(CATEGORY) && q.extra().containsKey(CRIME_TYPE)) {
            throw new IllegalArgumentException("give category or crime_type, not both");
        }
        Set<Category> types = categories(q.extra().getOrDefault(CATEGORY, q.extra().get(CRIME_TYPE)));
        Page<Incident> page = store.find(new IncidentQuery(q.bbox(), q.from(), q.to(), types, q.limit(), q.offset()));
        return new Page<>(page.items().stream().map(IncidentLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return FeatureIds.numeric(featureId).flatMap(store::findById).map(IncidentLayer::feature);
    }

    /** Parses a {@code crime_type} list; unknown slugs are an error naming the accepted ones. */
    public static Set<Category> categories(String list) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String slug : list.split(",")) {
            out.add(Category.fromSlug(slug.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown category '" + slug.trim() + "': use data.police.uk category slugs such as "
                            + "burglary, shoplifting, violent-crime, anti-social-behaviour")));
        }
        return out;
    }

    private static Feature feature(Incident i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("crime_id", i.crimeId());
        p.put("month", i.month().toString());
        p.put("category", i.category().slug());
        p.put("category_label", i.categoryLabel());
        for (IncidentDetail d : IncidentDetail.values()) {
            if (DisclosurePolicy.shownAtPointLevel(d)) {
                p.put(d.column(), i.detail(d));
            }
        }
        p.put("precision", i.when().precision());
        p.put("occurred_at", i.occurredAt() == null ? null : i.occurredAt().toString());
        p.put("source", i.source());
        p.put("easting", Math.round(i.easting()));
        p.put("northing", Math.round(i.northing()));
        return new Feature(i.id(), WGS84.createPoint(new Coordinate(i.lon(), i.lat())), p);
    }

    @Override
    public boolean pointLevel() {
        return true;
    }
}
