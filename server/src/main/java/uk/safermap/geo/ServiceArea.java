package uk.safermap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.Collection;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * The area the service covers, in grid metres. Imports reject incidents outside it, so a
 * mistyped coordinate (a swapped easting/northing, a point in another force) never reaches
 * the hot spot statistics. Thread-safe: the prepared geometry is read-only once built.
 */
public final class ServiceArea {

    private final Geometry gridPolygon;
    private final PreparedGeometry prepared;
    private final Envelope gridEnvelope;
    private final String description;

    private ServiceArea(Geometry gridPolygon, String description) {
        this.gridPolygon = gridPolygon;
        this.prepared = PreparedGeometryFactory.prepare(gridPolygon);
        this.gridEnvelope = gridPolygon.getEnvelopeInternal();
        this.description = description;
    }

    /** The union of the given grid polygons (e.g. the wards of a borough) buffered by a margin. */
    public static ServiceArea around(Collection<Geometry> gridPolygons, double marginMetres, String name) {
        if (gridPolygons.isEmpty()) {
            throw new IllegalArgumentException("a service area needs at least one polygon");
        }
        Geometry union = GRID.buildGeometry(gridPolygons).union();
        // A margin of 0 still buffers by 1 m so that generalised ward edges leave no slivers.
        Geometry area = union.buffer(Math.max(marginMetres, 1.0), 4);
        return new ServiceArea(area, name + " plus " + Math.round(marginMetres) + " m");
    }

    /** A lon/lat box, transformed to the grid. */
    public static ServiceArea ofWgs84Box(double[] box, BritishNationalGrid grid) {
        Envelope env = grid.toGrid(new Envelope(box[0], box[2], box[1], box[3]));
        Geometry polygon = GRID.toGeometry(env);
        return new ServiceArea(polygon, "lon/lat box " + box[0] + "," + box[1] + "," + box[2] + "," + box[3]);
    }

    public boolean contains(double easting, double northing) {
        if (!gridEnvelope.contains(easting, northing)) {
            return false;
        }
        return prepared.covers(GRID.createPoint(new Coordinate(easting, northing)));
    }

    public Geometry gridPolygon() {
        return gridPolygon;
    }

    public String description() {
        return description;
    }
}
