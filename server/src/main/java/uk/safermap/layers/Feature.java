package uk.safermap.layers;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * One feature of a collection: an id (a {@link Number} or a String, written as such), a lon/lat
 * geometry and flat properties. Properties are a map because each collection has its own schema;
 * values are strings, numbers, booleans or null.
 */
public record Feature(Object id, Geometry geometry, Map<String, Object> properties) {

    public Feature {
        if (!(id instanceof Number || id instanceof String)) {
            throw new IllegalArgumentException("a feature id is a number or a string, got " + id);
        }
    }
}
