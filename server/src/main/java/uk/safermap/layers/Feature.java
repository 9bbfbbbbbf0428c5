package uk.safermap.layers;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * One feature of a collection: an id, a lon/lat geometry and flat properties. Properties are a
 * map because each collection has its own schema; values are strings, numbers, booleans or null.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {
}
