package uk.safermap.layers;

import org.locationtech.jts.geom.Coordinate;
import uk.safermap.domain.Collision;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.Severity;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.Page;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * The {@code collisions} collection: one point per STATS19 road collision, filterable by
 * {@code severity}. Point level: councillors and the public get ward figures instead, so a
 * fatal collision is never a point to them.
 */
public final class CollisionLayer implements FeatureSource {

    public static final String ID = "collisions";
    static final String SEVERITY = "severity";

    private final CollisionStore store;

    public CollisionLayer(CollisionStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CollectionInfo info() {
        return CollectionInfo.of(ID, "Road collisions",
                "Police-recorded injury road collisions (DfT STATS19) with severity, time, road, speed limit, "
                        + "light and weather. Contains public sector information licensed under the Open Government "
                        + "Licence v3.0.", store.extent());
    }

    @Override
    public Map<String, String> extraParameters() {
        return Map.of(SEVERITY, "comma-separated severities: fatal, serious, slight, or ksi (fatal and serious)");
    }

    @Override
    public List<Queryable> queryables() {
        return List.of(new Queryable(SEVERITY, "Severity (the filter also takes ksi: fatal and serious)",
                Arrays.stream(Severity.values()).map(Severity::key).toList()));
    }

    @Override
    public String geometryFormat() {
        return "geometry-point";
    }

    @Override
    public Page<Feature> items(ItemsQuery q) {
        CollisionQuery query = new CollisionQuery(q.bbox(),
                q.fromDate(), q.toDate(), severities(q.extra().get(SEVERITY)), q.limit(), q.offset());
        Page<Collision> page = store.find(query);
        return new Page<>(page.items().stream().map(CollisionLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return FeatureIds.numeric(featureId).flatMap(store::findById).map(CollisionLayer::feature);
    }

    /** Parses a severity list ({@code ksi} = fatal and serious); unknown words are an error naming the accepted ones. */
    public static Set<Severity> severities(String list) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String word : list.split(",")) {
            String w = word.trim();
            if (w.equals("ksi")) {
                out.add(Severity.FATAL);
                out.add(Severity.SERIOUS);
            } else {
                out.add(Severity.fromKey(w).orElseThrow(() -> new InvalidInputException(
                        "unknown severity '" + w + "': use fatal, serious, slight or ksi")));
            }
        }
        return out;
    }

    private static Feature feature(Collision c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("collision_index", c.collisionIndex());
        p.put("date", c.date().toString());
        p.put("time", c.time() == null ? null : c.time().toString());
        p.put("severity", c.severity().key());
        p.put("ksi", c.severity().ksi());
        p.put("enhanced_severity", c.enhancedSeverity());
        p.put("road", c.roadName());
        p.put("first_road_class", c.firstRoadClass());
        p.put("first_road_number", c.firstRoadNumber());
        p.put("speed_limit", c.speedLimit());
        p.put("light_conditions", c.lightConditions());
        p.put("weather_conditions", c.weatherConditions());
        p.put("vehicles", c.vehicles());
        p.put("casualties", c.casualties());
        p.put("lsoa_code", c.lsoaCode());
        p.put("easting", Math.round(c.easting()));
        p.put("northing", Math.round(c.northing()));
        return new Feature(c.id(), WGS84.createPoint(new Coordinate(c.lon(), c.lat())), p);
    }

    @Override
    public boolean pointLevel() {
        return true;
    }
}
