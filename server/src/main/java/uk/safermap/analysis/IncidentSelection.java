package uk.safermap.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.util.Optional;

/**
 * Reads the incidents an {@link AnalysisFilter} selects: the store narrows by grid box, time
 * and category; the exact area polygon (or lon/lat box) is applied here on the points.
 */
public final class IncidentSelection {

    private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);

    private final IncidentStore store;
    private final BritishNationalGrid grid;

    public IncidentSelection(IncidentStore store, BritishNationalGrid grid) {
        this.store = store;
        this.grid = grid;
    }

    public PointSet select(AnalysisFilter filter, boolean withLocations) {
        Optional<Geometry> shape = shape(filter);
        PointSet all = store.points(new PointQuery(shape.map(Geometry::getEnvelopeInternal), filter.from(),
                filter.to(), filter.categories(), withLocations));
        if (shape.isEmpty()) {
            return all;
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape.get());
        boolean[] keep = new boolean[all.size()];
        int kept = 0;
        for (int i = 0; i < all.size(); i++) {
            keep[i] = prepared.covers(GRID.createPoint(new Coordinate(all.easting()[i], all.northing()[i])));
            kept += keep[i] ? 1 : 0;
        }
        return kept == all.size() ? all : subset(all, keep, kept);
    }

    /** The area polygon, or the lon/lat box as a grid polygon, or nothing. */
    private Optional<Geometry> shape(AnalysisFilter filter) {
        if (filter.area().isPresent()) {
            Geometry g = filter.area().get().grid();
            return Optional.of(filter.bboxWgs84().map(b -> g.intersection(box(b))).orElse(g));
        }
        return filter.bboxWgs84().map(this::box);
    }

    private Geometry box(Envelope wgs84) {
        return grid.toGrid(GRID.toGeometry(wgs84));
    }

    private static PointSet subset(PointSet s, boolean[] keep, int n) {
        int[] idx = new int[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                idx[j++] = i;
            }
        }
        long[] ids = new long[n];
        double[] e = new double[n];
        double[] no = new double[n];
        int[] month = new int[n];
        int[] day = new int[n];
        int[] minute = new int[n];
        byte[] cat = new byte[n];
        boolean[] sens = new boolean[n];
        String[] loc = s.location() == null ? null : new String[n];
        for (int j = 0; j < n; j++) {
            int i = idx[j];
            ids[j] = s.ids()[i];
            e[j] = s.easting()[i];
            no[j] = s.northing()[i];
            month[j] = s.monthIndex()[i];
            day[j] = s.epochDay()[i];
            minute[j] = s.minuteOfDay()[i];
            cat[j] = s.category()[i];
            sens[j] = s.sensitive()[i];
            if (loc != null) {
                loc[j] = s.location()[i];
            }
        }
        return new PointSet(ids, e, no, month, day, minute, cat, sens, loc);
    }

}
