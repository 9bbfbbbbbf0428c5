package uk.safermap.layers;

import org.locationtech.jts.geom.Coordinate;
import uk.safermap.domain.SpeedConcern;
import uk.safermap.store.Page;
import uk.safermap.store.SpeedConcernQuery;
import uk.safermap.store.SpeedConcernStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * The {@code speed-concerns} collection, shown beside road collisions: speeding complaints and
 * Community Speedwatch sessions with their measured speeds. Point level: complaints are residents'
 * reports about their street.
 */
public final class SpeedConcernLayer implements FeatureSource {

    public static final String ID = "speed-concerns";

    private final SpeedConcernStore store;

    public SpeedConcernLayer(SpeedConcernStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CollectionInfo info() {
        return CollectionInfo.of(ID, "Speed concerns", "Speeding complaints and Community Speedwatch sessions, "
                + "with measured speeds (mph) where a session measured them", store.extent());
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
        return "geometry-point";
    }

    @Override
    public Page<Feature> items(ItemsQuery q) {
        Page<SpeedConcern> page = store.find(new SpeedConcernQuery(q.bbox(),
                q.fromDate(), q.toDate(), q.limit(), q.offset()));
        return new Page<>(page.items().stream().map(SpeedConcernLayer::feature).toList(), page.numberMatched());
    }

    @Override
    public Optional<Feature> item(String featureId) {
        return FeatureIds.numeric(featureId).flatMap(store::findById).map(SpeedConcernLayer::feature);
    }

    private static Feature feature(SpeedConcern c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", c.source());
        p.put("reference", c.reference());
        p.put("date", c.date().toString());
        p.put("time", c.time() == null ? null : c.time().toString());
        p.put("location", c.location());
        p.put("speed_limit", c.speedLimit());
        p.put("vehicles_checked", c.vehiclesChecked());
        p.put("vehicles_over", c.vehiclesOver());
        p.put("max_speed", c.maxSpeed());
        p.put("mean_speed", c.meanSpeed());
        p.put("easting", Math.round(c.easting()));
        p.put("northing", Math.round(c.northing()));
        return new Feature(c.id(), WGS84.createPoint(new Coordinate(c.lon(), c.lat())), p);
    }

    @Override
    public boolean pointLevel() {
        return true;
    }
}
