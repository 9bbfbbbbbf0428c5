package uk.safermap.analysis;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;
import uk.safermap.areas.AreaResolver;
import uk.safermap.geo.BritishNationalGrid;

/**
 * The grid a cell statistic runs on: square cells aligned to multiples of the cell size in BNG
 * (like OS grid squares) over the study area, and the mask of cells whose centre lies in it.
 * The study area is the filter's area when it names one, else the settled area (see
 * {@link AreaResolver}); it decides which empty cells take part, and so the mean that
 * z-scores are measured against.
 */
record StudyGrid(AreaResolver.Resolved area, SquareGrid grid, StudyMask mask) {

    static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);
    private static final GeometryFactory GRID_WGS84 = new GeometryFactory(new PrecisionModel(),
            BritishNationalGrid.WGS84_SRID);
    /** Output is one polygon per study cell: beyond this, ask for bigger cells or a smaller area. */
    static final int MAX_STUDY_CELLS = 250_000;

    /**
     * The study area is the filter's area (else the settled area), cut to the filter's lon/lat
     * box when it has one: incidents outside the box are not read, so their cells must not take
     * part as empty ones.
     */
    static StudyGrid of(AnalysisFilter filter, AreaResolver areas, double cellMetres, BritishNationalGrid bng) {
        AreaResolver.Resolved area = filter.area().orElseGet(areas::settledArea);
        Geometry shape = area.grid();
        if (filter.bboxWgs84().isPresent()) {
            shape = shape.intersection(bng.toGrid(GRID_WGS84.toGeometry(filter.bboxWgs84().get())));
            if (shape.isEmpty()) {
                throw new IllegalArgumentException("the bbox does not overlap the study area (" + area.name() + ")");
            }
        }
        SquareGrid grid = SquareGrid.covering(shape.getEnvelopeInternal(), cellMetres);
        StudyMask mask = StudyMask.of(grid, shape);
        if (mask.size() > MAX_STUDY_CELLS) {
            throw new IllegalArgumentException("cell " + cellMetres + " m gives " + mask.size() + " cells over "
                    + area.name() + "; the limit is " + MAX_STUDY_CELLS + ": use larger cells or a smaller area");
        }
        return new StudyGrid(area, grid, mask);
    }
}
