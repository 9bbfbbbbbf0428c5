package uk.safermap.web;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.Gazetteer;

import java.util.Map;

/**
 * Adds where a result lies on the ground to its properties, so every site, cluster and hot area
 * can be found without coordinates: {@code street} (nearest police.uk snap-point street, or null),
 * {@code place} (nearest named place), {@code ward}, {@code gridRef} (OS grid reference, 100 m)
 * and {@code label} (all on one line). Every output that names a place uses these five names.
 */
final class GroundLabels {

    private final Gazetteer gazetteer;

    GroundLabels(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Gazetteer.Label label(Geometry lonLat) {
        return gazetteer.label(lonLat);
    }

    Gazetteer.Label label(double lon, double lat) {
        return gazetteer.label(lon, lat);
    }

    /** The label of a lon/lat geometry, for typed properties. */
    GroundLabel of(Geometry lonLat) {
        return GroundLabel.of(gazetteer.label(lonLat));
    }

    /** As {@link #of(Geometry)}, given the shape in grid metres too (a cluster holds both). */
    GroundLabel of(Geometry lonLat, Geometry grid) {
        return GroundLabel.of(gazetteer.label(lonLat, grid));
    }

    /** The properties with the label of a lon/lat geometry appended; returns the same map. */
    Map<String, Object> add(Map<String, Object> properties, Geometry lonLat) {
        return add(properties, gazetteer.label(lonLat));
    }

    /** The properties with the label appended; returns the same map. */
    static Map<String, Object> add(Map<String, Object> properties, Gazetteer.Label l) {
        properties.put("label", l.text());
        properties.put("street", l.street());
        properties.put("place", l.place());
        properties.put("ward", l.ward());
        properties.put("gridRef", l.gridRef());
        return properties;
    }
}
