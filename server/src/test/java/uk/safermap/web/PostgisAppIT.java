package uk.safermap.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.store.jdbc.PostgisTestSchema;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service on PostGIS, selected by the one setting SAFERMAP_DB_URL, seeded and serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgisAppIT {

    @TempDir
    static Path dir;

    private PostgisTestSchema schema;
    private App app;
    private ApiClient api;

    @BeforeAll
    void start() throws Exception {
        schema = PostgisTestSchema.create();
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_DB_URL", schema.url(), "SAFERMAP_DB_USER", schema.user(),
                "SAFERMAP_DB_PASSWORD", schema.password(), "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "3")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        schema.close();
    }

    @Test
    void seeds_boundaries_and_the_sample_into_postgis_and_serves_them() {
        var health = api.get("/health").json();
        assertThat(health.get("store").asText()).isEqualTo("postgis");
        assertThat(api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asLong()).isGreaterThan(500);
        assertThat(api.get("/collections/wards/items").json().get("numberMatched").asInt()).isEqualTo(16);
        assertThat(api.get("/collections/incidents/items?bbox=-0.90,52.76,-0.88,52.77&limit=5").json()
                .get("numberMatched").asInt()).isPositive();
        assertThat(api.get("/api/viewer/config").json().get("sampleData").asBoolean()).isTrue();
    }

    @Test
    void imports_over_http_into_postgis_and_a_reimport_adds_nothing() throws Exception {
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/ingest/council.csv")) {
            csv = in.readAllBytes();
        }
        var first = api.post("/api/imports?format=council-csv", csv).json();
        assertThat(first.get("imported").asInt()).isEqualTo(3);
        assertThat(first.get("rejectedCount").asInt()).isEqualTo(3);
        var again = api.post("/api/imports?format=council-csv", csv).json();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(api.get("/collections/incidents/items?datetime=2025-03-14&limit=10").json()
                .get("numberMatched").asInt()).isEqualTo(1);
    }

    /** PostgreSQL keeps no NUL in text: the row holding one is reported, and the rest of the file is kept. */
    @Test
    void a_row_with_a_nul_character_is_rejected_and_the_others_imported() {
        String csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context\n"
                + "nul-1,2025-02,Leicestershire Police,Leicestershire Police,-0.8870,52.7656,On or near Nott\u0000ingham Road,"
                + "E01025894,Melton 007C,Burglary,,\n"
                + "nul-2,2025-02,Leicestershire Police,Leicestershire Police,-0.8871,52.7657,On or near Burton Street,"
                + "E01025894,Melton 007C,Burglary,,\n";
        var r = api.post("/api/imports?format=police-csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
        var report = r.json();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("NUL");
    }

    /**
     * The same for every other CSV import: the council's cases, speed concerns and STATS19
     * collisions each report the row holding a NUL, by its line and column, and keep the rest.
     */
    @Test
    void every_csv_import_rejects_a_row_with_a_nul_character_and_keeps_the_others() throws Exception {
        String stats19;
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            stats19 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int collisions = (int) stats19.lines().count() - 1;
        Map<String, String> files = Map.of(
                "council-csv", "Case Reference,Incident Date,Incident Time,Incident Type,Easting,Northing,Street\n"
                        + "NUL-1,14/03/2025,21:30,Fly-tipping,475200,319100,Market\u0000 Place\n"
                        + "NUL-2,15/03/2025,21:30,Fly-tipping,475300,319200,King Street\n",
                "speed-concerns", "reference,date,time,source,location,longitude,latitude,speed_limit\n"
                        + "NUL-1,2024-03-02,08:15,Resident complaint,Scalford\u0000 Road,-0.8871,52.7765,30\n"
                        + "NUL-2,2024-03-03,08:15,Resident complaint,Thorpe Road,-0.8850,52.7700,30\n",
                "stats19", stats19.replaceFirst("E01025906", "E0102\u00005906"));
        Map<String, Integer> kept = Map.of("council-csv", 1, "speed-concerns", 1, "stats19", collisions - 1);
        for (Map.Entry<String, String> f : files.entrySet()) {
            var r = api.post("/api/imports?format=" + f.getKey() + "&name=nul.csv",
                    f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.status()).as(f.getKey() + ": " + r.text()).isEqualTo(201);
            assertThat(r.json().get("imported").asInt()).as(f.getKey()).isEqualTo(kept.get(f.getKey()));
            assertThat(r.json().at("/rejected/0/line").asInt()).as(f.getKey()).isEqualTo(2);
            assertThat(r.json().at("/rejected/0/reason").asText()).as(f.getKey()).contains("NUL");
            assertThat(r.json().at("/rejected/0/value").asText()).as(f.getKey()).contains("\u2400");
        }
    }

    /** Any other write with a NUL in its text is refused with 400 and a message, not failed with 500. */
    @Test
    void an_intervention_named_with_a_nul_character_is_refused_with_400() {
        String body = "{\"name\":\"Cameras\\u0000 on Nottingham Road\",\"kind\":\"cctv\",\"start\":\"2025-01-10\","
                + "\"end\":\"2025-12-31\",\"categories\":[\"burglary\"],\"target\":{\"sites\":"
                + "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-0.887,52.7656]}}]},\"radius\":150}}";
        var r = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/interventions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("NUL");
    }
}
