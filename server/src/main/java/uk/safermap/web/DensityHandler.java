package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.DensityService;
import uk.safermap.areas.AreaResolver;
import uk.safermap.layers.Feature;
import uk.safermap.layers.tiles.DensityTileService;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Kernel density over HTTP: XYZ heatmap tiles, their legend, and contour polygons. Every
 * endpoint takes the incident filter plus {@code bandwidth} and {@code cell} (metres; chosen by
 * documented rules when absent).
 */
final class DensityHandler {

    private static final Set<String> SURFACE = Set.of("bandwidth", "cell");
    /**
     * For roles that must not see incidents: a bandwidth of at least 500 m (a heatmap at street
     * scale would show where single incidents are) and cells of at least 100 m.
     */
    static final double AGGREGATE_MIN_BANDWIDTH = 500;
    static final double AGGREGATE_MIN_CELL = 100;
    /** Each level is a full marching-squares pass over the surface. */
    static final int MAX_LEVELS = 20;

    private final DensityService density;
    private final DensityTileService tiles;
    private final AreaResolver areas;
    private final ObjectMapper mapper;

    DensityHandler(DensityService density, DensityTileService tiles, AreaResolver areas, ObjectMapper mapper) {
        this.density = density;
        this.tiles = tiles;
        this.areas = areas;
        this.mapper = mapper;
    }

    /** The parsed filter and surface parameters of one request. */
    private record Surface(AnalysisFilter filter, OptionalDouble bandwidth, OptionalDouble cell, AnalysisParams params) {
    }

    private Surface surface(Context ctx, Set<String> extra) {
        Set<String> accepted = new HashSet<>(SURFACE);
        accepted.addAll(extra);
        AnalysisParams params = AnalysisParams.withFilter(ctx, accepted);
        OptionalDouble bandwidth = params.optionalNumber("bandwidth", 10, 20_000);
        OptionalDouble cell = params.optionalNumber("cell", 5, 5_000);
        if (AccessControl.principal(ctx).role().seesPoints()) {
            return new Surface(params.filter(areas), bandwidth, cell, params);
        }
        return new Surface(params.filter(areas).aggregateOnlyView(),
                OptionalDouble.of(Math.max(bandwidth.orElse(0), AGGREGATE_MIN_BANDWIDTH)),
                OptionalDouble.of(Math.max(cell.orElse(0), AGGREGATE_MIN_CELL)), params);
    }

    void tile(Context ctx) {
        Surface s = surface(ctx, Set.of());
        int z = pathInt(ctx, "z");
        int x = pathInt(ctx, "x");
        String yPng = ctx.pathParam("y");
        if (!yPng.endsWith(".png")) {
            throw ApiException.notFound("tiles are PNG: /tiles/density/{z}/{x}/{y}.png");
        }
        int y = parse("y", yPng.substring(0, yPng.length() - 4));
        byte[] png = tiles.tile(s.filter(), s.bandwidth(), s.cell(), z, x, y);
        // Tiles change with every import and the server's own cache answers fast: revalidate.
        ctx.contentType("image/png").header("Cache-Control", "no-cache").result(png);
    }

    void legend(Context ctx) {
        Surface s = surface(ctx, Set.of());
        DensityTileService.Legend legend = tiles.legend(s.filter(), s.bandwidth(), s.cell());
        ctx.json(s.filter().aggregateOnly() ? coarse(legend) : legend);
    }

    /**
     * The legend for roles that must not see incidents: the total rounded to 5 and class limits to
     * two significant figures, so that comparing legends of two filters does not give a count.
     */
    private static DensityTileService.Legend coarse(DensityTileService.Legend l) {
        return new DensityTileService.Legend(l.unit(), l.bandwidthMetres(), l.bandwidthRule(), l.cellMetres(),
                5 * Math.round(l.incidents() / 5), l.classes().stream().map(c -> new DensityTileService.LegendClass(
                        c.colour(), c.opacity(), twoFigures(c.from()), twoFigures(c.to()))).toList(), l.notes());
    }

    private static double twoFigures(double v) {
        return v == 0 || !Double.isFinite(v) ? v
                : new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
    }

    void contours(Context ctx) throws IOException {
        Surface s = surface(ctx, Set.of("levels"));
        double[] levels = s.params().numbers("levels", new double[] {50, 75, 90, 95, 99});
        if (levels.length > MAX_LEVELS) {
            throw ApiException.badRequest("at most " + MAX_LEVELS + " contour levels, got " + levels.length);
        }
        for (double l : levels) {
            if (!(l > 0 && l < 100)) {
                throw ApiException.badRequest("levels are percentiles of the surface, each between 0 and 100; got " + l);
            }
        }
        List<Feature> features = density.contours(s.filter(), s.bandwidth(), s.cell(), levels).stream()
                .map(c -> new Feature("p" + c.percentile(), c.outline(), HotspotHandler.properties("level", c.level(),
                        "percentile", c.percentile(), "areaKm2", c.areaKm2(), "incidents", c.incidents())))
                .toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of("unit", "incidents per km\u00b2"));
    }

    private static int pathInt(Context ctx, String name) {
        return parse(name, ctx.pathParam(name));
    }

    private static int parse(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("tile " + name + " must be a whole number, got '" + text + "'");
        }
    }
}
