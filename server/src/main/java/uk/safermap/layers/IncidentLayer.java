package uk.safermap.layers;

import org.locationtech.jts.geom.Coordinate;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.InvalidInputException;
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

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * The {@code incidents} collection: one point per incident, filterable by {@code category} (the
 * property's own name, which GIS clients send) or its older name {@code crime_type}.
 */
public final class IncidentLayer implements FeatureSource {

    public static final String ID = "incidents";
    static final String CRIME_TYPE = "crime_type";
    static final String CATEGORY = "category";

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
            throw new InvalidInputException("give category or crime_type, not both");
        }
        String param = q.extra().containsKey(CATEGORY) ? CATEGORY : CRIME_TYPE;
        Set<Category> types = categories(param, q.extra().get(param));
        Page<Incident> page = store.find(new IncidentQuery(q.bbox(), q.from(), q.to(), types, q.limit(), q.offset()));
        return new Page<>(page.items().stream().map(IncidentLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return FeatureIds.numeric(featureId).flatMap(store::findById).map(IncidentLayer::feature);
    }

    /**
     * Parses a list of category slugs given as parameter {@code param}; an unknown slug is an
     * error naming that parameter, as the caller spelled it, and the accepted slugs.
     */
    public static Set<Category> categories(String param, String list) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String slug : list.split(",")) {
            out.add(Category.fromSlug(slug.trim()).orElseThrow(() -> new InvalidInputException(
                    param + " has an unknown category '" + slug.trim() + "': use data.police.uk category slugs such as "
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
