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
import uk.safermap.params.ParameterSource;
import uk.safermap.roads.CollisionParameters;
import uk.safermap.roads.CollisionFilter;
import uk.safermap.roads.RoadSafetyService;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Road collision analyses over HTTP: KSI clusters, the severity-weighted density's peaks, Gi* on road cells, the
 * hour-of-week profile, numbered-road stretches, and ward figures for councillors. The filter is
 * {@code from}/{@code to} (months or dates, inclusive), {@code severity} and {@code bbox}.
 */
final class CollisionHandler {


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
        var request = request(ctx, CollisionParameters::clusters);
        RoadSafetyService.Clusters r = roads.clusters(request.filter(), request.parameters());
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
        var request = request(ctx, CollisionParameters.Density::read);
        ctx.json(roads.density(request.filter(), request.parameters()));
    }

    void giStar(Context ctx) throws IOException {
        var request = request(ctx, CollisionParameters.GiStar::read);
        RoadSafetyService.RoadCells r = roads.giStar(request.filter(), request.parameters());
        List<Feature> features = new java.util.ArrayList<>();
        for (int i = 0; i < r.cells().size(); i++) {
            RoadSafetyService.RoadCell c = r.cells().get(i);
            features.add(new Feature(i, c.outline(), HotspotHandler.properties("weighted", c.weighted(),
                    "z", c.z(), "p", c.p(), "class", c.hotSpotClass())));
        }
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("cell", r.cellMetres(), "band", r.bandMetres()),
                "weights", r.weights(), "roadCells", r.roadCells(), "classes", r.classes(), "warnings", r.warnings()));
    }

    void hourOfWeek(Context ctx) {
        ctx.json(roads.hourOfWeek(AnalysisParams.read(ctx, this::filter)));
    }

    void roads(Context ctx) {
        var request = request(ctx, CollisionParameters.Stretches::read);
        ctx.json(roads.roads(request.filter(), request.parameters()));
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

    /** The collision filter and one analysis's parameter record, read from one query string. */
    private record Request<P>(CollisionFilter filter, P parameters) {
    }

    private <P> Request<P> request(Context ctx, Function<ParameterSource, P> record) {
        return AnalysisParams.read(ctx, in -> new Request<>(filter(in), record.apply(in)));
    }

    /**
     * Dates and box parsed as the incident analyses parse them ({@code types} and {@code area} are
     * not collision filters); severities as the collisions layer does.
     */
    private CollisionFilter filter(AnalysisParams in) {
        AnalysisFilter f = in.periodAndBox(areas);
        Set<Severity> severities = CollisionLayer.severities(in.string("severity").orElse(null));
        return new CollisionFilter(f.from().map(t -> t.toLocalDate()), f.to().map(t -> t.toLocalDate()),
                severities, f.bboxWgs84().map(grid::toGrid));
    }
}
