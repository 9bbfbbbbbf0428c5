package uk.safermap.web;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.util.Map;

/**
 * Streams GeoJSON (RFC 7946) with a Jackson generator, so large collections never sit in memory
 * as text. Coordinates are rounded to 6 decimals (about 10 cm, finer than the data's accuracy);
 * polygon rings follow the right-hand rule (exterior counter-clockwise, holes clockwise).
 */
final class GeoJsonWriter {

    private static final double SCALE = 1e6;

    private final JsonGenerator gen;

    GeoJsonWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    /**
     * A whole FeatureCollection, with extra top-level members (summaries, parameters) written
     * before the features through the generator's codec.
     */
    void featureCollection(Iterable<Feature> features, Map<String, Object> members) throws IOException {
        startCollection(members);
        for (Feature f : features) {
            feature(f);
        }
        endCollection();
    }

    /** A FeatureCollection of features with record properties, written through the generator's codec. */
    void typedCollection(Iterable<? extends GeoFeature<?>> features, Map<String, Object> members) throws IOException {
        startCollection(members);
        for (GeoFeature<?> f : features) {
            feature(f.id(), f.geometry(), f.properties(), Map.of());
        }
        endCollection();
    }

    private void startCollection(Map<String, Object> members) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        members(members);
        gen.writeArrayFieldStart("features");
    }

    private void endCollection() throws IOException {
        gen.writeEndArray();
        gen.writeEndObject();
    }

    void feature(Feature f) throws IOException {
        feature(f, Map.of());
    }

    /** One Feature with extra top-level members (links) after its properties. */
    void feature(Feature f, Map<String, Object> members) throws IOException {
        feature(f.id(), f.geometry(), f.properties(), members);
    }

    /**
     * Map properties are written entry by entry so that null values stay (the mapper leaves nulls
     * out of maps); record properties say so themselves with {@code @JsonInclude(ALWAYS)}.
     */
    private void feature(Object id, Geometry geometry, Object properties, Map<String, Object> members)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeFieldName("id");
        gen.writeObject(id);
        gen.writeFieldName("geometry");
        geometry(geometry);
        gen.writeFieldName("properties");
        if (properties instanceof Map<?, ?> map) {
            gen.writeStartObject();
            members(map);
            gen.writeEndObject();
        } else {
            gen.writeObject(properties);
        }
        members(members);
        gen.writeEndObject();
    }

    private void members(Map<?, ?> members) throws IOException {
        for (Map.Entry<?, ?> m : members.entrySet()) {
            gen.writeFieldName((String) m.getKey());
            gen.writeObject(m.getValue());
        }
    }

    void geometry(Geometry g) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometry(gc.getGeometryN(i));
            }
        } else {
            gen.writeFieldName("coordinates");
            coordinates(g);
        }
        gen.writeEndObject();
    }

    private void coordinates(Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(p.getCoordinateSequence(), 0);
        } else if (g instanceof LineString l) {
            sequence(l.getCoordinateSequence(), false, false);
        } else if (g instanceof Polygon p) {
            polygon(p);
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(g.getGeometryN(i));
            }
            gen.writeEndArray();
        }
    }

    private void polygon(Polygon p) throws IOException {
        gen.writeStartArray();
        sequence(p.getExteriorRing().getCoordinateSequence(), true, true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sequence(p.getInteriorRingN(i).getCoordinateSequence(), true, false);
        }
        gen.writeEndArray();
    }

    private void sequence(CoordinateSequence seq, boolean ring, boolean counterClockwise) throws IOException {
        boolean reverse = ring && seq.size() >= 4 && Orientation.isCCW(seq) != counterClockwise;
        gen.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(seq, reverse ? seq.size() - 1 - i : i);
        }
        gen.writeEndArray();
    }

    private void position(CoordinateSequence seq, int i) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(Math.round(seq.getX(i) * SCALE) / SCALE);
        gen.writeNumber(Math.round(seq.getY(i) * SCALE) / SCALE);
        gen.writeEndArray();
    }
}
