package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.analysis.nearrepeat.KnoxResult;
import uk.safermap.analysis.nearrepeat.KnoxTest;
import uk.safermap.analysis.nearrepeat.Metric;
import uk.safermap.areas.AreaResolver;
import uk.safermap.layers.Feature;
import uk.safermap.layers.IncidentLayer;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hot spot methods over HTTP: clusters, Gi*, emerging hot spots and near repeats. */
final class HotspotHandler {

    private final ClusterService clusters;
    private final GiStarService giStar;
    private final EmergingService emerging;
    private final NearRepeatService nearRepeat;
    private final AreaResolver areas;
    private final GroundLabels labels;
    private final ObjectMapper mapper;

    HotspotHandler(ClusterService clusters, GiStarService giStar, EmergingService emerging,
                   NearRepeatService nearRepeat, AreaResolver areas, GroundLabels labels, ObjectMapper mapper) {
        this.clusters = clusters;
        this.giStar = giStar;
        this.emerging = emerging;
        this.nearRepeat = nearRepeat;
        this.areas = areas;
        this.labels = labels;
        this.mapper = mapper;
    }

    void clusters(Context ctx) throws IOException {
        AnalysisParams params = AnalysisParams.withFilter(ctx, Set.of("eps", "minPts"));
        AnalysisFilter filter = params.filter(areas);
        ClusterService.Result r = clusters.clusters(filter, params.number("eps", 50, 1, 5000),
                params.integer("minPts", 20, 1, 100_000));
        List<Feature> features = r.clusters().stream().map(c -> new Feature(c.rank(), c.outline(),
                labels.add(properties("clusterId", c.rank(), "count", c.count(), "share", c.share(),
                        "categories", c.categories(), "firstMonth", c.firstMonth(), "lastMonth", c.lastMonth()),
                        c.outline())))
                .toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("eps", r.epsMetres(), "minPts", r.minPoints()),
                // DBSCAN labels every selected incident (clustered or noise), so all are analysed.
                "summary", Map.of("incidents", r.incidents(), "incidentsSelected", r.incidents(),
                        "incidentsAnalysed", r.incidents(), "clustered", r.clustered(), "noise", r.noise(),
                        "clusters", r.clusters().size())));
    }

    void giStar(Context ctx) throws IOException {
        AnalysisParams params = AnalysisParams.withFilter(ctx, Set.of("cell", "band"));
        AnalysisFilter filter = params.filter(areas);
        double cell = params.number("cell", 100, 10, 5000);
        GiStarService.Result r = giStar.hotSpots(filter, cell, params.optionalNumber("band", cell, cell * 50));
        // Only hot cells are named: they are the places someone will be sent to.
        List<Feature> features = r.cells().stream().map(c -> {
            Map<String, Object> p = properties("count", c.count(), "z", finite(c.z()), "p", finite(c.p()),
                    "class", c.hotSpotClass().slug());
            return new Feature(c.index(), c.outline(), c.hotSpotClass().bin() > 0 ? labels.add(p, c.outline()) : p);
        }).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", properties("cellMetres", r.cellMetres(), "bandMetres", r.bandMetres(),
                        "bandRule", r.bandRule(), "bandReason", r.bandReason(), "studyArea", r.studyArea()),
                "summary", Map.of("studyCells", r.studyCells(), "incidents", r.incidentsSelected(),
                        "incidentsSelected", r.incidentsSelected(), "incidentsAnalysed", r.incidentsAnalysed(),
                        "contextIncidents", r.contextIncidents(), "classCounts", r.classCounts()),
                "warnings", r.warnings()));
    }

    void emerging(Context ctx) throws IOException {
        AnalysisParams params = AnalysisParams.withFilter(ctx, Set.of("cell", "band", "step"));
        AnalysisFilter filter = params.filter(areas);
        double cell = params.number("cell", 200, 10, 5000);
        double band = params.number("band", 2 * cell, cell, cell * 50);
        EmergingService.Step step = EmergingService.Step.of(params.string("step", "month"));
        EmergingService.Result r = emerging.emerging(filter, cell, band, step);
        List<Feature> features = r.locations().stream().map(l -> new Feature(l.index(), l.outline(),
                properties("category", l.category(), "trendZ", finite(l.trendZ()), "trendP", finite(l.trendP()),
                        "tau", finite(l.tau()), "hotBins", l.hotBins(), "coldBins", l.coldBins(),
                        "finalClass", l.finalClass(), "count", l.total()))).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("cellMetres", r.cellMetres(), "bandMetres", r.bandMetres(), "step", r.step(),
                        "studyArea", r.studyArea()),
                "steps", r.steps(),
                "summary", Map.of("incidents", r.incidentsSelected(), "incidentsSelected", r.incidentsSelected(),
                        "incidentsAnalysed", r.incidentsAnalysed(), "contextIncidents", r.contextIncidents(),
                        "categoryCounts", r.categoryCounts()),
                "warnings", r.warnings()));
    }

    void nearRepeat(Context ctx) {
        AnalysisParams params = AnalysisParams.withFilter(ctx, Set.of("type", "distances", "days", "permutations", "seed",
                "metric"));
        if (ctx.queryParam("type") != null && ctx.queryParam("types") != null) {
            throw ApiException.badRequest("give type or types, not both");
        }
        AnalysisFilter filter = params.filter(areas);
        if (filter.categories().isEmpty()) {
            String type = params.string("type", "burglary");
            filter = new AnalysisFilter(filter.from(), filter.to(),
                    IncidentLayer.categories("type", type), filter.area(), filter.bboxWgs84());
        }
        double[] distances = params.numbers("distances", new double[] {0, 100, 200, 400});
        int[] days = Arrays.stream(params.numbers("days", new double[] {0, 7, 14, 28})).mapToInt(d -> {
            if (d != Math.rint(d)) {
                throw ApiException.badRequest("days must be whole numbers, got " + d);
            }
            return (int) d;
        }).toArray();
        Metric metric = switch (params.string("metric", "euclidean")) {
            case "euclidean" -> Metric.EUCLIDEAN;
            case "manhattan" -> Metric.MANHATTAN;
            default -> throw ApiException.badRequest("metric must be euclidean or manhattan");
        };
        NearRepeatService.Result r = nearRepeat.nearRepeat(filter, distances, days,
                params.integer("permutations", KnoxTest.DEFAULT_PERMUTATIONS, 1, KnoxTest.MAX_PERMUTATIONS),
                params.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE), metric);
        ctx.json(Map.of("selected", r.selected(), "withoutDate", r.withoutDate(), "knox", knoxJson(r.knox())));
    }

    /** The Knox table with undefined ratios (expected 0) as null, since JSON has no NaN. */
    private static Map<String, Object> knoxJson(KnoxResult k) {
        return properties("spaceBands", k.spaceBands(), "timeBands", k.timeBands(), "observed", k.observed(),
                "expected", finite(k.expected()), "ratio", finite(k.ratio()), "p", finite(k.p()),
                "significant", k.significant(), "metric", k.metric().name().toLowerCase(java.util.Locale.ROOT),
                "permutations", k.permutations(), "seed", k.seed(), "incidents", k.incidents(),
                "pairCount", k.pairCount(), "closePairCount", k.closePairCount(), "notes", k.notes());
    }

    private static Double[][] finite(double[][] table) {
        Double[][] out = new Double[table.length][];
        for (int i = 0; i < table.length; i++) {
            out[i] = Arrays.stream(table[i]).mapToObj(HotspotHandler::finite).toArray(Double[]::new);
        }
        return out;
    }

    /** An ordered property map from name/value pairs; nulls are kept (GeoJSON shows them as null). */
    static Map<String, Object> properties(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** JSON has no NaN: undefined statistics are written as null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
