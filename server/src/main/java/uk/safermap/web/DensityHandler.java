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
        AnalysisFilter filter = params.filter(areas);
        // Roles that may not see incidents get the disclosure policy's surface (see DensityService).
        return new Surface(AccessControl.principal(ctx).role().seesPoints() ? filter : filter.aggregateOnlyView(),
                bandwidth, cell, params);
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
        ctx.json(tiles.legend(s.filter(), s.bandwidth(), s.cell()));
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
