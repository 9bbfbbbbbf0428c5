package uk.safermap.patrol.routing;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Travel between the stops of one problem, indexed 0..size-1: the distance in metres of each
 * ordered pair and the line travelled. Implementations compute all pairs up front, so lookups are
 * O(1) and instances are immutable and thread-safe.
 */
public interface TravelModel {

    int size();

    /** Metres travelled from one stop to another (0 from a stop to itself). */
    double metres(int from, int to);

    /** The line travelled, in grid metres. */
    LineString path(int from, int to, GeometryFactory factory);
}
