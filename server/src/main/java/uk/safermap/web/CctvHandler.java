package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.placement.Camera;
import uk.safermap.placement.CameraFile;
import uk.safermap.placement.CctvPlacementService;
import uk.safermap.placement.HarmWeights;
import uk.safermap.placement.mclp.Viewshed;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CCTV placement, evaluation and camera coverage over HTTP. */
final class CctvHandler {

    /**
     * 100 m: between the range at which a redeployable camera still recognises a person and the
     * ~250 m within which a San Francisco study found violent crime fell; no standard exists
     * (docs/methods.md 3.2), so it is a parameter.
     */
    static final double DEFAULT_RADIUS = 100;
    static final double[] DEFAULT_BEARINGS = {0, 45, 90, 135, 180, 225, 270, 315};
    static final int MAX_CAMERAS = 200;
    static final int MAX_CANDIDATES = 50_000;

    private final CctvPlacementService cctv;
    private final ClusterService clusters;
    private final AreaResolver areas;
    private final GroundLabels labels;
    private final List<Camera> registered;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    CctvHandler(CctvPlacementService cctv, ClusterService clusters, AreaResolver areas, GroundLabels labels,
                List<Camera> registered, ObjectMapper mapper, long maxBodyBytes) {
        this.cctv = cctv;
        this.clusters = clusters;
        this.areas = areas;
        this.labels = labels;
        this.registered = List.copyOf(registered);
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void placeCctv(Context ctx) throws IOException {
        JsonBody body = JsonBody.read(ctx, mapper, maxBodyBytes, Set.of("k", "radius", "fieldOfView", "bearings",
                "candidates", "existing", "weights", "weighting", "minSeparation", "exact", "filter"));
        int k = body.requiredInteger("k", 1, MAX_CAMERAS);
        Viewshed view = view(body);
        double[] bearings = body.numbers("bearings").orElse(DEFAULT_BEARINGS);
        if (bearings.length == 0 || bearings.length > 72) {
            throw ApiException.badRequest("bearings must list 1 to 72 directions in degrees");
        }
        for (double b : bearings) {
            if (b < 0 || b >= 360) {
                throw ApiException.badRequest("bearings must be in [0, 360) degrees, got " + b);
            }
        }
        Optional<List<double[]>> candidates = body.member("candidates").map(this::candidates);
        List<Camera> existing = body.member("existing").map(e -> CameraFile.parse(e, "existing")).orElse(registered);
        CctvPlacementService.ExactMode exact = body.member("exact").map(v -> {
            if (!v.isBoolean()) {
                throw ApiException.badRequest("exact must be true or false (absent: automatic)");
            }
            return v.asBoolean() ? CctvPlacementService.ExactMode.ALWAYS : CctvPlacementService.ExactMode.NEVER;
        }).orElse(CctvPlacementService.ExactMode.AUTO);
        CctvPlacementService.Result r = cctv.place(new CctvPlacementService.Request(body.filter(areas), k, view,
                bearings, candidates, existing, weights(body), body.optionalNumber("minSeparation", 0, 10_000)
                .orElse(CctvPlacementService.Request.defaultSeparation(view)), exact));
        writeCctv(ctx, r, k, view);
    }

    private void writeCctv(Context ctx, CctvPlacementService.Result r, int k, Viewshed view) throws IOException {
        List<Feature> features = new ArrayList<>();
        for (CctvPlacementService.Site s : r.sites()) {
            var site = point(s.lon(), s.lat());
            features.add(new Feature("site-" + s.rank(), site, labels.add(HotspotHandler.properties(
                    "kind", "site", "rank", s.rank(), "bearing", s.bearing(), "marginalWeight", s.marginalWeight(),
                    "marginalIncidents", s.marginalIncidents(), "cumulativeCoveragePercent", s.cumulativeWeightPercent()),
                    site)));
        }
        for (CctvPlacementService.Site s : r.sites()) {
            features.add(new Feature("coverage-" + s.rank(), s.coverage(), HotspotHandler.properties(
                    "kind", "coverage", "rank", s.rank())));
        }
        Map<String, Object> summary = HotspotHandler.properties("k", k, "radius", view.radius(),
                "fieldOfView", view.fieldOfView(), "incidents", r.incidents(), "totalWeight", r.totalWeight(),
                "weighting", r.weighting(), "existingCameras", r.existingCameras(),
                "existingIncidents", r.existingIncidents(), "existingWeight", r.existingWeight(),
                "newWeight", r.newWeight(), "coveredWeight", r.coveredWeight(), "coveragePercent", r.coveragePercent(),
                "coveredIncidents", r.coveredIncidents(), "incidentCoveragePercent", r.incidentCoveragePercent(),
                "candidateSites", r.candidateSites(), "candidateSource", r.candidateSource(),
                "demandClasses", r.demandClasses());
        GeoJsonResponse.collection(ctx, mapper, features, Map.of("summary", summary, "optimality", r.optimality(),
                "curve", r.curve(), "notes", r.notes()));
    }

    void evaluateCctv(Context ctx) throws IOException {
        JsonBody body = JsonBody.read(ctx, mapper, maxBodyBytes, Set.of("sites", "radius", "fieldOfView", "existing",
                "weights", "weighting", "filter"));
        List<JsonBody.GeoJsonFeature> features = body.geoJson("sites").orElseThrow(() -> ApiException.badRequest(
                "sites is required: a GeoJSON FeatureCollection of camera Points (properties.bearing for a "
                        + "directional camera)"));
        if (features.isEmpty() || features.size() > MAX_CAMERAS) {
            throw ApiException.badRequest("sites must hold 1 to " + MAX_CAMERAS + " cameras, got " + features.size());
        }
        Viewshed view = view(body);
        List<double[]> sites = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            var g = features.get(i).geometry();
            if (!"Point".equals(g.getGeometryType())) {
                throw ApiException.badRequest("sites[" + i + "] must be a Point, got " + g.getGeometryType());
            }
            JsonNode bearing = features.get(i).properties().path("bearing");
            if (!view.isAllRound() && (!bearing.isNumber() || bearing.asDouble() < 0 || bearing.asDouble() >= 360)) {
                throw ApiException.badRequest("sites[" + i + "] needs properties.bearing in [0, 360) degrees "
                        + "when fieldOfView is under 360");
            }
            sites.add(new double[] {g.getCoordinate().x, g.getCoordinate().y, bearing.asDouble(Double.NaN)});
        }
        List<Camera> existing = body.member("existing").map(e -> CameraFile.parse(e, "existing")).orElse(registered);
        CctvPlacementService.Result r = cctv.evaluate(body.filter(areas), view, sites, existing, weights(body));
        writeCctv(ctx, r, sites.size(), view);
    }

