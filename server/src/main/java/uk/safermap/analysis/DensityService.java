package uk.safermap.analysis;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.density.DensityContour;
import uk.safermap.analysis.density.DensityContours;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;
import uk.safermap.analysis.density.KernelDensityParameters;
import uk.safermap.analysis.density.SupportMask;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.PointSet;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Quartic kernel density of the filtered incidents, in incidents per km², over the filter's area
 * (or the incidents' extent) padded by the bandwidth; one surface per filter and parameters,
 * cached, so every map tile and the legend of a request share it.
 */
public final class DensityService {

    /** A contour in lon/lat with its level (per km²), the percentile it stands for, and what it holds. */
    public record Contour(double level, double percentile, double areaKm2, double incidents, Geometry outline) {
    }

    /** Aggregate-only surfaces show only places with at least this many incidents nearby. */
    public static final int AGGREGATE_MIN_SUPPORT = 5;

    private final IncidentSelection selection;
    private final ResultCache cache;
    private final BritishNationalGrid grid;

    public DensityService(IncidentSelection selection, ResultCache cache, BritishNationalGrid grid) {
        this.selection = selection;
        this.cache = cache;
        this.grid = grid;
    }

    public DensityGrid surface(AnalysisFilter filter, OptionalDouble bandwidth, OptionalDouble cell) {
        // Checks the parameters before anything is read or cached.
        KernelDensityParameters params = new KernelDensityParameters(bandwidth, cell, null,
                KernelDensity.Method.AUTO, KernelDensityParameters.DEFAULT_MAX_CELLS);
        return cache.get("density|" + bandwidth + "|" + cell + "|" + filter.key(), () -> compute(filter, params));
    }

    private DensityGrid compute(AnalysisFilter filter, KernelDensityParameters params) {
        PointSet points = selection.select(filter, false);
        if (points.size() == 0) {
            throw new IllegalArgumentException("no incidents match the filter, so there is no density surface");
        }
        KernelDensityParameters p = filter.area()
                .map(a -> params.withExtent(extent(a.grid().getEnvelopeInternal())))
                .orElse(params);
        DensityGrid surface = KernelDensity.estimate(points.easting(), points.northing(), p);
        return filter.aggregateOnly()
                ? SupportMask.blankSparse(surface, points.easting(), points.northing(), AGGREGATE_MIN_SUPPORT)
                : surface;
    }

    /** A degenerate (zero-width) area envelope gets a small box so the estimator has an extent. */
    private static Envelope extent(Envelope e) {
        Envelope out = new Envelope(e);
        if (out.getWidth() == 0 || out.getHeight() == 0) {
            out.expandBy(50);
        }
        return out;
    }

    /** Contours at percentiles of the positive cells (e.g. 50, 75, 90, 95, 99). */
    public List<Contour> contours(AnalysisFilter filter, OptionalDouble bandwidth, OptionalDouble cell,
                                  double[] percentiles) {
        DensityGrid surface = surface(filter, bandwidth, cell);
        List<DensityContour> contours = new DensityContours().atPercentiles(surface, percentiles);
        return contours.stream().map(c -> new Contour(c.level(), c.percentile(), c.areaSquareMetres() / 1e6,
                c.incidents(), grid.toWgs84(c.geometry()))).toList();
    }
}
