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
    /** Output is one polygon per study cell: beyond this, ask for bigger cells or a smaller area. */
    static final int MAX_STUDY_CELLS = 250_000;

    static StudyGrid of(AnalysisFilter filter, AreaResolver areas, double cellMetres) {
        AreaResolver.Resolved area = filter.area().orElseGet(areas::settledArea);
        Geometry shape = area.grid();
        SquareGrid grid = SquareGrid.covering(shape.getEnvelopeInternal(), cellMetres);
        StudyMask mask = StudyMask.of(grid, shape);
        if (mask.size() > MAX_STUDY_CELLS) {
            throw new IllegalArgumentException("cell " + cellMetres + " m gives " + mask.size() + " cells over "
                    + area.name() + "; the limit is " + MAX_STUDY_CELLS + ": use larger cells or a smaller area");
        }
        return new StudyGrid(area, grid, mask);
    }
}
