package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interventions and their evaluation over real HTTP, on incidents generated with planted
 * effects and imported through the normal police.uk CSV path: 24 months of burglary from
 * January 2024. Two camera sites in Melton Mowbray start in January 2025: at the first the
 * target falls by 40 % and the ring around it rises by 40 % (displacement); at the second,
 * 1.5 km west, both fall (diffusion). The comparison ward far away does not change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterventionApiTest {

    private static final double LON = -0.8876;
    private static final double LAT = 52.7627;
    private static final double WEST = -1500;

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private String farWard;

    @BeforeAll
    void start() throws Exception {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        Coordinate far = farthestWardPoint();
        StringBuilder csv = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
        UniformRandomProvider rng = new SplittableRandom(20240101L)::nextLong;
        SplittableRandom jitter = new SplittableRandom(7);
        int id = 0;
        for (int m = 0; m < 24; m++) {
            boolean after = m >= 13;
            YearMonth month = YearMonth.of(2024, 1).plusMonths(m);
            // Displacement site: target 30 -> 18 a month, ring 20 -> 28.
            id = rows(csv, id, month, poisson(rng, after ? 18 : 30), 0, 0, 100, jitter);
            id = rows(csv, id, month, poisson(rng, after ? 28 : 20), 400, 0, 50, jitter);
            // Diffusion site: target 30 -> 18, ring 20 -> 12.
            id = rows(csv, id, month, poisson(rng, after ? 18 : 30), WEST, 0, 100, jitter);
            id = rows(csv, id, month, poisson(rng, after ? 12 : 20), WEST - 400, 0, 50, jitter);
            // Comparison ward: 60 a month throughout, at one point inside it.
            for (int k = poisson(rng, 60); k > 0; k--) {
                csv.append(row(++id, month, far.x, far.y));
            }
        }
        ApiClient.Response r = api.post("/api/imports?format=police-csv&name=planted",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("imported").asInt()).as(r.text()).isEqualTo(id);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static int poisson(UniformRandomProvider rng, double mean) {
        return PoissonDistribution.of(mean).createSampler(rng).sample();
    }

    /** n incidents within {@code spread} metres of a point dx, dy metres from the station. */
    private static int rows(StringBuilder csv, int id, YearMonth month, int n, double dx, double dy, double spread,
                            SplittableRandom jitter) {
        for (int i = 0; i < n; i++) {
            double angle = jitter.nextDouble(2 * Math.PI);
            double r = spread * Math.sqrt(jitter.nextDouble());
            double[] lonLat = offset(dx + r * Math.cos(angle), dy + r * Math.sin(angle));
            csv.append(row(++id, month, lonLat[0], lonLat[1]));
        }
        return id;
    }

    private static double[] offset(double dx, double dy) {
        return new double[] {LON + dx / (111_320 * Math.cos(Math.toRadians(LAT))), LAT + dy / 111_320};
    }

    private static String row(int id, YearMonth month, double lon, double lat) {
        return String.format(Locale.ROOT, "planted-%06d,%s,Leicestershire Police,Leicestershire Police,%.6f,%.6f,"
                + "On or near Test Street,,,Burglary,,\n", id, month, lon, lat);
    }

    /** A point inside the ward farthest from the station, and remember its code. */
    private Coordinate farthestWardPoint() throws Exception {
        JsonNode wards = api.get("/collections/wards/items?limit=100").json().get("features");
        Coordinate best = null;
        double bestDistance = -1;
        for (JsonNode w : wards) {
            Geometry g = new GeoJsonReader().read(w.get("geometry").toString());
            Coordinate c = g.getInteriorPoint().getCoordinate();
            double d = Math.hypot((c.x - LON) * Math.cos(Math.toRadians(LAT)), c.y - LAT);
            if (d > bestDistance) {
                bestDistance = d;
                best = c;
                farWard = w.get("id").asText();
            }
        }
        return best;
    }

    private String sites(double dx) {
        double[] a = offset(dx - 30, 0);
        double[] b = offset(dx + 30, 0);
        return String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}]}",
                a[0], a[1], b[0], b[1]);
    }

    private String logCameras(String name, double dx, String cost) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"end\":\"2025-12-31\","
                + "\"cost\":" + cost + ",\"categories\":[\"burglary\"],\"target\":{\"sites\":" + sites(dx)
                + ",\"radius\":150}}";
        ApiClient.Response r = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/interventions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private ApiClient.Response postJson(ApiClient client, String body) {
        return client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/interventions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void the_planted_fall_is_recovered_within_its_interval_and_the_rise_around_it_reads_as_displacement() {
        String id = logCameras("Two cameras, displacement site", 0, "20000");
        ApiClient.Response r = api.get("/api/interventions/" + id + "/evaluation?comparison=ward:" + farWard);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.at("/periods/beforeFrom").asText()).isEqualTo("2024-01");
        assertThat(e.at("/periods/afterFrom").asText()).isEqualTo("2025-02");
        assertThat(e.at("/periods/afterMonths").asInt()).isEqualTo(11);
        JsonNode est = e.at("/assessment/estimate");
        assertThat(est.get("lower").asDouble()).isLessThan(0.6);
        assertThat(est.get("upper").asDouble()).isGreaterThan(0.6).isLessThan(1);
        assertThat(e.at("/assessment/displacement/wdq").asDouble()).isNegative();
        assertThat(e.at("/assessment/displacement/reading").asText()).startsWith("displacement");
        assertThat(e.at("/assessment/valueForMoney/costPerCrime").asDouble()).isPositive();
        assertThat(e.at("/monthly/target")).hasSize(24);
        assertThat(e.at("/areas/target/type").asText()).isEqualTo("Polygon");
        assertThat(e.at("/areas/buffer/type").asText()).isIn("Polygon", "MultiPolygon");
        assertThat(e.at("/areas/suggested").asBoolean()).isFalse();
        assertThat(e.at("/disclosure/roundingBase").asInt()).isEqualTo(1);
    }

    @Test
    void a_fall_in_the_ring_too_reads_as_diffusion_of_benefit() {
        String id = logCameras("Two cameras, diffusion site", WEST, "20000");
        JsonNode e = api.get("/api/interventions/" + id + "/evaluation?comparison=ward:" + farWard).json();
        assertThat(e.at("/assessment/displacement/wdq").asDouble()).isPositive();
        assertThat(e.at("/assessment/displacement/reading").asText()).startsWith("diffusion");
        assertThat(e.at("/assessment/estimate/upper").asDouble()).isLessThan(1);
    }

    @Test
    void comparison_areas_are_suggested_clear_of_target_and_buffer_when_none_are_chosen() {
        String id = logCameras("Suggested comparison", 0, "20000");
        JsonNode e = api.get("/api/interventions/" + id + "/evaluation?level=ward&suggest=2").json();
        assertThat(e.at("/areas/suggested").asBoolean()).isTrue();
        assertThat(e.at("/areas/comparisonMembers")).hasSize(1).allSatisfy(m -> assertThat(m.asText())
                .isEqualTo("ward:" + farWard));
        assertThat(e.get("notes").toString()).contains("Comparison suggested");
    }

    @Test
    void councillors_get_ward_figures_rounded_to_five_and_may_not_log() {
        String id = logCameras("Councillor view", 0, "20000");
        ApiClient councillor = new ApiClient(app.port()).withToken(TestUsers.COUNCILLOR);
        JsonNode e = councillor.get("/api/interventions/" + id + "/evaluation?comparison=ward:" + farWard).json();
        assertThat(e.at("/disclosure/roundingBase").asInt()).isEqualTo(5);
        for (String area : new String[] {"target", "buffer", "comparison"}) {
            assertThat(e.at("/assessment/" + area + "/before").asInt() % 5).as(area).isZero();
            assertThat(e.at("/assessment/" + area + "/after").asInt() % 5).as(area).isZero();
        }
        for (JsonNode m : e.at("/monthly/target")) {
            assertThat(m.isNull() || m.asInt() % 5 == 0).isTrue();
        }
        assertThat(councillor.get("/api/interventions").status()).isEqualTo(200);
        assertThat(postJson(councillor, "{}").status()).isEqualTo(403);
    }

    @Test
    void the_committee_summary_is_one_printable_page_and_a_pdf() throws Exception {
        String id = logCameras("Printed", 0, "20000");
        ApiClient.Response html = api.get("/api/interventions/" + id + "/evaluation/print?comparison=ward:" + farWard);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text()).contains("Did it work? Printed", "Weighted displacement quotient",
                "Value for money (estimates)", "data:image/png;base64,");
        byte[] pdf = api.getBytes("/api/interventions/" + id + "/evaluation/print?format=pdf&comparison=ward:"
                + farWard);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // Kept for a look, beside the browser tests' screenshots.
        java.nio.file.Files.createDirectories(Path.of("target/screenshots"));
        java.nio.file.Files.write(Path.of("target/screenshots/evaluation-summary.pdf"), pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Did it work? Printed", "Weighted displacement quotient", "Cost per crime prevented");
        }
    }

    @Test
    void interventions_are_a_map_layer_and_can_be_changed_and_deleted() {
        String id = logCameras("Changeable", 0, "1000");
        JsonNode list = api.get("/api/interventions").json();
        assertThat(list.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(list.get("features")).anySatisfy(f -> assertThat(f.get("id").asText()).isEqualTo(id));
        ApiClient.Response put = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/interventions/" + id))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Week of action\","
                        + "\"kind\":\"week-of-action\",\"start\":\"2025-01-06\",\"end\":\"2025-01-12\","
                        + "\"target\":{\"area\":\"ward:" + farWard + "\"}}")));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode one = api.get("/api/interventions/" + id).json();
        assertThat(one.at("/properties/kind").asText()).isEqualTo("week-of-action");
        assertThat(one.at("/properties/target_source").asText()).isEqualTo("ward:" + farWard);
        assertThat(api.delete("/api/interventions/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/interventions/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/interventions/" + id).status()).isEqualTo(404);
    }

    @Test
    void the_hot_spots_of_a_stored_patrol_plan_become_the_target_in_one_request() throws Exception {
        ApiClient.Response plan = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/patrols/plan"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"start\":\"2025-06-13T08:00\",\"end\":\"2025-06-13T12:00\",\"units\":1}")));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        String planId = plan.json().get("id").asText();
        ApiClient.Response r = postJson(api, "{\"name\":\"Hot spot patrols\",\"kind\":\"patrol\","
                + "\"start\":\"2025-01-06\",\"target\":{\"patrolPlan\":\"" + planId + "\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/properties/target_source").asText()).startsWith("patrol:" + planId)
                .endsWith("100 m");
        // The planted clusters are the hot spots: the target covers the displacement site's centre.
        Geometry target = new GeoJsonReader().read(r.json().get("geometry").toString());
        assertThat(target.covers(target.getFactory().createPoint(new Coordinate(LON, LAT)))).isTrue();
    }

    @Test
    void bad_input_is_a_400_that_says_what_is_wrong() {
        String ok = "\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"target\":{\"area\":\"ward:" + farWard + "\"}";
        check("{" + ok + "}", "name is required");
        check("{\"name\":\"x\",\"kind\":\"drones\",\"start\":\"2025-01-10\",\"target\":{\"area\":\"ward:" + farWard
                + "\"}}", "kind must be");
        check("{\"name\":\"x\"," + ok.replace("2025-01-10", "10/01/2025") + "}", "start must be a date");
        check("{\"name\":\"x\"," + ok + ",\"end\":\"2024-01-01\"}", "end must not be before start");
        check("{\"name\":\"x\"," + ok + ",\"cost\":-5}", "cost must be between");
        check("{\"name\":\"x\"," + ok + ",\"categories\":[\"burglery\"]}", "not a category slug");
        check("{\"name\":\"x\"," + ok.replace("ward:" + farWard, "ward:nope") + "}", "unknown area");
        check("{\"name\":\"x\",\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"target\":{\"area\":\"ward:" + farWard
                + "\",\"patrolPlan\":\"p\"}}", "exactly one of");
        check("{\"name\":\"x\",\"kind\":\"patrol\",\"start\":\"2025-01-10\",\"target\":{\"patrolPlan\":\"none\"}}",
                "no patrol plan");
        check("{\"name\":\"x\",\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"target\":{\"sites\":" + sites(0) + "}}",
                "target.radius is required");
        check("{\"name\":\"x\",\"kind\":\"other\",\"start\":\"2025-01-10\",\"target\":{\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[-0.89,52.76],[-0.88,52.77],[-0.88,52.76],[-0.89,52.77],"
                + "[-0.89,52.76]]]}}}", "not a valid polygon");
        check("{\"name\":\"x\",\"kind\":\"other\",\"start\":\"2025-01-10\",\"target\":{\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[-3.0,51.0],[-2.9,51.0],[-2.9,51.1],[-3.0,51.0]]]}}}",
                "outside the service area");
        check("{\"name\":\"x\",\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"target\":{\"colour\":\"red\"}}",
                "unknown member 'target.colour'");
        check("{\"name\":\"x\",\"kind\":\"cctv\",\"start\":\"2025-01-10\",\"target\":{\"radius\":100,\"sites\":"
                + "{\"type\":\"LineString\",\"coordinates\":[[-0.89,52.76],[-0.88,52.77]]}}}", "holds no Point");
        check("not json", "not valid JSON");
        String id = logCameras("For bad queries", 0, "1000");
        assertThat(api.get("/api/interventions/" + id + "/evaluation?before=99").status()).isEqualTo(400);
        assertThat(api.get("/api/interventions/" + id + "/evaluation?window=3").status()).isEqualTo(400);
        assertThat(api.get("/api/interventions/" + id + "/evaluation?level=oa").status()).isEqualTo(400);
        assertThat(api.get("/api/interventions/" + id + "/evaluation?comparison=ward:nope").status()).isEqualTo(400);
        assertThat(api.get("/api/interventions/" + id + "/evaluation/print?format=docx").status()).isEqualTo(400);
        assertThat(api.get("/api/interventions/iv-none/evaluation").status()).isEqualTo(404);
    }

    @Test
    void an_intervention_after_the_data_end_cannot_be_evaluated_yet() {
        ApiClient.Response created = postJson(api, "{\"name\":\"Future\",\"kind\":\"lighting\",\"start\":\"2027-06-01\","
                + "\"target\":{\"area\":\"ward:" + farWard + "\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        ApiClient.Response r = api.get("/api/interventions/" + created.json().get("id").asText() + "/evaluation");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asText()).contains("nothing to evaluate yet");
    }

    private void check(String body, String message) {
        ApiClient.Response r = postJson(api, body);
        assertThat(r.status()).as(body + " -> " + r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).as(body).contains(message);
    }
}
