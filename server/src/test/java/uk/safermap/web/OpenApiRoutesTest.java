package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.auth.Access;
import uk.safermap.config.ConfigLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against the route table: the same operations both ways, each with
 * the security its access level implies (open routes {@code security: []}), an operationId, a tag
 * and a 4xx response where one can happen; the server is the address the document was fetched
 * from, and the page sizes are this installation's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiRoutesTest {

    @TempDir
    static Path dir;

    private App app;
    private JsonNode doc;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        doc = new ApiClient(app.port()).get("/api").json();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    @Test
    void every_route_is_documented_and_every_documented_operation_is_a_route() {
        Set<String> routes = new TreeSet<>();
        app.endpoints().forEach(e -> routes.add(key(e.method().name(), e.path())));
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(key(m, p.getKey()))));
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void each_operation_has_the_security_of_its_access_level() {
        List<String> wrong = new ArrayList<>();
        for (Routes.Endpoint e : app.endpoints()) {
            JsonNode op = doc.at("/paths").get(e.path()).get(e.method().name().toLowerCase(Locale.ROOT));
            JsonNode security = op.get("security");
            boolean open = e.access() == Access.OPEN;
            if (security == null || !security.isArray() || security.isEmpty() != open
                    || !op.path("x-access").asText().equals(e.access().name().toLowerCase(Locale.ROOT))) {
                wrong.add(key(e.method().name(), e.path()) + " (" + e.access() + "): " + security);
            }
            if (!open) {
                assertThat(op.at("/responses/401").isMissingNode()).as(e.path() + " documents 401").isFalse();
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void operations_have_unique_ids_tags_and_known_tags() {
        Set<String> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        for (Map.Entry<String, JsonNode> p : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
            for (JsonNode op : p.getValue()) {
                assertThat(ids.add(op.path("operationId").asText())).as("unique operationId at " + p.getKey()).isTrue();
                assertThat(op.path("operationId").asText()).isNotBlank();
                assertThat(op.get("tags")).isNotEmpty().allSatisfy(t -> assertThat(tags).contains(t.asText()));
            }
        }
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
    }

    @Test
    void the_server_is_where_the_document_was_fetched_and_limits_are_this_installation_s() {
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://127.0.0.1:" + app.port());
        assertThat(doc.at("/components/parameters/limit/schema/default").asInt()).isEqualTo(100);
        assertThat(doc.at("/components/parameters/limit/schema/maximum").asInt()).isEqualTo(10_000);
        assertThat(doc.at("/paths/~1collections~1{collectionId}~1items/get/parameters").findValuesAsText("$ref"))
                .contains("#/components/parameters/limit");
    }

    /**
     * The OGC test suite finds a collection's paging limits through the collectionId enum: a
     * collection missing from it is paged at the suite's own size and miscounted.
     */
    @Test
    void every_collection_is_in_the_collection_id_enum_of_every_collection_path() {
        List<String> ids = new ArrayList<>();
        new ApiClient(app.port()).withToken(TestUsers.ANALYST).get("/collections").json().get("collections")
                .forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).contains("incidents", "collisions", "speed-concerns", "council-cases");
        for (String path : List.of("/collections/{collectionId}", "/collections/{collectionId}/items",
                "/collections/{collectionId}/items/{featureId}", "/collections/{collectionId}/queryables")) {
            List<String> documented = new ArrayList<>();
            for (JsonNode prm : doc.get("paths").get(path).at("/get/parameters")) {
                if (prm.path("name").asText().equals("collectionId")) {
                    prm.at("/schema/enum").forEach(v -> documented.add(v.asText()));
                }
            }
            assertThat(documented).as(path).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /**
     * The query parameters each capability's parameter record reads are the ones documented, and
     * no others: asked with a name nobody reads, the service lists what it accepts, which must be
     * what the document lists. A parameter added to a record and not to the document fails here.
     */
    @Test
    void the_query_parameters_an_operation_reads_are_the_documented_ones() {
        ApiClient admin = new ApiClient(app.port()).withToken(TestUsers.ADMIN);
        Map<String, String> pathValues = Map.of("{id}", "x", "{code}", "E05005503", "{z}", "12", "{x}", "2041",
                "{y}", "1361.png");
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Routes.Endpoint e : app.endpoints()) {
            String method = e.method().name().toLowerCase(Locale.ROOT);
            Set<String> documented = new TreeSet<>();
            for (JsonNode prm : doc.at("/paths").get(e.path()).get(method).path("parameters")) {
                JsonNode resolved = prm.has("$ref")
                        ? doc.at(prm.get("$ref").asText().substring(1)) : prm;
                if (resolved.path("in").asText().equals("query")) {
                    documented.add(resolved.get("name").asText());
                }
            }
            // Records read the query string of the analysis, planning and figure endpoints; OGC API
            // routes, search, imports and the format switches of body uploads parse their own.
            boolean readsARecord = (method.equals("get") && (e.path().startsWith("/api/") || e.path().startsWith(
                    "/tiles/")) && !documented.isEmpty() && !e.path().equals("/api/search"))
                    || e.path().equals("/api/patrols/plan/{id}/tracks");
            if (!readsARecord) {
                continue;
            }
            String path = e.path();
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                path = path.replace(v.getKey(), v.getValue());
            }
            ApiClient.Response r = method.equals("get") ? admin.get(path + "?zz-unread=1")
                    : admin.post(path + "?zz-unread=1", new byte[0]);
            String message = r.json() == null ? r.text() : r.json().path("message").asText();
            int at = message.indexOf("accepted: ");
            if (r.status() != 400 || !message.startsWith("unknown query parameter 'zz-unread'") || at < 0) {
                wrong.add(key(method, e.path()) + " answered " + r.status() + " " + message);
                continue;
            }
            Set<String> accepted = new TreeSet<>(List.of(message.substring(at + "accepted: ".length()).split(", ")));
            if (!accepted.equals(documented)) {
                wrong.add(key(method, e.path()) + " reads " + accepted + " but documents " + documented);
            }
            checked.add(key(method, e.path()));
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).hasSizeGreaterThan(20).contains("GET /api/hotspots/clusters",
                "GET /api/placement/cctv/coverage", "GET /api/wards/choropleth", "GET /api/collisions/density");
    }
}
