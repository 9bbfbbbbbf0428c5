package uk.safermap.patrol.routing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Travel without a road network: the straight-line distance times a detour factor, the ratio of
 * network to straight-line distance (1.2-1.4 on real road networks; see the README). The path
 * drawn is the straight line, because the real one is unknown.
 */
public final class StraightLineTravel implements TravelModel {

    private final double[] x;
    private final double[] y;
    private final double detour;

    /**
     * @param x      eastings of the stops, metres
     * @param y      northings of the stops, metres
     * @param detour network / straight-line distance ratio, at least 1
     */
    public StraightLineTravel(double[] x, double[] y, double detour) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length");
        }
        if (!(detour >= 1 && detour <= 5)) {
            throw new IllegalArgumentException("the detour factor must be between 1 and 5, got " + detour);
        }
        this.x = x.clone();
        this.y = y.clone();
        this.detour = detour;
    }

    @Override
    public int size() {
        return x.length;
    }

    @Override
    public double metres(int from, int to) {
        return Math.hypot(x[to] - x[from], y[to] - y[from]) * detour;
    }

    @Override
    public LineString path(int from, int to, GeometryFactory factory) {
        return factory.createLineString(new Coordinate[] {new Coordinate(x[from], y[from]),
            new Coordinate(x[to], y[to])});
    }

    public double detour() {
        return detour;
    }
}
