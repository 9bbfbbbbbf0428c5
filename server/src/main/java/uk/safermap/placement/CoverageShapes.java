package uk.safermap.placement;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.mclp.Viewshed;

import static uk.safermap.geo.GeometryFactories.GRID;

/** The area a camera covers, drawn in grid metres and returned in lon/lat for maps. */
final class CoverageShapes {

    private static final int ARC_STEPS = 32;

    private final BritishNationalGrid grid;

    CoverageShapes(BritishNationalGrid grid) {
        this.grid = grid;
    }

    /** A disc, or a sector for a directional camera (bearing clockwise from grid north). */
    Geometry shape(double x, double y, double bearing, Viewshed view) {
        Geometry g;
        if (view.isAllRound() || Double.isNaN(bearing)) {
            g = GRID.createPoint(new Coordinate(x, y)).buffer(view.radius(), ARC_STEPS / 4);
        } else {
            Coordinate[] ring = new Coordinate[ARC_STEPS + 3];
            ring[0] = new Coordinate(x, y);
            double from = bearing - view.fieldOfView() / 2;
            for (int i = 0; i <= ARC_STEPS; i++) {
                double a = Math.toRadians(from + view.fieldOfView() * i / ARC_STEPS);
                ring[i + 1] = new Coordinate(x + view.radius() * Math.sin(a), y + view.radius() * Math.cos(a));
            }
            ring[ARC_STEPS + 2] = ring[0];
            g = GRID.createPolygon(ring);
        }
        return grid.toWgs84(g);
    }
}
