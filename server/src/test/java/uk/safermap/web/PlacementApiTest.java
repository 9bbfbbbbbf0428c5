package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.sample.HotspotsFile;
import uk.safermap.sample.PlantedHotspot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * CCTV placement, camera coverage and doorbell allocation over real HTTP on the seeded
 * 24-month Melton sample, with one camera registered at the largest planted hot spot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private List<PlantedHotspot> planted;
    private PlantedHotspot watched;
    private final BritishNationalGrid grid = new BritishNationalGrid();

    @BeforeAll
    void start() throws Exception {
        // The sample is generated on first start, so the hot spots are read from a first run.
        Map<String, String> settings = new HashMap<>(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "24"));
        App.start(ConfigLoader.ofValues(settings).load()).close();
        planted = new HotspotsFile().read(dir.resolve("sample/melton-sample.hotspots.json")).hotspots();
        watched = planted.stream().max((a, b) -> Long.compare(a.count(), b.count())).orElseThrow();
        Path cameras = dir.resolve("cameras.geojson");
        Files.writeString(cameras, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"CCTV 1\",\"radius\":150},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + watched.lon() + "," + watched.lat() + "]}}]}");
        settings.put("SAFERMAP_CAMERAS_FILE", cameras.toString());
        app = App.start(ConfigLoader.ofValues(settings).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private ApiClient.Response post(String path, String json) {
        return api.post(path, json.getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> kind(JsonNode collection, String kind) {
        List<JsonNode> out = new ArrayList<>();
        collection.get("features").forEach(f -> {
            if (kind.equals(f.at("/properties/kind").asText())) {
                out.add(f);
            }
        });
        return out;
    }

    private double metres(JsonNode point, double lon, double lat) {
        double[] a = grid.toGrid(point.at("/geometry/coordinates/0").asDouble(), point.at("/geometry/coordinates/1").asDouble());
        double[] b = grid.toGrid(lon, lat);
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void by_default_no_two_coverage_areas_overlap() {
        // Sites are written to 6 decimals of a degree (about 0.1 m): distances read back may fall short by that much.
        double rounding = 0.5;
        // Left to decide (no "exact"), the service does not spend SCIP's time limit on the separation
        // constraints: it answers with the heuristic and the LP bound, and says why.
        ApiClient.Response r = post("/api/placement/cctv", "{\"k\":6,\"existing\":[]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().at("/optimality/bound").asText()).isEqualTo("LP relaxation (GLOP), separation relaxed");
        assertThat(r.json().at("/optimality/solverStatus").asText()).startsWith("not run: sites must be 200 m apart");
        List<JsonNode> sites = kind(r.json(), "site");
        assertThat(sites).hasSize(6);
        double radius = r.json().at("/summary/radius").asDouble();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                JsonNode b = sites.get(j);
                assertThat(metres(sites.get(i), b.at("/geometry/coordinates/0").asDouble(),
                        b.at("/geometry/coordinates/1").asDouble())).as("sites %d and %d", i + 1, j + 1)
                        .isGreaterThanOrEqualTo(2 * radius - rounding);
            }
        }
    }

    @Test
    void cameras_go_to_the_planted_hot_spots_ranked_with_diminishing_gains_and_a_proven_gap() {
        // Overlap allowed (separation 0): the problem the exact solver proves within its time limit.
        ApiClient.Response r = post("/api/placement/cctv", "{\"k\":4,\"existing\":[],\"minSeparation\":0}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> sites = kind(r.json(), "site");
        assertThat(sites).hasSize(4);
        assertThat(kind(r.json(), "coverage")).hasSize(4);
        for (int i = 0; i < sites.size(); i++) {
            assertThat(sites.get(i).at("/properties/rank").asInt()).isEqualTo(i + 1);
            // Each site is named on the ground: a Melton place and an OS grid reference to 100 m.
            assertThat(sites.get(i).at("/properties/gridRef").asText()).matches("SK \\d{3} \\d{3}");
            assertThat(sites.get(i).at("/properties/label").asText())
                    .contains(sites.get(i).at("/properties/place").asText(), " ward) · SK ");
            if (i > 0) {
                assertThat(sites.get(i).at("/properties/marginalWeight").asDouble())
                        .isLessThanOrEqualTo(sites.get(i - 1).at("/properties/marginalWeight").asDouble());
            }
        }
        // The top camera stands within reach of a planted hot spot centre.
        JsonNode top = sites.get(0);
        assertThat(planted.stream().mapToDouble(h -> metres(top, h.lon(), h.lat())).min().orElseThrow())
                .isLessThan(150);
        JsonNode o = r.json().get("optimality");
        assertThat(o.get("solverStatus").asText()).isEqualTo("optimal");
        assertThat(o.get("upperBound").asDouble()).isGreaterThanOrEqualTo(o.get("value").asDouble() - 1e-6);
        assertThat(o.get("gapPercent").asDouble()).isCloseTo(0, within(1e-6));
        assertThat(o.get("heuristicGapPercent").asDouble()).isBetween(0.0, 5.0);
        JsonNode s = r.json().get("summary");
        assertThat(s.get("coveragePercent").asDouble()).isBetween(1.0, 100.0);
        assertThat(s.get("candidateSource").asText()).startsWith("lattice");
        assertThat(r.json().get("notes").toString()).contains("no candidates given");
        JsonNode curve = r.json().get("curve");
        assertThat(curve.size()).isGreaterThanOrEqualTo(12);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).get("weight").asDouble()).isGreaterThanOrEqualTo(curve.get(i - 1).get("weight").asDouble());
        }
        // Deterministic: the same request gives the same answer.
        assertThat(post("/api/placement/cctv", "{\"k\":4,\"existing\":[],\"minSeparation\":0}").json().get("features"))
                .isEqualTo(r.json().get("features"));
    }

    @Test
    void evaluating_the_placed_sites_gives_their_coverage_and_moving_one_away_loses_some() {
        ApiClient.Response placed = post("/api/placement/cctv", "{\"k\":3,\"existing\":[],\"exact\":false}");
        List<JsonNode> sites = kind(placed.json(), "site");
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < sites.size(); i++) {
            fc.append(i == 0 ? "" : ",").append(sites.get(i).toString());
        }
        String same = fc + "]}";
        ApiClient.Response r = post("/api/placement/cctv/evaluate", "{\"existing\":[],\"sites\":" + same + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().at("/summary/coveragePercent").asDouble())
                .isCloseTo(placed.json().at("/summary/coveragePercent").asDouble(), within(1e-9));
        String moved = same.replaceFirst("\"coordinates\":\\[[-0-9.]+,[-0-9.]+\\]", "\"coordinates\":[-0.95,52.70]");
        ApiClient.Response away = post("/api/placement/cctv/evaluate", "{\"existing\":[],\"sites\":" + moved + "}");
        assertThat(away.status()).as(away.text()).isEqualTo(200);
        assertThat(away.json().at("/summary/coveragePercent").asDouble())
                .isLessThan(r.json().at("/summary/coveragePercent").asDouble());
        assertThat(post("/api/placement/cctv/evaluate", "{\"fieldOfView\":90,\"sites\":" + same + "}").text())
                .contains("needs properties.bearing");
        assertThat(post("/api/placement/cctv/evaluate", "{}").status()).isEqualTo(400);
    }

    @Test
    void separation_given_candidates_and_sectors_are_honoured() {
        ApiClient.Response r = post("/api/placement/cctv", "{\"k\":5,\"existing\":[],\"minSeparation\":400,\"exact\":false,"
                + "\"filter\":{\"from\":\"2025-01\",\"types\":[\"violent-crime\",\"public-order\"]}}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> sites = kind(r.json(), "site");
        assertThat(r.json().at("/optimality/bound").asText()).contains("LP relaxation");
        assertThat(r.json().at("/optimality/upperBound").asDouble())
                .isGreaterThanOrEqualTo(r.json().at("/optimality/value").asDouble() - 1e-6);
        for (int a = 0; a < sites.size(); a++) {
            for (int b = a + 1; b < sites.size(); b++) {
                assertThat(metres(sites.get(a), sites.get(b).at("/geometry/coordinates/0").asDouble(),
                        sites.get(b).at("/geometry/coordinates/1").asDouble())).isGreaterThanOrEqualTo(400 - 0.5);
            }
        }
        StringBuilder candidates = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < planted.size(); i++) {
            candidates.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                    + "{\"type\":\"Point\",\"coordinates\":[").append(planted.get(i).lon()).append(',')
                    .append(planted.get(i).lat()).append("]}}");
        }
        candidates.append("]}");
        ApiClient.Response given = post("/api/placement/cctv", "{\"k\":2,\"existing\":[],\"fieldOfView\":90,"
                + "\"bearings\":[0,90,180,270],\"candidates\":" + candidates + "}");
        assertThat(given.status()).as(given.text()).isEqualTo(200);
        for (JsonNode site : kind(given.json(), "site")) {
            assertThat(planted.stream().mapToDouble(h -> metres(site, h.lon(), h.lat())).min().orElseThrow())
                    .isLessThan(1);
            assertThat(site.at("/properties/bearing").asDouble()).isIn(0.0, 90.0, 180.0, 270.0);
        }
        assertThat(given.json().at("/summary/candidateSource").asText()).isEqualTo("given");
    }

    @Test
    void the_registered_camera_counts_as_served_and_covers_its_hot_spot() {
        ApiClient.Response placed = post("/api/placement/cctv", "{\"k\":3}");
        assertThat(placed.status()).as(placed.text()).isEqualTo(200);
        assertThat(placed.json().at("/summary/existingCameras").asInt()).isEqualTo(1);
        assertThat(placed.json().at("/summary/existingIncidents").asInt()).isPositive();
        // No new camera is spent on what the registered one already sees.
        for (JsonNode site : kind(placed.json(), "site")) {
            assertThat(metres(site, watched.lon(), watched.lat())).isGreaterThan(50);
        }

        ApiClient.Response r = api.get("/api/placement/cctv/coverage");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode s = r.json().get("summary");
        assertThat(s.get("cameras").asInt()).isEqualTo(1);
        assertThat(s.get("seenIncidents").asInt()).isPositive();
        assertThat(s.get("incidentPercent").asDouble()).isBetween(0.1, 99.0);
        assertThat(s.get("uncoveredHotspots").asInt()).isPositive().isLessThan(s.get("hotspots").asInt());
        JsonNode watchedSpot = kind(r.json(), "hotspot").stream().filter(h -> h.at("/properties/covered").asBoolean())
                .findFirst().orElseThrow();
        assertThat(watchedSpot.at("/properties/seenPercent").asDouble()).isGreaterThanOrEqualTo(50);
        assertThat(kind(r.json(), "camera")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"k\":0}|k must be between 1",
        "{\"radius\":100}|k is required",
        "{\"k\":2,\"radius\":0}|radius must be between 1",
        "{\"k\":2,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[]}}|candidates is empty",
        "{\"k\":2,\"candidates\":{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\"}}}|is an empty geometry",
        "{\"k\":2,\"candidates\":{\"type\":\"Point\",\"coordinates\":\"x\"}}|not a valid GeoJSON geometry",
        "{\"k\":2,\"exact\":\"yes\"}|exact must be true or false",
        "{\"k\":2,\"candidates\":{\"features\":[]}}|must be GeoJSON with a \"type\"",
        "{\"k\":2,\"existing\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}}]}}|Point geometry",
        "{\"k\":2,\"weights\":{\"arson\":5}}|weights.arson is not a category",
        "{\"k\":2,\"cameras\":3}|unknown member 'cameras'",
        "{\"k\":2,\"filter\":{\"area\":\"ward:nowhere\"}}|unknown area",
        "{\"k\":2,\"filter\":{\"from\":\"2025-13\"}}|from must be a month",
        "{\"k\":2|body is not valid JSON",
        "[1,2]|body must be a JSON object"})
    void bad_placement_requests_get_400_with_the_reason(String body, String message) {
        assertRefused("/api/placement/cctv", body, message);
    }

    private void assertRefused(String path, String body, String message) {
        ApiClient.Response r = post(path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }

    @Test
    void doorbells_honour_the_town_centre_phase_ward_floors_and_the_total() {
        ApiClient.Response r = post("/api/placement/doorbells", "{\"units\":400,\"minPerWard\":5,"
                + "\"phases\":[{\"area\":\"neighbourhood:town-centre\",\"units\":100}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        int total = 0;
        for (JsonNode f : r.json().get("features")) {
            int n = f.at("/properties/doorbells").asInt();
            assertThat(n).isBetween(0, f.at("/properties/households").asInt());
            total += n;
        }
        assertThat(total).isEqualTo(400);
        JsonNode wards = r.json().get("wards");
        assertThat(wards).hasSize(16);
        int wardTotal = 0;
        for (JsonNode w : wards) {
            assertThat(w.get("doorbells").asInt()).isGreaterThanOrEqualTo(5);
            wardTotal += w.get("doorbells").asInt();
        }
        assertThat(wardTotal).isEqualTo(400);
        JsonNode s = r.json().get("summary");
        assertThat(s.get("riskCoveredPercent").asDouble()).isBetween(0.1, 100.0);
        assertThat(s.get("recentBurglaries").asInt()).isPositive();
        assertThat(r.json().get("notes").toString()).contains("estimated at 125");

        // The phase went to the town centre: its output areas hold at least 100.
        ApiClient.Response oas = api.get("/collections/neighbourhoods/items/town-centre");
        assertThat(oas.status()).isEqualTo(200);
        ApiClient.Response riskOnly = post("/api/placement/doorbells", "{\"units\":400}");
        assertThat(riskOnly.json().at("/summary/riskCovered").asDouble())
                .isGreaterThanOrEqualTo(s.get("riskCovered").asDouble() - 1e-6);
    }

    @Test
    void proportional_fairness_spreads_more_wards_than_pure_risk() {
        JsonNode risk = post("/api/placement/doorbells", "{\"units\":300}").json();
        JsonNode fair = post("/api/placement/doorbells", "{\"units\":300,\"fairness\":\"proportional\"}").json();
        assertThat(wardsServed(fair)).isGreaterThan(wardsServed(risk));
        assertThat(fair.at("/summary/riskCovered").asDouble()).isLessThanOrEqualTo(risk.at("/summary/riskCovered").asDouble() + 1e-6);
    }

    private static long wardsServed(JsonNode r) {
        long n = 0;
        for (JsonNode w : r.get("wards")) {
            n += w.get("doorbells").asInt() > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void doorbells_download_as_csv_and_go_to_uploaded_addresses() {
        ApiClient.Response csv = post("/api/placement/doorbells?format=csv", "{\"units\":50}");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().lines().findFirst().orElseThrow())
                .startsWith("code,name,ward_code,ward_name,label,street,place,grid_ref,households");
        assertThat(csv.text().lines().skip(1).findFirst().orElseThrow()).containsPattern(",SK \\d{3} \\d{3},");
        ApiClient.Response wards = post("/api/placement/doorbells?format=wards-csv", "{\"units\":50}");
        assertThat(wards.text().lines().count()).isEqualTo(17);

        String addresses = "id,lon,lat,address\\n" + "A1," + watched.lon() + "," + watched.lat() + ",1 High St\\n"
                + "A2," + (watched.lon() + 0.001) + "," + watched.lat() + ",3 High St\\n"
                + "A3,-0.95,52.70,Farm\\n";
        ApiClient.Response r = post("/api/placement/doorbells", "{\"units\":2,\"unit\":\"addresses\",\"addresses\":\""
                + addresses + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, Integer> given = new HashMap<>();
        r.json().get("features").forEach(f -> given.put(f.get("id").asText(), f.at("/properties/doorbells").asInt()));
        assertThat(given).containsEntry("A1", 1).containsEntry("A2", 1).containsEntry("A3", 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"units\":10000000}|units must be between 1",
        "{\"units\":900000}|more than the",
        "{\"units\":100,\"phases\":[{\"area\":\"neighbourhood:town-centre\",\"units\":200}]}|the phases ask for 200",
        "{\"units\":400,\"phases\":[{\"area\":\"neighbourhood:fairmead\",\"units\":390}]}|phase 'neighbourhood:fairmead' needs 390",
        "{\"units\":50,\"minPerWard\":5}|ward floors need",
        "{\"units\":10,\"phases\":[{\"area\":\"neighbourhood:nowhere\",\"units\":5}]}|unknown area",
        "{\"units\":10,\"fairness\":\"equal\"}|fairness must be",
        "{\"units\":10,\"unit\":\"addresses\"}|needs addresses",
        "{\"units\":10,\"unit\":\"addresses\",\"addresses\":\"id,lon,lat\\nA1,x,52.7\\n\"}|line 2, lon: not a number",
        "{\"units\":10,\"unit\":\"addresses\",\"addresses\":\"id,lon,lat\\nA1,0.5,51.5\\n\"}|outside every ward",
        "{\"units\":10,\"households\":{\"E00000000\":10}}|not one of the borough's"})
    void impossible_doorbell_requests_get_400_saying_why(String body, String message) {
        assertRefused("/api/placement/doorbells", body, message);
    }
}
