package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.areas.AreaResolver;
import uk.safermap.councillor.CollisionWardService;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.CollisionLayer;
import uk.safermap.layers.Feature;
import uk.safermap.roads.CollisionFilter;
import uk.safermap.roads.RoadSafetyService;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Road collision analyses over HTTP: KSI clusters, the severity-weighted density's peaks, Gi* on road cells, the
 * hour-of-week profile, numbered-road stretches, and ward figures for councillors. The filter is
 * {@code from}/{@code to} (months or dates, inclusive), {@code severity} and {@code bbox}.
 */
final class CollisionHandler {

    private static final Set<String> FILTER = Set.of("from", "to", "severity", "bbox");

    private final RoadSafetyService roads;
    private final CollisionWardService wards;
    private final AreaResolver areas;
    private final BritishNationalGrid grid;
    private final ObjectMapper mapper;

    CollisionHandler(RoadSafetyService roads, CollisionWardService wards, AreaResolver areas, BritishNationalGrid grid,
                     ObjectMapper mapper) {
        this.roads = roads;
        this.wards = wards;
        this.areas = areas;
        this.grid = grid;
        this.mapper = mapper;
    }

    void clusters(Context ctx) throws IOException {
        AnalysisParams params = params(ctx, "eps", "minPts");
        RoadSafetyService.Clusters r = roads.clusters(filter(ctx), params.number("eps", 150, 1, 5000),
                params.integer("minPts", 4, 1, 10_000));
        List<Feature> features = r.clusters().stream().map(c -> new Feature(c.rank(), c.outline(),
                HotspotHandler.properties("rank", c.rank(), "collisions", c.collisions(), "fatal", c.fatal(),
                        "serious", c.serious(), "slight", c.slight(), "harmWeight", c.harmWeight(),
                        "valueOfPreventionPounds", c.valueOfPreventionPounds(), "roads", c.roads(),
                        "firstDate", c.firstDate(), "lastDate", c.lastDate(), "centreLon", c.centreLon(),
                        "centreLat", c.centreLat(), "collisionIds", c.collisionIds()))).toList();
        AccessControl.audit(ctx, (long) r.collisions());
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("eps", r.epsMetres(), "minPts", r.minPoints(), "severities", r.severities()),
                "weights", r.weights(),
                "summary", Map.of("collisions", r.collisions(), "clustered", r.clustered(),
                        "clusters", r.clusters().size())));
    }

    void density(Context ctx) {
        AnalysisParams params = params(ctx, "bandwidth", "cell", "peaks");
        double bandwidth = params.number("bandwidth", 400, 50, 5000);
        double cell = params.number("cell", 50, 10, 1000);
        if (cell > bandwidth) {
            throw ApiException.badRequest("cell must not be larger than bandwidth");
        }
        ctx.json(roads.density(filter(ctx), bandwidth, cell, params.integer("peaks", 10, 1, 100)));
    }

    void giStar(Context ctx) throws IOException {
        AnalysisParams params = params(ctx, "cell", "band");
        double cell = params.number("cell", 200, 25, 5000);
        RoadSafetyService.RoadCells r = roads.giStar(filter(ctx), cell, params.number("band", 500, cell, 20_000));
        List<Feature> features = new java.util.ArrayList<>();
        for (int i = 0; i < r.cells().size(); i++) {
            RoadSafetyService.RoadCell c = r.cells().get(i);
            features.add(new Feature(i, c.outline(), HotspotHandler.properties("weighted", c.weighted(),
                    "z", HotspotHandler.finite(c.z()), "p", HotspotHandler.finite(c.p()), "class", c.hotSpotClass())));
        }
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("cell", r.cellMetres(), "band", r.bandMetres()),
                "weights", r.weights(), "roadCells", r.roadCells(), "classes", r.classes(), "warnings", r.warnings()));
    }

    void hourOfWeek(Context ctx) {
        params(ctx);
        ctx.json(roads.hourOfWeek(filter(ctx)));
    }

    void roads(Context ctx) {
        AnalysisParams params = params(ctx, "gap");
        ctx.json(roads.roads(filter(ctx), params.number("gap", 500, 10, 10_000)));
    }

    /** Ward figures: rounded and suppressed like crime figures; open to councillors. */
    void wardFigures(Context ctx) throws IOException {
        AnalysisParams params = new AnalysisParams(ctx, Set.of("from", "to"));
        CollisionWardService.Result r = wards.figures(params.month("from"), params.month("to"));
        List<Feature> features = r.wards().stream().map(w -> new Feature(w.code(), w.geometry(),
                HotspotHandler.properties("code", w.code(), "name", w.name(), "collisions", w.collisions(),
                        "ksi", w.ksi(), "fatal", w.fatal(), "suppressed", w.suppressed()))).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "period", Map.of("from", r.from().toString(), "to", r.to().toString()),
                "breaks", Map.of("collisions", r.collisionBreaks(), "ksi", r.ksiBreaks()),
                "disclosure", WardHandler.disclosure(r.disclosure())));
    }

    private static AnalysisParams params(Context ctx, String... own) {
        Set<String> accepted = new TreeSet<>(FILTER);
        accepted.addAll(List.of(own));
        return new AnalysisParams(ctx, accepted);
    }

    /** Dates and box parsed as the incident analyses parse them; severities as the collisions layer does. */
    private CollisionFilter filter(Context ctx) {
        AnalysisFilter f = AnalysisParams.filter(name -> FILTER.contains(name) && !name.equals("severity")
                ? ctx.queryParam(name) : null, areas);
        Set<Severity> severities = CollisionLayer.severities(ctx.queryParam("severity"));
        return new CollisionFilter(f.from().map(t -> t.toLocalDate()), f.to().map(t -> t.toLocalDate()),
                severities, f.bboxWgs84().map(grid::toGrid));
    }
}
