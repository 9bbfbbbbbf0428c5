package uk.safermap.web;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature whose properties are a record written through the app's ObjectMapper, so a
 * response's property names are its record components. {@link uk.safermap.layers.Feature} keeps
 * map properties for the OGC layers, whose schemas come from the data.
 */
record GeoFeature<P>(Object id, Geometry geometry, P properties) {

    GeoFeature {
        if (!(id instanceof Number || id instanceof String)) {
            throw new IllegalArgumentException("a feature id is a number or a string, got " + id);
        }
    }
}
