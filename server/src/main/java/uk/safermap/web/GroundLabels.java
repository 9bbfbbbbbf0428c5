package uk.safermap.web;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.Gazetteer;

import java.util.Map;

/**
 * Adds where a result lies on the ground to its properties, so every site, cluster and hot area
 * can be found without coordinates: {@code place} (nearest named place), {@code ward},
 * {@code gridRef} (OS grid reference, 100 m) and {@code where} (all three on one line).
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

    /** The properties with the label of a lon/lat geometry appended; returns the same map. */
    Map<String, Object> add(Map<String, Object> properties, Geometry lonLat) {
        Gazetteer.Label l = gazetteer.label(lonLat);
        properties.put("place", l.place());
        properties.put("ward", l.ward());
        properties.put("gridRef", l.gridRef());
        properties.put("where", l.text());
        return properties;
    }
}
