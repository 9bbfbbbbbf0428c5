package uk.safermap.placement;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.mclp.Viewshed;

import java.util.ArrayList;
import java.util.List;

/** Which points a set of cameras sees, each with its own range and direction or the defaults. */
final class CameraCoverage {

    private final BritishNationalGrid grid;

    CameraCoverage(BritishNationalGrid grid) {
        this.grid = grid;
    }

    boolean[] seen(List<Camera> cameras, Viewshed defaults, double[] x, double[] y) {
        boolean[] seen = new boolean[x.length];
        for (Camera c : cameras) {
            double[] en = grid.toGrid(c.lon(), c.lat());
            Viewshed view = view(c, defaults);
            double bearing = c.bearing().orElse(Double.NaN);
            for (int i = 0; i < x.length; i++) {
                seen[i] |= view.sees(en[0], en[1], bearing, x[i], y[i]);
            }
        }
        return seen;
    }

    List<Geometry> shapes(List<Camera> cameras, Viewshed defaults, CoverageShapes shapes) {
        List<Geometry> out = new ArrayList<>();
        for (Camera c : cameras) {
            double[] en = grid.toGrid(c.lon(), c.lat());
            out.add(shapes.shape(en[0], en[1], c.bearing().orElse(Double.NaN), view(c, defaults)));
        }
        return out;
    }

    /** A camera's own range and field of view where given; a bearing alone keeps the default field of view. */
    private static Viewshed view(Camera c, Viewshed defaults) {
        double fov = c.fieldOfView().orElse(c.bearing().isPresent() ? defaults.fieldOfView() : 360);
        return new Viewshed(c.radius().orElse(defaults.radius()), fov);
    }
}