    void cctvCoverage(Context ctx) throws IOException {
        AnalysisParams params = AnalysisParams.withFilter(ctx, Set.of("radius", "fieldOfView", "eps", "minPts",
                "weighting"));
        AnalysisFilter filter = params.filter(areas);
        Viewshed view = new Viewshed(params.number("radius", DEFAULT_RADIUS, 1, 1000),
                params.number("fieldOfView", 360, 1, 360));
        ClusterService.Result hotspots = clusters.clusters(filter, params.number("eps", 50, 1, 5000),
                params.integer("minPts", 20, 1, 100_000));
        HarmWeights weights = weighting(params.string("weighting", "harm"));
        CctvPlacementService.CoverageReport r = cctv.coverage(filter, registered, view, weights, hotspots);
        List<Feature> features = new ArrayList<>();
        for (CctvPlacementService.HotspotCoverage h : r.hotspots()) {
            features.add(new Feature("hotspot-" + h.rank(), h.outline(), labels.add(HotspotHandler.properties(
                    "kind", "hotspot", "rank", h.rank(), "incidents", h.incidents(), "seen", h.seen(),
                    "seenPercent", h.seenPercent(), "covered", h.covered()), h.outline())));
        }
        for (int i = 0; i < registered.size(); i++) {
            Camera c = registered.get(i);
            var camera = point(c.lon(), c.lat());
            features.add(new Feature("camera-" + (i + 1), camera, labels.add(HotspotHandler.properties(
                    "kind", "camera", "name", c.name()), camera)));
            features.add(new Feature("camera-coverage-" + (i + 1), r.cameraShapes().get(i),
                    HotspotHandler.properties("kind", "coverage", "name", c.name())));
        }
        GeoJsonResponse.collection(ctx, mapper, features, Map.of("summary", HotspotHandler.properties(
                "cameras", r.cameras(), "incidents", r.incidents(), "seenIncidents", r.seenIncidents(),
                "incidentPercent", r.incidentPercent(), "weight", r.weight(), "seenWeight", r.seenWeight(),
                "weightPercent", r.weightPercent(), "weighting", r.weighting(), "hotspots", r.hotspots().size(),
                "uncoveredHotspots", r.uncoveredHotspots(), "hotspotMethod",
                "DBSCAN eps " + hotspots.epsMetres() + " m, minPts " + hotspots.minPoints()
                        + "; covered = at least half its incidents in view")));
    }

    private static Viewshed view(JsonBody body) {
        return new Viewshed(body.number("radius", DEFAULT_RADIUS, 1, 1000), body.number("fieldOfView", 360, 1, 360));
    }

    private List<double[]> candidates(JsonNode json) {
        List<JsonBody.GeoJsonFeature> features = JsonBody.GeoJsonFeature.parse(json, "candidates");
        if (features.isEmpty()) {
            throw ApiException.badRequest("candidates is empty: give at least one Point, or leave candidates out "
                    + "to use a lattice over the incidents");
        }
        if (features.size() > MAX_CANDIDATES) {
            throw ApiException.badRequest("candidates has " + features.size() + " sites; at most " + MAX_CANDIDATES);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            var g = features.get(i).geometry();
            if (!"Point".equals(g.getGeometryType())) {
                throw ApiException.badRequest("candidates[" + i + "] must be a Point, got " + g.getGeometryType());
            }
            out.add(new double[] {g.getCoordinate().x, g.getCoordinate().y});
        }
        return out;
    }

    private static HarmWeights weights(JsonBody body) {
        HarmWeights base = weighting(body.string("weighting", "harm"));
        Map<Category, Double> overrides = new EnumMap<>(Category.class);
        body.member("weights").ifPresent(w -> {
            if (!w.isObject()) {
                throw ApiException.badRequest("weights must be an object of category: weight, e.g. {\"burglary\": 300}");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = w.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                Category c = Category.fromSlug(e.getKey()).orElseThrow(() -> ApiException.badRequest(
                        "weights." + e.getKey() + " is not a category; use one of " + java.util.Arrays.stream(
                                Category.values()).map(Category::slug).toList()));
                if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getValue().asDouble() > 1e6) {
                    throw ApiException.badRequest("weights." + e.getKey() + " must be a number from 0 to 1000000");
                }
                overrides.put(c, e.getValue().asDouble());
            }
        });
        return base.with(overrides);
    }

    private static HarmWeights weighting(String name) {
        return switch (name) {
            case "harm" -> HarmWeights.harm();
            case "count" -> HarmWeights.count();
            default -> throw ApiException.badRequest("weighting must be harm (crime-harm days, the default) or count");
        };
    }

    static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
    }
}
