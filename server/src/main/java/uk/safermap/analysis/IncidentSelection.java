package uk.safermap.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.time.Duration;
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
    /** The distinct positions per filter: one int per incident each (12 MB at 3M), so few are kept. */
    private final ResultCache positions;

    /**
     * @param sensitiveCategories categories that are sensitive even when not flagged at import;
     *                            aggregate-only filters leave them out
     */
    public IncidentSelection(IncidentStore store, BritishNationalGrid grid, Set<Category> sensitiveCategories) {
        this.store = store;
        this.grid = grid;
        this.sensitiveCategories = Set.copyOf(sensitiveCategories);
        this.positions = new ResultCache(store, 4, Duration.ofMinutes(30));
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

    /**
     * The distinct positions of {@code points}, which {@link #select} gave for {@code filter}:
     * found once per filter and data version, so the maps asked of the same incidents with other
     * parameters (a cluster radius, a cell size) work over a few thousand positions instead of
     * every incident (bucketing 3M points was a quarter of a cluster map and most of a Gi* map).
     */
    public DistinctPoints positions(AnalysisFilter filter, PointSet points) {
        DistinctPoints at = positions.get("positions|" + filter.key(),
                () -> DistinctPoints.of(points.easting(), points.northing()));
        // A filter selects the same points in the same order at one data version, which the
        // cache keys on; an import landing between a selection and this lookup can only have
        // added points (imports append, nothing deletes), so a count that differs is the one
        // sign of positions found for other points.
        return at.pointCount() == points.size() ? at : DistinctPoints.of(points.easting(), points.northing());
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
