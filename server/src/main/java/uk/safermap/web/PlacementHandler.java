package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.Camera;
import uk.safermap.placement.CameraFile;
import uk.safermap.placement.CctvPlacementService;
import uk.safermap.placement.DoorbellService;
import uk.safermap.placement.HarmWeights;
import uk.safermap.placement.allocation.DoorbellAllocator;
import uk.safermap.placement.mclp.Viewshed;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CCTV placement, camera coverage and doorbell allocation over HTTP. */
final class PlacementHandler {

    /**
     * 100 m: between the range at which a redeployable camera still recognises a person and the
     * ~250 m within which a San Francisco study found violent crime fell; no standard exists
     * (DOMAIN.md 3.2), so it is a parameter.
     */
    static final double DEFAULT_RADIUS = 100;
    static final double[] DEFAULT_BEARINGS = {0, 45, 90, 135, 180, 225, 270, 315};
    static final int MAX_CAMERAS = 200;
    static final int MAX_CANDIDATES = 50_000;
    static final int MAX_DOORBELLS = 1_000_000;

    private final CctvPlacementService cctv;
    private final DoorbellService doorbells;
    private final ClusterService clusters;
    private final AreaResolver areas;
    private final List<Camera> registered;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final BritishNationalGrid grid;

    PlacementHandler(CctvPlacementService cctv, DoorbellService doorbells, ClusterService clusters, AreaResolver areas,
                     List<Camera> registered, BritishNationalGrid grid, ObjectMapper mapper, long maxBodyBytes) {
        this.grid = grid;
        this.cctv = cctv;
        this.doorbells = doorbells;
        this.clusters = clusters;
        this.areas = areas;
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
                bearings, candidates, existing, weights(body), body.number("minSeparation", 0, 0, 10_000), exact));
        writeCctv(ctx, r, k, view);
    }

    private void writeCctv(Context ctx, CctvPlacementService.Result r, int k, Viewshed view) throws IOException {
        List<Feature> features = new ArrayList<>();
        for (CctvPlacementService.Site s : r.sites()) {
            features.add(new Feature("site-" + s.rank(), point(s.lon(), s.lat()), HotspotHandler.properties(
                    "kind", "site", "rank", s.rank(), "bearing", s.bearing(), "marginalWeight", s.marginalWeight(),
                    "marginalIncidents", s.marginalIncidents(), "cumulativeCoveragePercent", s.cumulativeWeightPercent())));
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
            features.add(new Feature("hotspot-" + h.rank(), h.outline(), HotspotHandler.properties("kind", "hotspot",
                    "rank", h.rank(), "incidents", h.incidents(), "seen", h.seen(), "seenPercent", h.seenPercent(),
                    "covered", h.covered())));
        }
        for (int i = 0; i < registered.size(); i++) {
            Camera c = registered.get(i);
            features.add(new Feature("camera-" + (i + 1), point(c.lon(), c.lat()), HotspotHandler.properties(
                    "kind", "camera", "name", c.name())));
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

    void placeDoorbells(Context ctx) throws IOException {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("geojson");
        if (!Set.of("geojson", "csv", "wards-csv").contains(format)) {
            throw ApiException.badRequest("format must be geojson, csv or wards-csv, got '" + format + "'");
        }
        JsonBody body = JsonBody.read(ctx, mapper, maxBodyBytes, Set.of("units", "phases", "minPerWard", "fairness",
                "unit", "addresses", "households", "filter"));
        int units = body.requiredInteger("units", 1, MAX_DOORBELLS);
        List<DoorbellService.PhaseRequest> phases = body.objects("phases", Set.of("area", "units")).stream()
                .map(p -> new DoorbellService.PhaseRequest(p.string("area").orElseThrow(() ->
                        ApiException.badRequest(p.at("area") + " is required, e.g. neighbourhood:town-centre")),
                        p.requiredInteger("units", 1, MAX_DOORBELLS))).toList();
        DoorbellAllocator.Rule rule = switch (body.string("fairness", "risk")) {
            case "risk" -> DoorbellAllocator.Rule.RISK;
            case "proportional" -> DoorbellAllocator.Rule.PROPORTIONAL;
            default -> throw ApiException.badRequest("fairness must be risk (highest risk first, after floors) or "
                    + "proportional (wards in proportion to their risk)");
        };
        String unit = body.string("unit", "oa");
        Optional<List<DoorbellService.Address>> addresses = switch (unit) {
            case "oa" -> {
                if (body.has("addresses")) {
                    throw ApiException.badRequest("addresses are only read with unit \"addresses\"");
                }
                yield Optional.empty();
            }
            case "addresses" -> Optional.of(addresses(body.string("addresses").orElseThrow(() ->
                    ApiException.badRequest("unit \"addresses\" needs addresses: CSV text with a header "
                            + "id,lon,lat (or id,easting,northing) and optional address,households"))));
            default -> throw ApiException.badRequest("unit must be oa or addresses, got '" + unit + "'");
        };
        DoorbellService.Result r;
        try {
            r = doorbells.allocate(new DoorbellService.Request(body.filter(areas), units, phases,
                    body.integer("minPerWard", 0, 0, MAX_DOORBELLS), rule, addresses, households(body)));
        } catch (DoorbellAllocator.Infeasible e) {
            throw ApiException.badRequest("the allocation cannot meet every constraint: " + e.getMessage());
        }
        switch (format) {
            case "csv" -> csv(ctx, "doorbells.csv", unitRows(r));
            case "wards-csv" -> csv(ctx, "doorbells-wards.csv", wardRows(r));
            default -> doorbellGeoJson(ctx, r);
        }
    }

    private void doorbellGeoJson(Context ctx, DoorbellService.Result r) throws IOException {
        List<Feature> features = r.units().stream().map(u -> new Feature(u.code(), u.geometry(),
                HotspotHandler.properties("code", u.code(), "label", u.label(), "wardCode", u.wardCode(),
                        "wardName", u.wardName(), "households", u.households(),
                        "householdsEstimated", u.householdsEstimated(), "riskPerHousehold", u.riskPerHousehold(),
                        "nearRepeat", u.nearRepeat(), "density", u.density(), "doorbells", u.doorbells(),
                        "riskCovered", u.riskCovered()))).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of("summary", HotspotHandler.properties(
                "unit", r.unit(), "doorbells", r.doorbells(), "riskCovered", r.riskCovered(), "totalRisk", r.totalRisk(),
                "riskCoveredPercent", r.riskCoveredPercent(), "fairness", r.rule(), "minPerWard", r.minPerWard(),
                "phases", r.phases(), "referenceDate", r.referenceDate().toString(),
                "recentBurglaries", r.recentBurglaries(), "densityIncidents", r.densityIncidents()),
                "wards", r.wards(), "notes", r.notes()));
    }

    private static List<List<Object>> unitRows(DoorbellService.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("code", "label", "ward_code", "ward_name", "households", "households_estimated",
                "risk_per_household", "doorbells", "risk_covered"));
        for (DoorbellService.UnitAllocation u : r.units()) {
            rows.add(java.util.Arrays.asList(u.code(), u.label(), u.wardCode(), u.wardName(), u.households(),
                    u.householdsEstimated(), round(u.riskPerHousehold()), u.doorbells(), round(u.riskCovered())));
        }
        return rows;
    }

    private static List<List<Object>> wardRows(DoorbellService.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("ward_code", "ward_name", "households", "doorbells", "doorbell_percent", "risk_covered",
                "risk_percent"));
        for (DoorbellService.WardAllocation w : r.wards()) {
            rows.add(List.of(w.code(), w.name(), w.households(), w.doorbells(), round(w.doorbellPercent()),
                    round(w.riskCovered()), round(w.riskPercent())));
        }
        return rows;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void csv(Context ctx, String name, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(out.toString());
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

    private static Map<String, Integer> households(JsonBody body) {
        Map<String, Integer> out = new HashMap<>();
        body.member("households").ifPresent(h -> {
            if (!h.isObject()) {
                throw ApiException.badRequest("households must be an object of output area code: households");
            }
            h.fields().forEachRemaining(e -> {
                if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                    throw ApiException.badRequest("households." + e.getKey() + " must be a whole number >= 0");
                }
                out.put(e.getKey(), e.getValue().asInt());
            });
        });
        return out;
    }

    /** An address list: CSV with id and lon/lat or easting/northing, optional address and households. */
    private List<DoorbellService.Address> addresses(String text) {
        List<DoorbellService.Address> out = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                    .parse(new StringReader(text));
            var header = parser.getHeaderMap().keySet();
            boolean lonLat = header.containsAll(List.of("lon", "lat"));
            if (!header.contains("id") || (!lonLat && !header.containsAll(List.of("easting", "northing")))) {
                throw ApiException.badRequest("addresses needs a header with id and lon,lat (or easting,northing); got "
                        + header);
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                double a = number(rec, lonLat ? "lon" : "easting", line);
                double b = number(rec, lonLat ? "lat" : "northing", line);
                double[] lonLatPair = lonLat ? new double[] {a, b} : doorbellsGrid(a, b);
                int households = rec.isMapped("households") && !rec.get("households").isEmpty()
                        ? (int) number(rec, "households", line) : 1;
                out.add(new DoorbellService.Address(rec.get("id"), rec.isMapped("address") ? rec.get("address") : "",
                        lonLatPair[0], lonLatPair[1], households));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ApiException.badRequest("addresses is not valid CSV: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("addresses has a header but no rows");
        }
        return out;
    }

    private double[] doorbellsGrid(double easting, double northing) {
        return grid.toWgs84(easting, northing);
    }

    private static double number(CSVRecord rec, String field, long line) {
        try {
            return Double.parseDouble(rec.get(field));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("addresses line " + line + ", " + field + ": not a number ('"
                    + (rec.isSet(field) ? rec.get(field) : "") + "')");
        }
    }

    private static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
    }
}
