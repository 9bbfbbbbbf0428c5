package uk.safermap.analysis;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.density.DensityContour;
import uk.safermap.analysis.density.DensityContours;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;
import uk.safermap.analysis.density.KernelDensityParameters;
import uk.safermap.analysis.density.SupportMask;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.PointSet;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Quartic kernel density of the filtered incidents, in incidents per km², over the filter's area
 * (or the incidents' extent) padded by the bandwidth; one surface per filter and parameters,
 * cached, so every map tile and the legend of a request share it.
 *
 * <p>For an aggregate-only filter the {@link DisclosurePolicy} decides everything: the filter must
 * name no place and whole months, the surface covers the service area with the policy's bandwidth
 * and cell (or coarser), and it is estimated from the policy's rounded counting squares, not from
 * the incidents, then blanked where fewer than the threshold lie within the bandwidth. It is
 * therefore a function of rounded cells only: one or two incidents more or less in a square (or in
 * a box, or in the store) change nothing, and no match at all is an all-blank surface, not an error.
 */
public final class DensityService {

    /** A contour in lon/lat with its level (per km²), the percentile it stands for, and what it holds. */
    public record Contour(double level, double percentile, double areaKm2, double incidents, Geometry outline) {
    }

    private final IncidentSelection selection;
    private final ResultCache cache;
    private final BritishNationalGrid grid;
    private final DisclosurePolicy policy;
    private final Envelope serviceArea;

    /**
     * @param serviceArea the extent of every aggregate-only surface, grid metres
     */
    public DensityService(IncidentSelection selection, ResultCache cache, BritishNationalGrid grid,
                          DisclosurePolicy policy, Envelope serviceArea) {
        this.selection = selection;
        this.cache = cache;
        this.grid = grid;
        this.policy = policy;
        this.serviceArea = new Envelope(serviceArea);
    }

    public DensityGrid surface(AnalysisFilter filter, SurfaceParameters parameters) {
        OptionalDouble bandwidth = parameters.bandwidthMetres();
        OptionalDouble cell = parameters.cellMetres();
        if (filter.aggregateOnly()) {
            return aggregateSurface(filter, bandwidth, cell);
        }
        // Checks the parameters before anything is read or cached.
        KernelDensityParameters params = parameters(bandwidth, cell, null);
        return cache.get("density|" + parameters.key() + "|" + filter.key(), () -> compute(filter, params));
    }

    private DensityGrid compute(AnalysisFilter filter, KernelDensityParameters params) {
        PointSet points = selection.select(filter, false);
        if (points.size() == 0) {
            throw new InvalidInputException("no incidents match the filter, so there is no density surface");
        }
        KernelDensityParameters p = filter.area()
                .map(a -> params.withExtent(extent(a.grid().getEnvelopeInternal())))
                .orElse(params);
        return KernelDensity.estimate(points.easting(), points.northing(), p);
    }

    private DensityGrid aggregateSurface(AnalysisFilter filter, OptionalDouble bandwidth, OptionalDouble cell) {
        policy.checkSurfaceFilter(filter.area().isPresent() || filter.bboxWgs84().isPresent(), filter.from(),
                filter.to());
        KernelDensityParameters params = parameters(OptionalDouble.of(policy.bandwidth(bandwidth)),
                OptionalDouble.of(policy.cell(cell)), serviceArea);
        return cache.get("density|" + params.bandwidthMetres() + "|" + params.cellMetres() + "|" + filter.key(), () -> {
            PointSet points = selection.select(filter, false);
            DisclosurePolicy.RoundedSquares squares = policy.roundedSquares(points.easting(), points.northing(),
                    points.monthIndex(), points.category());
            DensityGrid surface = KernelDensity.estimate(squares.x(), squares.y(), squares.weight(), params);
            return SupportMask.blankSparse(surface, squares.x(), squares.y(), squares.weight(), policy.threshold())
                    .withNote(policy.surfaceRule());
        });
    }

    /** The estimator's parameters from the caller's bandwidth and cell, whose refusal is the caller's mistake. */
    private static KernelDensityParameters parameters(OptionalDouble bandwidth, OptionalDouble cell, Envelope extent) {
        try {
            return new KernelDensityParameters(bandwidth, cell, extent, KernelDensity.Method.AUTO,
                    KernelDensityParameters.DEFAULT_MAX_CELLS);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("bandwidth and cell: " + e.getMessage(), e);
        }
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
    public List<Contour> contours(AnalysisFilter filter, ContourParameters parameters) {
        DensityGrid surface = surface(filter, parameters.surface());
        List<DensityContour> contours = new DensityContours().atPercentiles(surface, parameters.percentiles());
        return contours.stream().map(c -> new Contour(c.level(), c.percentile(), c.areaSquareMetres() / 1e6,
                c.incidents(), grid.toWgs84(c.geometry()))).toList();
    }
}
