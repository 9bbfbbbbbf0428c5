package uk.safermap.layers;

import org.locationtech.jts.geom.Coordinate;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;
import uk.safermap.store.Page;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * The {@code council-cases} collection: one point per council case (fly-tipping, dog fouling,
 * ...), filterable by {@code case_type}, with its type's colour. Point level, like incidents.
 */
public final class CouncilCaseLayer implements FeatureSource {

    public static final String ID = "council-cases";
    static final String CASE_TYPE = "case_type";

    private final CouncilCaseStore store;
    private final CouncilTaxonomy taxonomy;

    public CouncilCaseLayer(CouncilCaseStore store, CouncilTaxonomy taxonomy) {
        this.store = store;
        this.taxonomy = taxonomy;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CollectionInfo info() {
        return CollectionInfo.of(ID, "Council cases", "Council case types beside the police categories ("
                + taxonomy.types().stream().map(CaseType::label).collect(Collectors.joining(", ")) + ")",
                store.extent());
    }

    @Override
    public Map<String, String> extraParameters() {
        return Map.of(CASE_TYPE, "comma-separated case type slugs, e.g. fly-tipping,dog-fouling (see /api/council/types)");
    }

    @Override
    public List<Queryable> queryables() {
        return List.of(new Queryable(CASE_TYPE, "Council case type",
                taxonomy.types().stream().map(CaseType::slug).toList()));
    }

    @Override
    public String geometryFormat() {
        return "geometry-point";
    }

    @Override
    public Page<Feature> items(ItemsQuery q) {
        Set<String> slugs = types(taxonomy, q.extra().get(CASE_TYPE)).stream().map(CaseType::slug)
                .collect(Collectors.toSet());
        Page<CouncilCase> page = store.find(new CouncilCaseQuery(q.bbox(),
                q.fromDate(), q.toDate(), slugs, q.limit(), q.offset()));
        return new Page<>(page.items().stream().map(CouncilCaseLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return FeatureIds.numeric(featureId).flatMap(store::findById).map(CouncilCaseLayer::feature);
    }

    /** Parses a list of case type slugs; an unknown one is an error naming the known ones. */
    public static Set<CaseType> types(CouncilTaxonomy taxonomy, String list) {
        Set<CaseType> out = new HashSet<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String slug : list.split(",")) {
            out.add(taxonomy.bySlug(slug.trim()).orElseThrow(() -> new InvalidInputException(
                    "unknown case type '" + slug.trim() + "': use one of " + taxonomy.types().stream()
                            .map(CaseType::slug).collect(Collectors.joining(", ")))));
        }
        return out;
    }

    private static Feature feature(CouncilCase c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("case_type", c.type().slug());
        p.put("case_type_label", c.type().label());
        p.put("colour", c.type().colour());
        p.put("label", c.label());
        p.put("reference", c.reference());
        p.put("date", c.date().toString());
        p.put("time", c.time() == null ? null : c.time().toString());
        p.put("location", c.location());
        p.put("easting", Math.round(c.easting()));
        p.put("northing", Math.round(c.northing()));
        return new Feature(c.id(), WGS84.createPoint(new Coordinate(c.lon(), c.lat())), p);
    }

    @Override
    public boolean pointLevel() {
        return true;
    }
}
