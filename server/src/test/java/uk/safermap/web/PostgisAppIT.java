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
}
