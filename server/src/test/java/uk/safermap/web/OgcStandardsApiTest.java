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
import uk.safermap.geo.BritishNationalGrid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What GIS clients check beyond the core: single features link to themselves and their
 * collection, a bbox across the antimeridian, British National Grid output and bbox (OGC API -
 * Features Part 2), queryables and filtering by the property's own name, and real extents for
 * the boundary collections. Real service, real police.uk-format rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcStandardsApiTest {

    private static final String BNG = "http://www.opengis.net/def/crs/EPSG/0/27700";
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;

    @BeforeAll
    void start() throws IOException {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        try (InputStream in = getClass().getResourceAsStream("/ingest/police-good-and-bad.csv")) {
            assertThat(api.post("/api/imports?format=police-csv", in.readAllBytes()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_single_feature_links_to_itself_and_its_collection() {
        JsonNode ward = api.get("/collections/wards/items/E05005503").json();
        assertThat(ward.get("links").findValuesAsText("rel")).containsExactly("self", "collection");
        assertThat(ward.at("/links/0/href").asText()).endsWith("/collections/wards/items/E05005503");
        assertThat(ward.at("/links/1/href").asText()).endsWith("/collections/wards");
    }

    @Test
    void a_bbox_across_the_antimeridian_is_two_boxes_and_finds_nothing_in_melton() {
        for (String c : new String[] {"incidents", "wards"}) {
            ApiClient.Response r = api.get("/collections/" + c + "/items?bbox=177,65,-177,70");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("numberMatched").asInt()).isZero();
        }
        // The long way round: from 0 east to the antimeridian and on to a meridian west of Melton's centre.
        assertThat(api.get("/collections/incidents/items?bbox=0,52,-0.5,53").json().get("numberMatched").asInt())
                .isEqualTo(4);
        assertThat(api.get("/collections/incidents/items?bbox=0,52,-0.9,53").json().get("numberMatched").asInt())
                .isEqualTo(2);
        assertThat(api.get("/collections/incidents/items?bbox=0,52,-0.95,53").json().get("numberMatched").asInt())
                .isZero();
    }

    @Test
    void collections_advertise_both_crs_and_the_conformance_class() {
        assertThat(api.get("/conformance").text()).contains("ogcapi-features-2/1.0/conf/crs");
        JsonNode incidents = api.get("/collections/incidents").json();
        assertThat(incidents.get("crs").toString()).contains(CRS84, BNG);
        assertThat(incidents.get("storageCrs").asText()).isEqualTo(CRS84);
    }

    @Test
    void features_come_in_british_national_grid_when_asked() {
        ApiClient.Response lonLat = api.get("/collections/incidents/items?limit=1");
        ApiClient.Response grid = api.get("/collections/incidents/items?limit=1&crs=" + BNG);
        assertThat(lonLat.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
        assertThat(grid.headers().firstValue("Content-Crs")).hasValue("<" + BNG + ">");
        JsonNode p = lonLat.json().at("/features/0/geometry/coordinates");
        JsonNode g = grid.json().at("/features/0/geometry/coordinates");
        double[] expected = new BritishNationalGrid().toGrid(p.get(0).asDouble(), p.get(1).asDouble());
        assertThat(g.get(0).asDouble()).isCloseTo(expected[0], within(0.01));
        assertThat(g.get(1).asDouble()).isCloseTo(expected[1], within(0.01));
        assertThat(g.get(0).asDouble()).isCloseTo(grid.json().at("/features/0/properties/easting").asDouble(), within(1.0));

        ApiClient.Response one = api.get("/collections/wards/items/E05005503?crs=" + BNG);
        assertThat(one.headers().firstValue("Content-Crs")).hasValue("<" + BNG + ">");
        JsonNode easting = one.json().at("/geometry/coordinates");
        while (easting.isArray()) {
            easting = easting.get(0);
        }
        assertThat(easting.asDouble()).isBetween(460_000.0, 500_000.0);
    }

    @Test
    void a_bbox_in_british_national_grid_selects_by_grid_position() {
        JsonNode all = api.get("/collections/incidents/items?crs=" + BNG).json();
        JsonNode first = all.at("/features/0/geometry/coordinates");
        double e = first.get(0).asDouble();
        double n = first.get(1).asDouble();
        String box = (e - 1) + "," + (n - 1) + "," + (e + 1) + "," + (n + 1);
        JsonNode near = api.get("/collections/incidents/items?bbox-crs=" + BNG + "&bbox=" + box).json();
        assertThat(near.get("numberMatched").asInt()).isPositive().isLessThan(all.get("numberMatched").asInt());
        assertThat(near.at("/features/0/id").asLong()).isEqualTo(all.at("/features/0/id").asLong());
        assertThat(api.get("/collections/wards/items?bbox-crs=" + BNG + "&bbox=" + box).json()
                .get("numberMatched").asInt()).isPositive().isLessThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crs=EPSG:4326", "crs=http://www.opengis.net/def/crs/EPSG/0/3857",
            "bbox-crs=urn:nope&bbox=1,2,3,4", "bbox-crs=" + BNG + "&bbox=500000,300000,400000,310000",
            "category=jaywalking", "category=burglary&crime_type=burglary"})
    void bad_crs_and_filters_get_400_with_a_message(String query) {
        ApiClient.Response r = api.get("/collections/incidents/items?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }

    @Test
    void queryables_list_the_category_and_items_filter_on_it_by_name() {
        ApiClient.Response q = api.get("/collections/incidents/queryables");
        assertThat(q.contentType()).startsWith("application/schema+json");
        assertThat(q.json().at("/properties/category/enum").toString()).contains("burglary", "anti-social-behaviour");
        assertThat(q.json().at("/properties/geometry/format").asText()).isEqualTo("geometry-point");
        assertThat(api.get("/collections/incidents").json().get("links").findValuesAsText("rel"))
                .contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
        JsonNode asb = api.get("/collections/incidents/items?category=anti-social-behaviour").json();
        assertThat(asb.get("numberMatched").asInt()).isEqualTo(2);
        assertThat(asb.get("features").findValuesAsText("category")).containsOnly("anti-social-behaviour");
        assertThat(api.get("/collections/incidents/items?crime_type=anti-social-behaviour").json()
                .get("numberMatched").asInt()).isEqualTo(2);
        assertThat(api.get("/collections/wards/queryables").json().get("properties").size()).isEqualTo(1);
    }

    @Test
    void boundary_collections_report_their_real_extent() {
        JsonNode bbox = api.get("/collections/wards").json().at("/extent/spatial/bbox/0");
        assertThat(bbox.get(0).asDouble()).isBetween(-1.1, -0.9);
        assertThat(bbox.get(1).asDouble()).isBetween(52.6, 52.7);
        assertThat(bbox.get(2).asDouble()).isBetween(-0.75, -0.6);
        assertThat(bbox.get(3).asDouble()).isBetween(52.9, 53.0);
    }
}
