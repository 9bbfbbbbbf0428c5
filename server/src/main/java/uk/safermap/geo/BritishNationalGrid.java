package uk.safermap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms between WGS 84 longitude/latitude (EPSG:4326) and OSGB36 / British National Grid
 * metres (EPSG:27700) with proj4j.
 *
 * <p>The datum shift is the 7-parameter Helmert from the EPSG/PROJ definition of 27700
 * ({@code towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489}), which Ordnance Survey
 * gives as accurate to about 2-3.5 m. That is ample for hot spot grids of 50 m and more; it is
 * not OSTN15 (10 cm), so address-level or viewshed work should not rely on it.
 *
 * <p>Instances are thread-safe: proj4j transforms keep scratch state, so each thread gets its own.
 */
public final class BritishNationalGrid {

    public static final int SRID = 27700;
    public static final int WGS84_SRID = 4326;
    /** The PROJ definition of EPSG:27700 used here, recorded so outputs can say which transform produced them. */
    public static final String PROJ_DEFINITION = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 "
            + "+x_0=400000 +y_0=-100000 +ellps=airy "
            + "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

    private final ThreadLocal<CoordinateTransform> toGrid;
    private final ThreadLocal<CoordinateTransform> toWgs84;

    public BritishNationalGrid() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem bng = crs.createFromParameters("EPSG:27700", PROJ_DEFINITION);
        CoordinateReferenceSystem wgs84 = crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateTransformFactory factory = new CoordinateTransformFactory();
        toGrid = ThreadLocal.withInitial(() -> factory.createTransform(wgs84, bng));
        toWgs84 = ThreadLocal.withInitial(() -> factory.createTransform(bng, wgs84));
    }

    /** Longitude/latitude in degrees to {easting, northing} in metres. */
    public double[] toGrid(double lon, double lat) {
        ProjCoordinate out = toGrid.get().transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    /** Easting/northing in metres to {longitude, latitude} in degrees. */
    public double[] toWgs84(double easting, double northing) {
        ProjCoordinate out = toWgs84.get().transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    /** A copy of a lon/lat geometry in grid metres, SRID set to 27700. */
    public Geometry toGrid(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply(new Transformer(toGrid.get()));
        copy.setSRID(SRID);
        return copy;
    }

    /** A copy of a grid geometry in lon/lat degrees, SRID set to 4326. */
    public Geometry toWgs84(Geometry grid) {
        Geometry copy = grid.copy();
        copy.apply(new Transformer(toWgs84.get()));
        copy.setSRID(WGS84_SRID);
        return copy;
    }

    /**
     * The grid envelope that contains a lon/lat box. Edges are sampled because a lon/lat box is
     * not a rectangle on the grid: its sides curve, so the corners alone can miss a sliver.
     */
    public Envelope toGrid(Envelope wgs84) {
        Envelope out = new Envelope();
        int steps = 8;
        for (int i = 0; i <= steps; i++) {
            double fx = wgs84.getMinX() + wgs84.getWidth() * i / steps;
            double fy = wgs84.getMinY() + wgs84.getHeight() * i / steps;
            expand(out, toGrid(fx, wgs84.getMinY()));
            expand(out, toGrid(fx, wgs84.getMaxY()));
            expand(out, toGrid(wgs84.getMinX(), fy));
            expand(out, toGrid(wgs84.getMaxX(), fy));
        }
        return out;
    }

    private static void expand(Envelope env, double[] xy) {
        env.expandToInclude(xy[0], xy[1]);
    }

    private static final class Transformer implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Transformer(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            transform.transform(in, out);
            seq.setOrdinate(i, Coordinate.X, out.x);
            seq.setOrdinate(i, Coordinate.Y, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
