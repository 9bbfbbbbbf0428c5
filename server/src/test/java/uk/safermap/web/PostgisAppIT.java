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

    /** Any other write with a NUL in its text is refused with 400 and a message, not failed with 500. */
    @Test
    void a_road_collision_file_with_a_nul_character_is_refused_with_400() throws Exception {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String withNul = csv.replaceFirst("E01025906", "E0102\u00005906");
        var r = api.post("/api/imports?format=stats19&name=nul.csv", withNul.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("NUL");
    }
}
