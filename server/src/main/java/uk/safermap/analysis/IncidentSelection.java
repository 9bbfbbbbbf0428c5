package uk.safermap.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.util.Optional;
import java.util.Set;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Reads the incidents an {@link AnalysisFilter} selects: the store narrows by grid box, time
 * and category; the exact area polygon (or lon/lat box) is applied here on the points.
 */
public final class IncidentSelection {

    private final IncidentStore store;
    private final BritishNationalGrid grid;
    private final Set<Category> sensitiveCategories;

    /**
     * @param sensitiveCategories categories that are sensitive even when not flagged at import;
     *                            aggregate-only filters leave them out
     */
    public IncidentSelection(IncidentStore store, BritishNationalGrid grid, Set<Category> sensitiveCategories) {
        this.store = store;
        this.grid = grid;
        this.sensitiveCategories = Set.copyOf(sensitiveCategories);
    }

    public PointSet select(AnalysisFilter filter, boolean withLocations) {
        Optional<Geometry> shape = shape(filter);
        PointSet all = store.points(new PointQuery(shape.map(Geometry::getEnvelopeInternal), filter.from(),
                filter.to(), filter.categories(), withLocations));
        if (filter.aggregateOnly()) {
            all = withoutSensitive(all);
        }
        if (shape.isEmpty()) {
            return all;
        }
        boolean[] keep = within(shape.get(), all);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        return kept == all.size() ? all : all.subset(keep);
    }

    /** Per point, whether the place (in grid metres) covers it. */
    static boolean[] within(Geometry place, PointSet points) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(place);
        boolean[] keep = new boolean[points.size()];
        for (int i = 0; i < points.size(); i++) {
            keep[i] = prepared.covers(GRID.createPoint(new Coordinate(points.easting()[i], points.northing()[i])));
        }
        return keep;
    }

    private PointSet withoutSensitive(PointSet points) {
        boolean[] keep = new boolean[points.size()];
        boolean all = true;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !points.sensitive()[i] && !sensitiveCategories.contains(points.category(i));
            all &= keep[i];
        }
        return all ? points : points.subset(keep);
    }

    /** The area polygon, or the lon/lat box as a grid polygon (or both, intersected), or nothing. */
    Optional<Geometry> shape(AnalysisFilter filter) {
        if (filter.area().isPresent()) {
            Geometry g = filter.area().get().grid();
            return Optional.of(filter.bboxWgs84().map(b -> g.intersection(box(b))).orElse(g));
        }
        return filter.bboxWgs84().map(this::box);
    }

    private Geometry box(Envelope wgs84) {
        return grid.toGrid(GRID.toGeometry(wgs84));
    }
}
