package uk.safermap.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every pooled connection taken, requests are answered 503 with Retry-After (not 500), no
 * point data goes out unaudited, and the service recovers when connections come free. A pool of
 * one, waiting 250 ms, on the embedded store over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreBusyApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient analyst;

    @BeforeAll
    void start() throws Exception {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off", "SAFERMAP_DB_POOL_SIZE", "1", "SAFERMAP_DB_POOL_WAIT_MS", "250")).load());
        analyst = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        try (InputStream in = StoreBusyApiTest.class.getResourceAsStream("/ingest/police-good-and-bad.csv")) {
            assertThat(analyst.post("/api/imports?format=police-csv", in.readAllBytes()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void an_exhausted_pool_is_a_503_with_retry_after_and_the_service_recovers() throws Exception {
        try (Connection held = app.dataSource().getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            for (String path : new String[] {"/health", "/collections/incidents/items?limit=2", "/api/hotspots/clusters",
                    "/api/areas"}) {
                ApiClient.Response r = analyst.get(path);
                assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(r.json().get("message").asText()).as(path).contains("busy");
                assertThat(r.text()).doesNotContain("Feature");
            }
        }
        assertThat(analyst.get("/health").status()).isEqualTo(200);
        assertThat(analyst.get("/collections/incidents/items?limit=2").status()).isEqualTo(200);
    }
}
