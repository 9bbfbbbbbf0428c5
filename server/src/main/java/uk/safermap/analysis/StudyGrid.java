package uk.safermap.analysis;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.store.PointSet;

import java.util.Arrays;

/**
 * The grid a cell statistic runs on: square cells aligned to multiples of the cell size in BNG
 * (like OS grid squares), the study mask the statistic is computed over, and the cells shown.
 *
 * <p>The study mask is the settled area (see {@link AreaResolver}) <em>plus every cell within the
 * halo of a cell holding an incident</em>. The settled area keeps the empty fields between villages
 * out of the Gi* mean; the halo makes sure no incident is silently left out (a village or a
 * town-edge estate outside the small output areas still gets its cells, with their empty
 * surroundings as context). The statistic always runs over the whole borough's incidents of the
 * filter's time and categories; the filter's area and lon/lat box only choose which cells are
 * shown, so a small neighbourhood is judged against the borough, not against itself.
 *
 * @param context     the incidents of the filter's time and categories over the whole borough: what is binned
 * @param positions   the context incidents' distinct positions, which are placed in cells instead of every incident
 * @param cellOfPosition the cell of each position (all of them are in the grid)
 * @param mask        the cells the statistic is computed over
 * @param shown       per cell, whether it is reported
 * @param analysed    number of selected incidents (those in the filter's area) that lie in a study cell
 * @param selected    number of incidents the filter selects, area included
 */
record StudyGrid(String name, PointSet context, DistinctPoints positions, int[] cellOfPosition, SquareGrid grid, StudyMask mask, boolean[] shown,
                 int analysed, int selected) {
    /** Output is one polygon per study cell: beyond this, ask for bigger cells. */
    static final int MAX_STUDY_CELLS = 250_000;

    /**
     * Reads the context incidents and builds the study grid.
     *
     * @param haloMetres cells within this distance of an incident's cell join the study area
     */
    static StudyGrid of(AnalysisFilter filter, IncidentSelection selection, AreaResolver areas, double cellMetres,
                        double haloMetres) {
        PointSet context = selection.select(filter.withoutPlace(), false);
        // Binned by distinct position: every incident at a position is in its cell.
        DistinctPoints at = selection.positions(filter.withoutPlace(), context);
        double[] px = at.x();
        double[] py = at.y();
        Geometry place = selection.shape(filter).orElse(null);
        boolean[] inPlace = place == null ? null : IncidentSelection.within(place, context);
        AreaResolver.Resolved settled = areas.settledArea();
        Envelope env = new Envelope(settled.grid().getEnvelopeInternal());
        for (int p = 0; p < px.length; p++) {
            env.expandToInclude(px[p], py[p]);
        }
        env.expandBy(haloMetres);
        SquareGrid grid = SquareGrid.covering(env, cellMetres);
        boolean[] inside = StudyMask.of(grid, settled.grid()).inside().clone();
        double[] occupied = new double[grid.cellCount()];
        int[] cellOfPosition = new int[px.length];
        for (int p = 0; p < px.length; p++) {
            cellOfPosition[p] = grid.cellOf(px[p], py[p]);
            occupied[cellOfPosition[p]] = 1;
        }
        boolean[] everywhere = new boolean[grid.cellCount()];
        Arrays.fill(everywhere, true);
        double[] near = BandStencil.of(grid, haloMetres).windowSums(occupied, everywhere, new double[grid.cellCount()]);
        for (int i = 0; i < near.length; i++) {
            inside[i] |= near[i] > 0;
        }
        StudyMask mask = StudyMask.of(grid, inside);
        if (mask.size() > MAX_STUDY_CELLS) {
            throw new InvalidInputException("cell " + cellMetres + " m gives " + mask.size()
                    + " study cells; the limit is " + MAX_STUDY_CELLS + ": use larger cells");
        }
        boolean[] shown;
        int selected = 0;
        int analysed = 0;
        if (place == null) {
            shown = mask.inside();
            selected = context.size();
            int[] pointsAt = at.counts();
            for (int p = 0; p < pointsAt.length; p++) {
                analysed += mask.contains(cellOfPosition[p]) ? pointsAt[p] : 0;
            }
        } else {
            shown = StudyMask.of(grid, place).inside().clone();
            for (int i = 0; i < context.size(); i++) {
                if (inPlace[i]) {
                    int cell = cellOfPosition[at.pointOf(i)];
                    selected++;
                    analysed += mask.contains(cell) ? 1 : 0;
                    // A cell holding an incident of the area is shown even if its centre is just outside.
                    shown[cell] = true;
                }
            }
            boolean any = false;
            for (int i = 0; i < shown.length; i++) {
                shown[i] &= mask.contains(i);
                any |= shown[i];
            }
            if (!any) {
                throw new InvalidInputException("the area asked for does not overlap the study area");
            }
        }
        String name = settled.name() + " and cells within " + fmt(haloMetres) + " m of an incident"
                + filter.area().map(a -> "; showing " + a.name()).orElse("")
                + (filter.bboxWgs84().isPresent() ? "; showing the bbox" : "");
        return new StudyGrid(name, context, at, cellOfPosition, grid, mask, shown, analysed, selected);
    }

    /** The context incidents per cell. */
    CellCounts counts() {
        return CellCounts.ofCells(grid, cellOfPosition, positions.counts());
    }

    private static String fmt(double metres) {
        return metres == Math.rint(metres) ? Long.toString((long) metres) : Double.toString(metres);
    }
}
