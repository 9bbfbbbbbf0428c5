package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.roads.Stats19Sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Road collisions over real HTTP: STATS19 imports in every naming, the collisions collection,
 * KSI hot spots that must find the planted clusters, and ward figures for councillors under the
 * disclosure rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollisionApiTest {

    @TempDir
    static Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private App app;
    private ApiClient analyst;
    private ApiClient police;
    private ApiClient councillor;
    private List<Stats19Sample.Row> year2024;

    @BeforeAll
    void start() throws IOException {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        analyst = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        police = new ApiClient(app.port()).withToken(TestUsers.POLICE);
        councillor = new ApiClient(app.port()).withToken(TestUsers.COUNCILLOR);
        year2024 = Stats19Sample.rows(11, 2024, 300);
        JsonNode current = importCsv(Stats19Sample.csv(Stats19Sample.Naming.CURRENT, year2024), 201);
        assertThat(current.get("naming").asText()).isEqualTo("current");
        assertThat(current.get("imported").asInt()).as(current.toString()).isEqualTo(year2024.size());
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            JsonNode real = analyst.post("/api/imports?format=stats19&name=melton-2023.csv", in.readAllBytes()).json();
            assertThat(real.get("imported").asInt()).isEqualTo(26);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode importCsv(String csv, int status) {
        ApiClient.Response r = analyst.post("/api/imports?format=stats19&name=sample.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json();
    }

    @Test
    void old_and_intermediate_namings_import_over_http_and_a_second_import_adds_nothing() {
        List<Stats19Sample.Row> old = Stats19Sample.rows(5, 2019, 10);
        JsonNode first = importCsv(Stats19Sample.csv(Stats19Sample.Naming.OLD, old), 201);
        assertThat(first.get("naming").asText()).isEqualTo("old");
        assertThat(first.get("imported").asInt()).isEqualTo(old.size());
        List<Stats19Sample.Row> mid = Stats19Sample.rows(6, 2021, 10);
        JsonNode second = importCsv(Stats19Sample.csv(Stats19Sample.Naming.INTERMEDIATE, mid), 201);
        assertThat(second.get("naming").asText()).isEqualTo("intermediate");
        JsonNode again = importCsv(Stats19Sample.csv(Stats19Sample.Naming.INTERMEDIATE, mid), 200);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(mid.size());
        JsonNode items = analyst.get("/collections/collisions/items?datetime=2019-01-01/2019-12-31&limit=1000").json();
        assertThat(items.get("numberMatched").asInt()).isEqualTo(old.size());
    }

    @Test
    void a_bad_row_is_reported_by_line_and_a_file_that_is_not_stats19_is_a_400() {
        String header = Stats19Sample.header(Stats19Sample.Naming.CURRENT);
        String line = Stats19Sample.line(Stats19Sample.Naming.CURRENT, Stats19Sample.rows(9, 2020, 0).get(0));
        JsonNode r = importCsv(header + "\n" + line.replaceFirst(",33,[123],", ",33,9,") + "\n", 200);
        assertThat(r.at("/rejected/0/line").asInt()).isEqualTo(2);
        assertThat(r.at("/rejected/0/field").asText()).isEqualTo("collision_severity");
        ApiClient.Response bad = analyst.post("/api/imports?format=stats19", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("collision_index");
    }

    @Test
    void the_collisions_collection_serves_severity_time_and_road_to_analysts_and_police_only() {
        JsonNode fatal = police.get("/collections/collisions/items?severity=fatal&datetime=2024-01-01/2024-12-31"
                + "&limit=1000").json();
        assertThat(fatal.get("numberMatched").asInt())
                .isEqualTo((int) year2024.stream().filter(r -> r.severity() == 1).count());
        JsonNode p = fatal.at("/features/0/properties");
        assertThat(p.get("severity").asText()).isEqualTo("fatal");
        assertThat(p.get("time").asText()).matches("\\d\\d:\\d\\d");
        JsonNode real = analyst.get("/collections/collisions/items?datetime=2023-01-16/2023-01-16").json();
        assertThat(real.at("/features/0/properties/road").asText()).isEqualTo("A607");
        assertThat(real.at("/features/0/properties/time").asText()).isEqualTo("18:55");

        assertThat(councillor.get("/collections/collisions/items").status()).isEqualTo(403);
        assertThat(councillor.get("/api/collisions/clusters").status()).isEqualTo(403);
        assertThat(councillor.get("/collections").json().get("collections").findValuesAsText("id"))
                .doesNotContain("collisions");
    }

    @Test
    void ksi_clusters_find_every_planted_cluster_ranked_by_value_of_prevention() {
        JsonNode r = police.get("/api/collisions/clusters?from=2024-01&to=2024-12").json();
        assertThat(r.at("/weights/fatal").asDouble()).isGreaterThan(80);
        List<JsonNode> clusters = new ArrayList<>();
        r.get("features").forEach(clusters::add);
        for (Stats19Sample.PlantedCluster planted : Stats19Sample.CLUSTERS) {
            assertThat(clusters).as(planted.name()).anySatisfy(c -> {
                JsonNode q = c.get("properties");
                assertThat(distance(planted, q.get("centreLon").asDouble(), q.get("centreLat").asDouble()))
                        .isLessThan(60);
                assertThat(q.get("fatal").asInt() + q.get("serious").asInt()).isGreaterThanOrEqualTo(planted.ksi());
                assertThat(q.get("roads").has("A" + planted.roadNumber())).isTrue();
            });
        }
        assertThat(clusters.get(0).at("/properties/rank").asInt()).isEqualTo(1);
        assertThat(clusters.get(0).at("/properties/harmWeight").asDouble())
                .isGreaterThanOrEqualTo(clusters.get(clusters.size() - 1).at("/properties/harmWeight").asDouble());
    }

    @Test
    void the_severity_weighted_density_peaks_at_the_planted_clusters() {
        JsonNode r = police.get("/api/collisions/density?from=2024-01&to=2024-12&peaks=3").json();
        assertThat(r.get("peaks")).hasSize(3);
        for (Stats19Sample.PlantedCluster planted : Stats19Sample.CLUSTERS) {
            assertThat(r.get("peaks")).as(planted.name()).anySatisfy(peak ->
                    assertThat(Math.hypot(peak.get("easting").asDouble() - planted.easting(),
                            peak.get("northing").asDouble() - planted.northing())).isLessThan(100));
        }
    }

    @Test
    void gi_star_on_road_cells_marks_the_planted_clusters_hot() {
        JsonNode r = police.get("/api/collisions/gistar?from=2024-01&to=2024-12").json();
        assertThat(r.get("roadCells").asInt()).isGreaterThan(100);
        for (Stats19Sample.PlantedCluster planted : Stats19Sample.CLUSTERS) {
            double[] lonLat = grid.toWgs84(planted.easting(), planted.northing());
            JsonNode cell = null;
            for (JsonNode f : r.get("features")) {
                JsonNode ring = f.at("/geometry/coordinates/0");
                double minLon = 180;
                double maxLon = -180;
                double minLat = 90;
                double maxLat = -90;
                for (JsonNode c : ring) {
                    minLon = Math.min(minLon, c.get(0).asDouble());
                    maxLon = Math.max(maxLon, c.get(0).asDouble());
                    minLat = Math.min(minLat, c.get(1).asDouble());
                    maxLat = Math.max(maxLat, c.get(1).asDouble());
                }
                if (lonLat[0] >= minLon && lonLat[0] <= maxLon && lonLat[1] >= minLat && lonLat[1] <= maxLat) {
                    cell = f;
                }
            }
            assertThat(cell).as(planted.name()).isNotNull();
            assertThat(cell.at("/properties/class").asText()).as(planted.name()).startsWith("hot-");
        }
        assertThat(police.get("/api/collisions/gistar?cell=10").status()).isEqualTo(400);
    }

    @Test
    void hour_of_week_and_road_stretches_count_every_collision() {
        JsonNode h = police.get("/api/collisions/hour-of-week?from=2024-01&to=2024-12").json();
        int sum = 0;
        for (JsonNode day : h.get("collisions")) {
            for (JsonNode hour : day) {
                sum += hour.asInt();
            }
        }
        assertThat(sum + h.get("withoutTime").asInt()).isEqualTo(year2024.size());
        JsonNode roads = police.get("/api/collisions/roads?from=2024-01&to=2024-12&severity=ksi&gap=300").json();
        JsonNode a607 = null;
        for (JsonNode road : roads.get("roads")) {
            if (road.get("road").asText().equals("A607")) {
                a607 = road;
            }
        }
        assertThat(a607).isNotNull();
        assertThat(a607.at("/stretches/0/collisions").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(a607.at("/stretches/0/lengthMetres").asInt()).isLessThanOrEqualTo(120);
        assertThat(police.get("/api/collisions/roads?gap=0").status()).isEqualTo(400);
        assertThat(police.get("/api/collisions/clusters?severity=deadly").status()).isEqualTo(400);
    }

    @Test
    void councillors_see_collisions_as_rounded_ward_figures_with_small_counts_suppressed() {
        ApiClient.Response r = councillor.get("/api/wards/collisions?from=2024-01&to=2024-12");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/disclosure/roundingBase").asInt()).isEqualTo(5);
        int shown = 0;
        int maxShown = 0;
        for (JsonNode f : body.get("features")) {
            JsonNode p = f.get("properties");
            for (String field : List.of("collisions", "ksi", "fatal")) {
                if (!p.get(field).isNull()) {
                    assertThat(p.get(field).asInt() % 5).isZero();
                    assertThat(p.get(field).asInt()).isGreaterThanOrEqualTo(5);
                }
            }
            assertThat(p.get("suppressed").asBoolean()).isEqualTo(p.get("collisions").isNull());
            shown += p.get("collisions").isNull() ? 0 : 1;
            maxShown = Math.max(maxShown, p.get("collisions").asInt(0));
            // Three fatal collisions in a year, one per planted cluster: no ward may show a fatal count.
            assertThat(p.get("fatal").isNull()).isTrue();
        }
        assertThat(shown).isGreaterThan(0);
        // Quantile class breaks of the shown figures for the viewer's map: ascending, the last the largest ward.
        List<Double> breaks = new ArrayList<>();
        body.at("/breaks/collisions").forEach(b -> breaks.add(b.asDouble()));
        assertThat(breaks).isNotEmpty().hasSizeLessThanOrEqualTo(5).isSorted().doesNotHaveDuplicates();
        assertThat(breaks.get(breaks.size() - 1)).isEqualTo(maxShown);
        assertThat(body.at("/breaks/ksi").isArray()).isTrue();
    }

    private double distance(Stats19Sample.PlantedCluster planted, double lon, double lat) {
        double[] en = grid.toGrid(lon, lat);
        return Math.hypot(en[0] - planted.easting(), en[1] - planted.northing());
    }

    @Test
    void speeding_complaints_and_speedwatch_sessions_are_a_layer_beside_collisions() {
        String csv = "reference,date,time,source,location,longitude,latitude,easting,northing,speed_limit,"
                + "vehicles_checked,vehicles_over,max_speed,mean_speed\n"
                + "SC-1,2024-03-02,08:15,Resident complaint,Scalford Road,-0.8871,52.7765,,,30,,,,\n"
                + "SC-2,2024-03-09,07:30,Community Speedwatch,Thorpe Road,,,478600,321400,30,212,37,48,31.5\n"
                + "SC-3,2024-03-10,09:00,Petition,Nottingham Road,-0.89,52.77,,,30,,,,\n"
                + "SC-4,2024-03-11,09:00,Community Speedwatch,London,-0.12,51.5,,,30,100,10,41,\n";
        ApiClient.Response r = analyst.post("/api/imports?format=speed-concerns&name=speed.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        assertThat(r.json().at("/rejected/0/line").asInt()).isEqualTo(4);
        assertThat(r.json().at("/rejected/0/reason").asText()).startsWith("unknown source");
        assertThat(r.json().at("/rejected/1/reason").asText()).startsWith("outside the service area");

        JsonNode items = police.get("/collections/speed-concerns/items?datetime=2024-03-01/2024-03-31").json();
        assertThat(items.get("features").findValuesAsText("source")).containsExactly("complaint", "speedwatch");
        JsonNode session = items.at("/features/1/properties");
        assertThat(session.get("vehicles_checked").asInt()).isEqualTo(212);
        assertThat(session.get("vehicles_over").asInt()).isEqualTo(37);
        assertThat(session.get("max_speed").asDouble()).isEqualTo(48.0);
        assertThat(session.get("time").asText()).isEqualTo("07:30");
        assertThat(councillor.get("/collections/speed-concerns/items").status()).isEqualTo(403);
        assertThat(analyst.post("/api/imports?format=speed-concerns", csv.getBytes(StandardCharsets.UTF_8)).json()
                .get("duplicates").asInt()).isEqualTo(2);
    }
}
