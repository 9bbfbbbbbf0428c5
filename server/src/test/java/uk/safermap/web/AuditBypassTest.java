package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit cannot be skipped: every spelling of a point-level path either finds nothing (4xx)
 * or leaves an audit row naming the canonical route; HEAD is authenticated like GET; and when
 * the audit row cannot be written the data is not sent at all. Real HTTP on the embedded store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBypassTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient anonymous;
    private ApiClient analyst;
    private ApiClient admin;
    private long someIncident;

    @BeforeAll
    void start() throws IOException {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        anonymous = new ApiClient(app.port());
        analyst = anonymous.withToken(TestUsers.ANALYST);
        admin = anonymous.withToken(TestUsers.ADMIN);
        try (InputStream in = AuditBypassTest.class.getResourceAsStream("/ingest/police-good-and-bad.csv")) {
            assertThat(analyst.post("/api/imports?format=police-csv", in.readAllBytes()).status()).isEqualTo(201);
        }
        someIncident = analyst.get("/collections/incidents/items?limit=1").json().at("/features/0/id").asLong();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private ApiClient.Response send(ApiClient client, String method, String rawPath) {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + rawPath))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode newestAudit() {
        return admin.get("/api/admin/audit?limit=1").json().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/collections/incidents/items",
        "/collections/%69ncidents/items",
        "/collections/incidents/%69tems",
        "/collections/%69%6e%63%69%64%65%6e%74%73/items",
        "//collections/incidents/items",
        "/collections//incidents/items",
        "/collections/incidents//items",
        "/collections/incidents/items/",
        "/collections/incidents/items//",
        "/Collections/incidents/items",
        "/collections/INCIDENTS/items",
        "/collections/Incidents/items",
        "/collections/incidents%2Fitems",
        "/collections/incidents/items;x=1",
        "/collections/incidents;x=1/items",
        "/collections/./incidents/items",
        "/collections/x/../incidents/items",
        "/collections/%2e/incidents/items",
        "/collections/incidents/items%3Flimit=3",
    })
    void every_spelling_of_the_incident_items_path_is_refused_or_audited(String path) {
        for (String method : new String[] {"GET", "HEAD"}) {
            long before = newestAudit().get("id").asLong();
            ApiClient.Response r = send(analyst, method, path + (path.contains("%3F") ? "" : "?limit=3"));
            JsonNode newest = newestAudit();
            if (r.status() == 200) {
                assertThat(newest.get("id").asLong()).as(method + " " + path + " was answered 200 unaudited")
                        .isGreaterThan(before);
                assertThat(newest.get("action").asText()).isEqualTo(method + " /collections/incidents/items");
                assertThat(newest.get("user").asText()).isEqualTo("ana");
            } else {
                assertThat(r.status()).as(method + " " + path).isBetween(400, 499);
                assertThat(r.text()).doesNotContain("Feature");
                assertThat(newest.get("id").asLong()).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collections/incidents/items/%s", "/collections/%%69ncidents/items/%s",
        "/collections/incidents/items/%s/", "//collections/incidents/items/%s"})
    void a_single_incident_by_any_spelling_is_refused_or_audited(String pattern) {
        long before = newestAudit().get("id").asLong();
        ApiClient.Response r = send(analyst, "GET", String.format(pattern, someIncident));
        JsonNode newest = newestAudit();
        if (r.status() == 200) {
            assertThat(newest.get("id").asLong()).isGreaterThan(before);
            assertThat(newest.get("action").asText()).isEqualTo("GET /collections/incidents/items/" + someIncident);
            assertThat(newest.get("rows").asLong()).isEqualTo(1);
        } else {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(newest.get("id").asLong()).isEqualTo(before);
        }
    }

    @Test
    void point_analyses_by_another_spelling_are_audited_under_their_route() {
        long before = newestAudit().get("id").asLong();
        ApiClient.Response r = send(analyst, "GET", "/api/hotspots/%63lusters/");
        if (r.status() < 400) {
            JsonNode newest = newestAudit();
            assertThat(newest.get("id").asLong()).isGreaterThan(before);
            assertThat(newest.get("action").asText()).isEqualTo("GET /api/hotspots/clusters");
        } else {
            assertThat(newestAudit().get("id").asLong()).isEqualTo(before);
        }
    }

    @Test
    void head_is_authenticated_and_authorised_like_get() {
        assertThat(send(anonymous, "HEAD", "/collections/incidents/items").status()).isEqualTo(401);
        assertThat(send(anonymous, "HEAD", "/api/admin/audit").status()).isEqualTo(401);
        assertThat(send(anonymous.withToken(TestUsers.COUNCILLOR), "HEAD", "/collections/incidents/items").status())
                .isEqualTo(403);
        assertThat(send(analyst, "HEAD", "/api/admin/audit").status()).isEqualTo(403);
        assertThat(send(anonymous, "HEAD", "/health").status()).isEqualTo(200);
    }

    @Test
    void incident_json_is_never_stored_by_a_cache() {
        ApiClient.Response r = analyst.get("/collections/incidents/items?limit=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(analyst.get("/collections/incidents/items/" + someIncident).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void when_the_audit_row_cannot_be_written_no_point_data_is_sent() throws SQLException {
        // The same embedded database the service uses, opened in this JVM, as an operator's tool would.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("safermap")
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event RENAME TO audit_event_away");
            try {
                for (String path : new String[] {"/collections/incidents/items?limit=2",
                        "/collections/incidents/items/" + someIncident, "/api/hotspots/clusters",
                        // answered with ctx.json: written after the handler, before Javalin sends the result
                        "/api/areas/profile"}) {
                    ApiClient.Response r = analyst.get(path);
                    assertThat(r.status()).as(path).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                    assertThat(r.json().get("message").asText()).contains("audit");
                    assertThat(r.text()).doesNotContain("Feature").doesNotContain("coordinates");
                }
                // Aggregates owe no audit row, so they are still served.
                assertThat(analyst.get("/api/areas").status()).isEqualTo(200);
            } finally {
                s.execute("ALTER TABLE audit_event_away RENAME TO audit_event");
            }
        }
        assertThat(analyst.get("/collections/incidents/items?limit=2").status()).isEqualTo(200);
        assertThat(analyst.get("/api/areas/profile").status()).isEqualTo(200);
    }
}
