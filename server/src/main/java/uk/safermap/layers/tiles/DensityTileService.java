package uk.safermap.layers.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.DensityService;
import uk.safermap.analysis.SurfaceParameters;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.privacy.DisclosurePolicy;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Heatmap tiles and their legend. All tiles of one request share one surface and one colour
 * ramp (breaks at percentiles of the surface), so tiles join seamlessly and the legend is true
 * for every one of them. Rendered tiles are cached per surface object (weakly held): a new import
 * yields a new surface, so stale tiles are never served, and its tiles go when it does.
 *
 * <p>For aggregate-only filters the surface is the {@link DisclosurePolicy}'s (see
 * {@link DensityService}): its total is a sum of rounded cells, and the legend shows class limits
 * to the policy's precision; a filter that matches nothing gives transparent tiles and a legend
 * with no classes, exactly as one that matches only incidents rounded away.
 */
public final class DensityTileService {

    /** The legend of a surface: its unit, how it was made, and the value range of each colour. */
    public record Legend(String unit, double bandwidthMetres, String bandwidthRule, double cellMetres,
                         double incidents, List<LegendClass> classes, List<String> notes) {
    }

    /** One colour of the ramp and the densities it stands for, {@code from} inclusive. */
    public record LegendClass(String colour, double opacity, double from, double to) {
    }

    private final DensityService density;
    private final DensityTileRenderer renderer;
    private final DisclosurePolicy policy;
    /** What is kept per surface: its colour ramp (percentiles over millions of cells: once) and its tiles. */
    private record SurfaceTiles(ColourRamp ramp, Cache<String, byte[]> tiles) {
    }

    private final int maxTilesPerSurface;
    private final Cache<DensityGrid, SurfaceTiles> surfaces;

    public DensityTileService(DensityService density, DensityTileRenderer renderer, DisclosurePolicy policy,
                              int maxTilesPerSurface) {
        this.density = density;
        this.renderer = renderer;
        this.policy = policy;
        this.maxTilesPerSurface = maxTilesPerSurface;
        // Weak keys compare by identity: each surface object has its own tiles.
        this.surfaces = Caffeine.newBuilder().weakKeys().maximumSize(100).build();
    }

    private SurfaceTiles of(DensityGrid surface) {
        return surfaces.get(surface, s -> new SurfaceTiles(ColourRamp.forDensity(s), Caffeine.newBuilder()
                .maximumSize(maxTilesPerSurface).expireAfterAccess(Duration.ofMinutes(30)).build()));
    }

    public byte[] tile(AnalysisFilter filter, SurfaceParameters parameters, int z, int x, int y) {
        try {
            WebMercator.validate(z, x, y);
        } catch (IllegalArgumentException e) {
            // the tile address is the caller's: a tile outside the scheme is their mistake
            throw new InvalidInputException(e.getMessage(), e);
        }
        DensityGrid surface = density.surface(filter, parameters);
        SurfaceTiles cached = of(surface);
        return cached.tiles().get(z + "/" + x + "/" + y, k -> renderer.render(surface, cached.ramp(), z, x, y));
    }

    public Legend legend(AnalysisFilter filter, SurfaceParameters parameters) {
        DensityGrid surface = density.surface(filter, parameters);
        DoubleUnaryOperator limit = filter.aggregateOnly() ? policy::classLimit : v -> v;
        return new Legend("incidents per km\u00b2", surface.bandwidthMetres(), surface.bandwidthRule(),
                surface.cellMetres(), surface.incidents(), of(surface).ramp().legend().stream()
                .map(e -> new LegendClass(e.colour(), e.opacity(), limit.applyAsDouble(e.fromValue()),
                        limit.applyAsDouble(e.toValue()))).toList(),
                surface.notes());
    }
}
