package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ContourParameters;
import uk.safermap.analysis.DensityService;
import uk.safermap.analysis.SurfaceParameters;
import uk.safermap.areas.AreaResolver;
import uk.safermap.layers.tiles.DensityTileService;

import java.io.IOException;
import java.util.List;

/**
 * Kernel density over HTTP: XYZ heatmap tiles, their legend, and contour polygons. Every
 * endpoint takes the incident filter plus {@code bandwidth} and {@code cell} (metres; chosen by
 * documented rules when absent).
 */
final class DensityHandler {

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

    /** Roles that may not see incidents get the disclosure policy's surface (see DensityService). */
    private static AnalysisFilter forRole(Context ctx, AnalysisFilter filter) {
        return AccessControl.principal(ctx).role().seesPoints() ? filter : filter.aggregateOnlyView();
    }

    void tile(Context ctx) {
        var request = AnalysisParams.withFilter(ctx, areas, SurfaceParameters::read);
        int z = pathInt(ctx, "z");
        int x = pathInt(ctx, "x");
        String yPng = ctx.pathParam("y");
        if (!yPng.endsWith(".png")) {
            throw ApiException.notFound("tiles are PNG: /tiles/density/{z}/{x}/{y}.png");
        }
        int y = parse("y", yPng.substring(0, yPng.length() - 4));
        byte[] png = tiles.tile(forRole(ctx, request.filter()), request.parameters(), z, x, y);
        // Tiles change with every import and the server's own cache answers fast: revalidate.
        ctx.contentType("image/png").header("Cache-Control", "no-cache").result(png);
    }

    void legend(Context ctx) {
        var request = AnalysisParams.withFilter(ctx, areas, SurfaceParameters::read);
        ctx.json(tiles.legend(forRole(ctx, request.filter()), request.parameters()));
    }

    void contours(Context ctx) throws IOException {
        var request = AnalysisParams.withFilter(ctx, areas, ContourParameters::read);
        List<GeoFeature<ContourProperties>> features = density.contours(forRole(ctx, request.filter()),
                        request.parameters()).stream()
                .map(c -> new GeoFeature<>("p" + c.percentile(), c.outline(),
                        new ContourProperties(c.level(), c.percentile(), c.areaKm2(), c.incidents())))
                .toList();
        GeoJsonResponse.typedCollection(ctx, mapper, features, new Contours("incidents per km\u00b2"));
    }

    /** One density contour as the viewer reads it. */
    record ContourProperties(double level, double percentile, double areaKm2, double incidents) {
    }

    /** The collection's top-level member: the unit of {@code level}. */
    record Contours(String unit) {
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
