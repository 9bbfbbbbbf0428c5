package uk.safermap.analysis;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.InvalidInputException;
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
 * @param cellOfContext the cell of each context incident (all of them are in the grid), so they are placed once
 * @param mask        the cells the statistic is computed over
 * @param shown       per cell, whether it is reported
 * @param analysed    number of selected incidents (those in the filter's area) that lie in a study cell
 * @param selected    number of incidents the filter selects, area included
 */
record StudyGrid(String name, PointSet context, int[] cellOfContext, SquareGrid grid, StudyMask mask, boolean[] shown,
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
        Geometry place = selection.shape(filter).orElse(null);
        boolean[] inPlace = place == null ? null : IncidentSelection.within(place, context);
        AreaResolver.Resolved settled = areas.settledArea();
        Envelope env = new Envelope(settled.grid().getEnvelopeInternal());
        for (int i = 0; i < context.size(); i++) {
            env.expandToInclude(context.easting()[i], context.northing()[i]);
        }
        env.expandBy(haloMetres);
        SquareGrid grid = SquareGrid.covering(env, cellMetres);
        boolean[] inside = StudyMask.of(grid, settled.grid()).inside().clone();
        double[] occupied = new double[grid.cellCount()];
        int[] cellOf = new int[context.size()];
        for (int i = 0; i < context.size(); i++) {
            cellOf[i] = grid.cellOf(context.easting()[i], context.northing()[i]);
            occupied[cellOf[i]] = 1;
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
            for (int c : cellOf) {
                analysed += mask.contains(c) ? 1 : 0;
            }
        } else {
            shown = StudyMask.of(grid, place).inside().clone();
            for (int i = 0; i < context.size(); i++) {
                if (inPlace[i]) {
                    selected++;
                    analysed += mask.contains(cellOf[i]) ? 1 : 0;
                    // A cell holding an incident of the area is shown even if its centre is just outside.
                    shown[cellOf[i]] = true;
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
        return new StudyGrid(name, context, cellOf, grid, mask, shown, analysed, selected);
    }

    private static String fmt(double metres) {
        return metres == Math.rint(metres) ? Long.toString((long) metres) : Double.toString(metres);
    }
}
