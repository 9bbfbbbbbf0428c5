package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Patrol plans over real HTTP on the seeded 24-month Melton sample: the plan keeps the shift,
 * the dwell and the units asked for, is stored and printable, handles midnight and the clock
 * change, follows a road network when given one, varies when randomised, and bad requests get
 * a 400 that says what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatrolApiTest {

    private static final String PLAN = "/api/patrols/plan";

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private final ObjectMapper mapper = new ObjectMapper();
    private final BritishNationalGrid grid = new BritishNationalGrid();

    @BeforeAll
    void start() {
        app = startApp();
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
    }

    private App startApp() {
        return App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "24")).load());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private ApiClient.Response post(String json) {
        return api.post(PLAN, json.getBytes());
    }

    private JsonNode plan(String json) {
        ApiClient.Response r = post(json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static OffsetDateTime time(JsonNode n) {
        return OffsetDateTime.parse(n.asText());
    }

    @Test
    void a_plan_keeps_the_shift_window_the_dwell_time_and_the_units_asked_for() {
        JsonNode p = plan("{\"start\":\"2026-06-12T14:00\",\"end\":\"2026-06-12T22:00\",\"units\":3,"
                + "\"visitMinutes\":12,\"maxHotspots\":30}");
        OffsetDateTime start = time(p.at("/shift/start"));
        OffsetDateTime end = time(p.at("/shift/end"));
        assertThat(start).hasToString("2026-06-12T14:00+01:00");
        assertThat(p.at("/shift/hours").asDouble()).isEqualTo(8.0);
        assertThat(p.get("units")).hasSize(3);
        Set<Integer> visited = new HashSet<>();
        int visits = 0;
        for (JsonNode unit : p.get("units")) {
            OffsetDateTime free = start;
            for (JsonNode v : unit.get("visits")) {
                OffsetDateTime arrival = time(v.get("arrival"));
                OffsetDateTime departure = time(v.get("departure"));
                assertThat(arrival).isAfterOrEqualTo(free);
                assertThat(Duration.between(arrival, departure)).isEqualTo(Duration.ofMinutes(12));
                assertThat(v.get("dwellMinutes").asInt()).isEqualTo(12);
                assertThat(v.get("reason").asText()).contains("% of the shift's risk");
                visited.add(v.get("hotspot").asInt());
                free = departure;
                visits++;
            }
            assertThat(time(unit.get("returnAt"))).isAfterOrEqualTo(free).isBeforeOrEqualTo(end);
            assertThat(unit.get("dwellMinutes").asDouble()).isEqualTo(12.0 * unit.get("visits").size());
        }
        assertThat(visits).isPositive().isEqualTo(p.at("/summary/visited").asInt());
        // One line per leg: to each stop, and home.
        assertThat(p.at("/routes/features")).hasSize(visits + 3);
        assertThat(p.at("/summary/shareOfShiftRisk").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
        // Every hot spot visited is in the hot spot list, the top-risk ones first among them.
        JsonNode first = p.get("hotspots").get(0);
        assertThat(first.get("mustVisit").asBoolean()).isTrue();
        assertThat(first.get("unit").isNull()).isFalse();
        // The riskiest places come round again, 75 to 120 minutes apart (the default rule).
        assertThat(p.at("/parameters/revisitMinutes").asInt()).isEqualTo(120);
        assertThat(first.get("visits").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(first.get("minutesOnSite").asInt()).isEqualTo(12 * first.get("visits").asInt());
        for (JsonNode h : p.get("hotspots")) {
            for (JsonNode gap : h.get("gapMinutes")) {
                assertThat(gap.asInt()).isBetween(75, 120);
            }
        }
        assertThat(visited).hasSizeLessThan(visits);
    }

    @Test
    void revisit_minutes_zero_gives_one_visit_per_place() {
        JsonNode p = plan("{\"start\":\"2026-06-12T14:00\",\"end\":\"2026-06-12T22:00\",\"units\":2,"
                + "\"revisitMinutes\":0}");
        Set<Integer> visited = new HashSet<>();
        for (JsonNode v : p.findValues("visits")) {
            if (v.isArray()) {
                v.forEach(visit -> assertThat(visited.add(visit.get("hotspot").asInt())).isTrue());
            }
        }
        assertThat(visited).isNotEmpty();
        assertThat(p.get("notes").toString()).doesNotContain("visited again");
    }

    @Test
    void a_stored_plan_is_returned_by_id_and_printed_as_a_briefing() throws Exception {
        JsonNode p = plan("{\"start\":\"2026-06-12T22:00\",\"end\":\"2026-06-13T06:00\",\"units\":["
                + "{\"name\":\"Alpha\"},{\"name\":\"Bravo\",\"start\":[-0.8870,52.7656]}]}");
        String id = p.get("id").asText();

        ApiClient.Response stored = api.get(PLAN + "/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).isEqualTo(p);
        assertThat(p.at("/units/1/start/0").asDouble()).isCloseTo(-0.8870, within(1e-6));
        assertThat(p.at("/units/1/end/0").asDouble()).isCloseTo(-0.8870, within(1e-6));

        ApiClient.Response page = api.getAccepting(PLAN + "/" + id + "/print", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<svg", "<polyline", "Alpha", "Bravo", "Hot spot patrol briefing")
                .doesNotContain("style=", "<script");
        String firstArrival = p.at("/units/0/visits/0/arrival").asText().substring(11, 16);
        assertThat(page.text()).contains("<td>" + firstArrival + "</td>");
        // The sergeant reads where to go without coordinates: street, place, ward and OS grid reference.
        JsonNode visit = p.at("/units/0/visits/0");
        assertThat(visit.get("gridRef").asText()).matches("SK \\d{3} \\d{3}");
        assertThat(visit.get("label").asText()).contains(visit.get("street").asText() + ", ")
                .endsWith(" · " + visit.get("gridRef").asText());
        assertThat(page.text()).contains(Html.escape(visit.get("label").asText()));
        assertThat(p.at("/hotspots/0/label").asText()).isNotBlank();
        // ... and on the map: each stop's short name on the ground beside it, ward outlines and names, a
        // north arrow, credits.
        assertThat(page.text()).contains("class=\"map__stop-name\"", "class=\"map__ward\"", " ward</text>",
                "class=\"map__north\"", "Open Government Licence", "GeoNames");
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("class=\"map__stop-name\"[^>]*>([^<]+)<")
                .matcher(page.text());
        java.util.Set<String> visitedLabels = new java.util.HashSet<>();
        p.get("units").forEach(u -> u.get("visits").forEach(v -> visitedLabels.add(Html.escape(
                v.get("label").asText()))));
        assertThat(names.results().map(m -> m.group(1)).toList()).isNotEmpty()
                .allSatisfy(n -> assertThat(visitedLabels).anySatisfy(l -> assertThat(l).startsWith(n + ", ")));

        assertThat(api.get(PLAN + "/no-such-plan").status()).isEqualTo(404);
        assertThat(api.get(PLAN + "/no-such-plan/print").status()).isEqualTo(404);
    }

    @Test
    void plans_survive_a_restart() {
        String id = plan("{\"start\":\"2026-06-13T08:00\",\"end\":\"2026-06-13T12:00\"}").get("id").asText();
        app.close();
        app = startApp();
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        assertThat(api.get(PLAN + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void a_shift_over_the_spring_clock_change_has_seven_real_hours_and_times_change_offset() {
        JsonNode night = plan("{\"start\":\"2026-03-28T22:00\",\"end\":\"2026-03-29T06:00\"}");
        assertThat(night.at("/shift/hours").asDouble()).isEqualTo(7.0);
        assertThat(night.at("/shift/start").asText()).isEqualTo("2026-03-28T22:00:00Z");
        assertThat(night.at("/shift/end").asText()).isEqualTo("2026-03-29T06:00:00+01:00");
        // From midnight: one unit on foot among the Gi* cells is still at work when 01:00 GMT becomes 02:00 BST.
        JsonNode p = plan("{\"start\":\"2026-03-29T00:00\",\"end\":\"2026-03-29T06:00\",\"units\":1,"
                + "\"hotspots\":\"gistar\",\"maxHotspots\":30}");
        assertThat(p.at("/shift/hours").asDouble()).isEqualTo(5.0);
        List<String> offsets = new ArrayList<>();
        for (JsonNode v : p.at("/units/0/visits")) {
            offsets.add(v.get("arrival").asText().endsWith("Z") ? "GMT" : "BST");
        }
        assertThat(offsets).contains("GMT", "BST");
        assertThat(offsets.indexOf("BST")).isGreaterThan(offsets.lastIndexOf("GMT"));
        assertThat(time(p.at("/units/0/returnAt"))).isBeforeOrEqualTo(time(p.at("/shift/end")));
    }

    @Test
    void the_autumn_clock_change_gives_a_night_shift_nine_hours() {
        JsonNode p = plan("{\"start\":\"2026-10-24T22:00\",\"end\":\"2026-10-25T06:00\"}");
        assertThat(p.at("/shift/hours").asDouble()).isEqualTo(9.0);
    }

    @Test
    void a_road_network_routes_every_leg_through_its_roads() throws Exception {
        // First the hot spots, then a network in which every stop has one road, to a hub 1.5 km
        // north of the base: each leg must then be stop - hub - stop.
        String body = "{\"start\":\"2026-06-12T10:00\",\"end\":\"2026-06-12T18:00\",\"maxHotspots\":6,\"units\":1";
        JsonNode straight = plan(body + "}");
        assertThat(straight.at("/parameters/distance").asText()).isEqualTo("straight line x 1.3");
        double[] base = grid.toGrid(straight.at("/units/0/start/0").asDouble(), straight.at("/units/0/start/1").asDouble());
        double[] hub = {base[0], base[1] + 1500};
        ArrayNode features = mapper.createArrayNode();
        List<double[]> stops = new ArrayList<>();
        stops.add(base);
        for (JsonNode h : straight.get("hotspots")) {
            stops.add(grid.toGrid(h.at("/position/0").asDouble(), h.at("/position/1").asDouble()));
        }
        for (double[] s : stops) {
            features.add(roadFeature(s, hub));
        }
        ObjectNode roads = mapper.createObjectNode().put("type", "FeatureCollection");
        roads.set("features", features);

        JsonNode p = plan(body + ",\"roads\":" + roads + "}");
        assertThat(p.at("/parameters/distance").asText()).isEqualTo("road network (" + stops.size() + " segments)");
        GeoJsonReader reader = new GeoJsonReader();
        double[] hubLonLat = grid.toWgs84(hub[0], hub[1]);
        for (JsonNode leg : p.at("/routes/features")) {
            if (leg.at("/properties/distanceMetres").asDouble() == 0) {
                continue; // a unit staying on for its next visit to the same place
            }
            var line = reader.read(leg.get("geometry").toString());
            var ends = line.getCoordinates();
            double[] a = grid.toGrid(ends[0].x, ends[0].y);
            double[] b = grid.toGrid(ends[ends.length - 1].x, ends[ends.length - 1].y);
            double viaHub = Math.hypot(a[0] - hub[0], a[1] - hub[1]) + Math.hypot(b[0] - hub[0], b[1] - hub[1]);
            assertThat(leg.at("/properties/distanceMetres").asDouble()).isCloseTo(viaHub, within(1.0));
            assertThat(line.getCoordinates()).anySatisfy(c -> {
                assertThat(c.x).isCloseTo(hubLonLat[0], within(1e-5));
                assertThat(c.y).isCloseTo(hubLonLat[1], within(1e-5));
            });
        }
        assertThat(p.at("/summary/distanceMetres").asDouble()).isGreaterThan(straight.at("/summary/distanceMetres").asDouble());
    }

    private ObjectNode roadFeature(double[] from, double[] to) {
        double[] a = grid.toWgs84(from[0], from[1]);
        double[] b = grid.toWgs84(to[0], to[1]);
        ObjectNode f = mapper.createObjectNode().put("type", "Feature");
        ObjectNode g = f.putObject("geometry").put("type", "LineString");
        g.putArray("coordinates").add(mapper.createArrayNode().add(a[0]).add(a[1]))
                .add(mapper.createArrayNode().add(b[0]).add(b[1]));
        f.putObject("properties");
        return f;
    }

    @Test
    void randomised_plans_vary_with_the_seed_and_keep_the_top_risk_places() {
        String body = "{\"start\":\"2026-06-12T18:00\",\"end\":\"2026-06-12T20:00\",\"units\":2,\"maxHotspots\":30,"
                + "\"randomize\":true,\"seed\":";
        Set<String> orders = new HashSet<>();
        for (int seed = 1; seed <= 4; seed++) {
            JsonNode p = plan(body + seed + "}");
            assertThat(p.at("/parameters/seed").asLong()).isEqualTo(seed);
            for (JsonNode h : p.get("hotspots")) {
                if (h.get("mustVisit").asBoolean()) {
                    assertThat(h.get("unit").isNull()).as("seed %d visits top-risk hot spot %s", seed, h.get("rank"))
                            .isFalse();
                }
            }
            orders.add(p.get("units").findValuesAsText("hotspot").toString());
            assertThat(plan(body + seed + "}").get("units").findValuesAsText("hotspot").toString())
                    .as("the same seed gives the same plan").isEqualTo(p.get("units").findValuesAsText("hotspot").toString());
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void the_default_base_is_the_melton_mowbray_police_station_in_a_melton_ward() throws Exception {
        JsonNode p = plan("{\"start\":\"2026-06-13T08:00\",\"end\":\"2026-06-13T09:00\",\"maxHotspots\":1}");
        assertThat(p.at("/units/0/start/0").asDouble()).isCloseTo(-0.8876, within(1e-6));
        assertThat(p.at("/units/0/start/1").asDouble()).isCloseTo(52.7627, within(1e-6));
        var station = new GeometryFactory().createPoint(new Coordinate(-0.8876, 52.7627));
        GeoJsonReader reader = new GeoJsonReader();
        List<String> wards = new ArrayList<>();
        for (JsonNode w : api.get("/collections/wards/items?limit=100").json().get("features")) {
            if (reader.read(w.get("geometry").toString()).covers(station)) {
                wards.add(w.at("/properties/name").asText());
            }
        }
        assertThat(wards).singleElement().asString().startsWith("Melton");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "end before start|{\"start\":\"2026-06-12T22:00\",\"end\":\"2026-06-12T06:00\"}|the shift end 2026-06-12T06:00 must be after its start 2026-06-12T22:00",
        "zero units|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"units\":0}|units must be between 1 and 20, got 0",
        "empty unit list|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"units\":[]}|units must list 1 to 20 units, got 0",
        "unknown area|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"filter\":{\"area\":\"ward:E99999999\"}}|unknown area 'ward:E99999999'",
        "road polygon|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"roads\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.89,52.76],[-0.88,52.76],[-0.88,52.77],[-0.89,52.76]]]}}]}}|roads: road 0 is a Polygon; roads must be LineString or MultiLineString",
        "road without coordinates|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"roads\":{\"type\":\"LineString\"}}|roads is an empty geometry",
        "road feature without geometry|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"roads\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}}|roads.features[0] has no geometry",
        "missing start|{\"end\":\"2026-06-12T16:00\"}|start is required",
        "bad date|{\"start\":\"12/06/2026 08:00\",\"end\":\"2026-06-12T16:00\"}|start must be an ISO date-time",
        "over a day|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-13T09:00\"}|a shift may last at most 24 hours",
        "unknown mode|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"mode\":\"bicycle\"}|mode must be foot or vehicle, got 'bicycle'",
        "visit too long|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"visitMinutes\":90}|visitMinutes must be between 1 and 60, got 90",
        "unknown member|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"shift\":1}|unknown member 'shift'",
        "base outside the area|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"units\":[{\"start\":[-0.1276,51.5072]}]}|units[0].start [-0.1276, 51.5072] lies outside the service area",
        "base not a pair|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"units\":[{\"start\":[-0.88]}]}|units[0].start must be [lon, lat] in WGS 84",
        "unknown hotspot method|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"hotspots\":\"kde\"}|hotspots must be clusters or gistar, got 'kde'",
        "not json|{start|body is not valid JSON",
        "min gap not below revisit|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"revisitMinutes\":60,\"minGapMinutes\":60}|minGapMinutes must be at least 1 and less than revisitMinutes (60)",
        "revisit too long|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"revisitMinutes\":1000}|revisitMinutes",
        "fractional seed|{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"randomize\":true,\"seed\":1.5}|seed must be a whole number",
    })
    void bad_requests_get_a_400_that_says_what_is_wrong(String name, String body, String message) {
        ApiClient.Response r = post(body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }

    @Test
    void a_place_busiest_at_nine_in_the_evening_is_visited_then() {
        // 30 council records of drug dealing behind the station, all at about 21:15 in May 2026.
        double[] en = grid.toGrid(-0.8840, 52.7600);
        StringBuilder csv = new StringBuilder("reference,easting,northing,date,time,category\n");
        for (int i = 0; i < 30; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "DRG-%d,%.1f,%.1f,2026-05-%02d,21:%02d,Drugs%n", i,
                    en[0] + i % 5, en[1] + i / 5, 1 + i, i % 30));
        }
        assertThat(api.post("/api/imports?format=council-csv", csv.toString().getBytes()).status()).isEqualTo(201);

        // One visit per place: a repeat place follows its windows instead of its busiest time.
        JsonNode p = plan("{\"start\":\"2026-06-12T14:00\",\"end\":\"2026-06-12T22:00\",\"units\":1,"
                + "\"revisitMinutes\":0,\"filter\":{\"types\":[\"drugs\"]}}");
        JsonNode visit = p.at("/units/0/visits/0");
        // Council records name no police.uk location: the place is numbered, and still named on the ground.
        assertThat(visit.get("location").asText()).isEqualTo("Cluster 1");
        assertThat(visit.get("label").asText()).endsWith(" · " + visit.get("gridRef").asText());
        OffsetDateTime arrival = time(visit.get("arrival"));
        // Busiest at 21:15 (the 21:00-21:15 step, middle 21:07); the visit lands within half an hour of it.
        assertThat(arrival).isBetween(OffsetDateTime.parse("2026-06-12T20:37:30+01:00"),
                OffsetDateTime.parse("2026-06-12T21:37:30+01:00"));
        assertThat(p.at("/notes").toString()).contains("Visits are timed to when places are busiest");
        assertThat(time(p.at("/units/0/returnAt"))).isBeforeOrEqualTo(time(p.at("/shift/end")));
    }

    @Test
    void a_filter_with_no_hot_spots_gives_an_empty_plan_that_says_so_and_still_prints() {
        JsonNode p = plan("{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\","
                + "\"filter\":{\"types\":[\"possession-of-weapons\"],\"from\":\"2025-01\",\"to\":\"2025-01\"}}");
        assertThat(p.at("/summary/visited").asInt()).isZero();
        assertThat(p.at("/units/0/visits")).isEmpty();
        assertThat(p.at("/notes").toString()).contains("No hot spots were found");
        assertThat(p.at("/parameters/filter").asText()).isEqualTo("from 2025-01-01; before 2025-02-01; types possession-of-weapons");
        ApiClient.Response page = api.getAccepting(PLAN + "/" + p.get("id").asText() + "/print", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("0 visits to 0 of 0 selected hot spots", "No hot spots were found");
    }

    @Test
    void gi_star_cells_can_be_the_hot_spots() {
        // Anti-social behaviour only: the timed council rows another test imports are drugs offences.
        JsonNode p = plan("{\"start\":\"2026-06-12T08:00\",\"end\":\"2026-06-12T16:00\",\"hotspots\":\"gistar\","
                + "\"units\":2,\"filter\":{\"types\":[\"anti-social-behaviour\"]}}");
        assertThat(p.at("/parameters/hotspotMethod").asText()).isEqualTo("gistar");
        assertThat(p.at("/summary/visited").asInt()).isPositive();
        assertThat(p.at("/notes").toString()).contains("months only");
    }
}
