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
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API of a real running service on the embedded store: OGC API - Features, imports,
 * neighbourhood editing and health, including bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;

    @BeforeAll
    void start() throws IOException {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        assertThat(api.post("/api/imports?format=police-csv", resource("police-good-and-bad.csv")).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiTest.class.getResourceAsStream("/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void health_names_the_store_and_nothing_about_the_data() {
        ApiClient.Response h = new ApiClient(app.port()).get("/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().get("status").asText()).isEqualTo("ok");
        assertThat(h.json().get("store").asText()).isEqualTo("h2gis");
        assertThat(h.json().size()).isEqualTo(2);
        assertThat(api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asLong()).isEqualTo(4);
    }

    @Test
    void search_finds_a_place_a_grid_reference_and_refuses_an_empty_query() {
        JsonNode place = api.get("/api/search?q=Bottesford").json();
        assertThat(place.at("/matches/0/kind").asText()).isEqualTo("place");
        assertThat(place.at("/matches/0/name").asText()).isEqualTo("Bottesford");
        JsonNode ref = api.get("/api/search?q=SK%20751%20191").json();
        assertThat(ref.at("/matches/0/kind").asText()).isEqualTo("gridref");
        assertThat(ref.at("/matches/0/lon").asDouble()).isBetween(-0.89, -0.885);
        assertThat(ref.at("/matches/0/lat").asDouble()).isBetween(52.764, 52.767);
        for (String bad : new String[] {"/api/search", "/api/search?q=%20", "/api/search?q=" + "x".repeat(101)}) {
            ApiClient.Response r = api.get(bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("message").asText()).contains("q ");
        }
        // The viewer's settings name the wards and places to draw, with the places' licence.
        JsonNode config = api.get("/api/viewer/config").json();
        assertThat(config.get("wardNames")).hasSize(16);
        assertThat(config.get("placeNames")).hasSize(33);
        assertThat(config.get("placesAttribution").asText()).contains("GeoNames", "CC BY 4.0");
    }

    @Test
    void the_landing_page_is_json_for_clients_and_the_viewer_for_browsers() {
        JsonNode landing = api.get("/").json();
        assertThat(landing.get("links").findValuesAsText("rel"))
                .contains("self", "service-desc", "conformance", "data");
        var html = api.getAccepting("/", "text/html,application/xhtml+xml");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertThat(api.get("/api").json().get("openapi").asText()).startsWith("3.0");
        assertThat(api.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
    }

    @Test
    void conformance_and_collections_follow_ogc_api_features_core() {
        assertThat(api.get("/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson");
        JsonNode collections = api.get("/collections").json().get("collections");
        assertThat(collections.findValuesAsText("id")).containsExactly("incidents", "collisions", "speed-concerns", "council-cases", "wards", "lsoa", "oa",
                "neighbourhoods");
        JsonNode incidents = api.get("/collections/incidents").json();
        assertThat(incidents.at("/extent/spatial/bbox/0").size()).isEqualTo(4);
        assertThat(incidents.at("/extent/temporal/interval/0/0").asText()).isEqualTo("2025-03-01T00:00:00Z");
        assertThat(api.get("/collections/nope").status()).isEqualTo(404);
    }

    @Test
    void items_page_with_number_matched_and_next_links() {
        JsonNode page = api.get("/collections/incidents/items?limit=3").json();
        assertThat(page.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(4);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(3);
        String next = null;
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals("next")) {
                next = l.get("href").asText();
            }
        }
        assertThat(next).contains("offset=3").contains("limit=3");
        JsonNode last = api.get(next.substring(next.indexOf("/collections"))).json();
        assertThat(last.get("numberReturned").asInt()).isEqualTo(1);
        assertThat(last.get("links").findValuesAsText("rel")).doesNotContain("next");
    }

    @Test
    void items_filter_by_bbox_datetime_and_crime_type() {
        assertThat(api.get("/collections/incidents/items?bbox=-0.89,52.76,-0.88,52.77").json()
                .get("numberMatched").asInt()).isEqualTo(1);
        assertThat(api.get("/collections/incidents/items?datetime=2025-05-01/..").json()
                .get("numberMatched").asInt()).isEqualTo(1);
        assertThat(api.get("/collections/incidents/items?datetime=2025-03-15T12:00:00Z").json()
                .get("numberMatched").asInt()).isEqualTo(3);
        JsonNode asb = api.get("/collections/incidents/items?crime_type=anti-social-behaviour").json();
        assertThat(asb.get("numberMatched").asInt()).isEqualTo(2);
        JsonNode f = asb.get("features").get(0);
        assertThat(f.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(f.at("/properties/category").asText()).isEqualTo("anti-social-behaviour");
        assertThat(f.at("/properties/crime_id").isNull()).isTrue();
        JsonNode one = api.get("/collections/incidents/items/" + f.get("id").asLong()).json();
        assertThat(one.get("id").asLong()).isEqualTo(f.get("id").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bbox=1,2,3", "bbox=a,b,c,d", "bbox=0,60,-1,50", "bbox=-200,0,0,10",
            "datetime=yesterday", "datetime=2025-05-01/2025-01-01", "datetime=a/b/c", "limit=0", "limit=ten",
            "offset=-1", "crime_type=jaywalking", "colour=red", "f=xml"})
    void bad_item_parameters_get_400_with_a_message(String query) {
        ApiClient.Response r = api.get("/collections/incidents/items?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }

    @Test
    void limits_above_the_maximum_are_clamped_not_refused() {
        assertThat(api.get("/collections/incidents/items?limit=50000").status()).isEqualTo(200);
    }

    @Test
    void boundary_collections_are_seeded_with_melton_wards_and_neighbourhoods() {
        assertThat(api.get("/collections/wards/items?limit=100").json().get("numberMatched").asInt()).isEqualTo(16);
        assertThat(api.get("/collections/lsoa/items?limit=1").json().get("numberMatched").asInt()).isEqualTo(30);
        assertThat(api.get("/collections/oa/items?limit=1").json().get("numberMatched").asInt()).isEqualTo(166);
        JsonNode egerton = api.get("/collections/wards/items/E05005503").json();
        assertThat(egerton.at("/properties/name").asText()).isEqualTo("Melton Egerton");
        assertThat(api.get("/api/areas/fairmead").json().at("/properties/approximate").asBoolean()).isTrue();
    }

    @Test
    void an_upload_in_the_wrong_format_is_a_400_and_imports_nothing() {
        long before = api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asLong();
        ApiClient.Response r = api.post("/api/imports?format=geojson", "Crime ID,Month\n".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("not valid JSON");
        assertThat(api.post("/api/imports?format=xml", new byte[0]).status()).isEqualTo(400);
        assertThat(api.post("/api/imports", new byte[0]).status()).isEqualTo(400);
        assertThat(api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asLong()).isEqualTo(before);
    }

    @Test
    void reimporting_a_file_reports_duplicates_and_rejections() throws IOException {
        ApiClient.Response r = api.post("/api/imports?format=police-csv", resource("police-good-and-bad.csv"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isZero();
        assertThat(r.json().get("duplicates").asInt()).isEqualTo(4);
        JsonNode first = r.json().get("rejected").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(5);
        assertThat(first.get("field").asText()).isEqualTo("Longitude");
        assertThat(first.get("value").asText()).isEqualTo("abc");
        assertThat(first.get("reason").asText()).isEqualTo("not a number");
    }

    @Test
    void neighbourhoods_can_be_created_replaced_and_deleted() {
        String feature = """
                {"type":"Feature","properties":{"name":"Station quarter","approximate":true},
                 "geometry":{"type":"Polygon","coordinates":[[[-0.888,52.760],[-0.884,52.760],[-0.884,52.762],[-0.888,52.762],[-0.888,52.760]]]}}""";
        assertThat(api.put("/api/areas/station", feature).status()).isEqualTo(201);
        assertThat(api.put("/api/areas/station", feature.replace("Station quarter", "Station")).status()).isEqualTo(200);
        assertThat(api.get("/api/areas/station").json().at("/properties/name").asText()).isEqualTo("Station");
        assertThat(api.get("/api/areas").json().get("features").findValuesAsText("id")).contains("station", "egerton");
        assertThat(api.delete("/api/areas/station").status()).isEqualTo(204);
        assertThat(api.get("/api/areas/station").status()).isEqualTo(404);
        assertThat(api.delete("/api/areas/station").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"type\":\"FeatureCollection\",\"features\":[]}",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"}}",
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.888,52.760],[-0.884,52.760],[-0.884,52.762],[-0.888,52.760]]]}}",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-0.888,52.760]}}",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"bowtie\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"NAME_TOO_LONG\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.888,52.760],[-0.884,52.760],[-0.884,52.762],[-0.888,52.760]]]}}",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"London\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.5]]]}}"})
    void bad_neighbourhood_bodies_get_400(String body) {
        ApiClient.Response r = api.put("/api/areas/bad", body.replace("NAME_TOO_LONG", "n".repeat(201)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }

    @Test
    void a_bad_neighbourhood_id_gets_400() {
        String feature = """
                {"type":"Feature","properties":{"name":"x"},
                 "geometry":{"type":"Polygon","coordinates":[[[-0.888,52.760],[-0.884,52.760],[-0.884,52.762],[-0.888,52.760]]]}}""";
        assertThat(api.put("/api/areas/Bad_Id", feature).status()).isEqualTo(400);
    }

    @Test
    void viewer_config_lists_categories_attribution_and_the_data_extent() {
        JsonNode c = api.get("/api/viewer/config").json();
        assertThat(c.get("categories").size()).isEqualTo(14);
        assertThat(c.get("dataAttribution").asText()).contains("Crown copyright");
        assertThat(c.get("basemapUrl").asText()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(c.get("basemapAttribution").asText()).contains("OpenStreetMap contributors");
        assertThat(c.at("/extent/firstMonth").asText()).isEqualTo("2025-03");
        assertThat(c.at("/extent/lastMonth").asText()).isEqualTo("2025-05");
        assertThat(c.get("sampleData").asBoolean()).isFalse();
    }

    @Test
    void responses_carry_security_headers_and_errors_leak_no_internals() {
        ApiClient.Response r = api.get("/collections/incidents/items?limit=abc");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at uk.safermap");
        // A large streamed body too: headers must be set before the body goes out.
        ApiClient.Response big = api.get("/collections/oa/items?limit=1000");
        assertThat(big.text().length()).isGreaterThan(100_000);
        assertThat(big.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'"));
        assertThat(big.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        ApiClient.Response bad = api.put("/api/areas/x", "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"oops\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void ids_of_digits_keep_their_leading_zeros() {
        String feature = """
                {"type":"Feature","properties":{"name":"Zero zero seven"},
                 "geometry":{"type":"Polygon","coordinates":[[[-0.888,52.760],[-0.884,52.760],[-0.884,52.762],[-0.888,52.760]]]}}""";
        assertThat(api.put("/api/areas/007", feature).status()).isEqualTo(201);
        JsonNode f = api.get("/collections/neighbourhoods/items/007").json();
        assertThat(f.get("id").isTextual()).isTrue();
        assertThat(f.get("id").asText()).isEqualTo("007");
        assertThat(api.get("/collections/incidents/items?limit=1").json().at("/features/0/id").isNumber()).isTrue();
        assertThat(api.delete("/api/areas/007").status()).isEqualTo(204);
    }
}
