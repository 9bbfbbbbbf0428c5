package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.council.CouncilCaseSample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API - Features Part 3 CQL2 text filters over real HTTP on the real Melton police.uk months
 * the service seeds, a real STATS19 extract and generated council cases: each construct returns exactly the features of the
 * equivalent {@code category=}/{@code severity=}/{@code bbox} request, and what the store cannot do
 * is a 400 naming the part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcFilterApiTest {

    private static final String TOWN = "-0.9,52.75,-0.87,52.78";

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private List<String> categories;

    @BeforeAll
    void start() throws IOException {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString())).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            assertThat(api.post("/api/imports?format=stats19&name=melton-2023.csv", in.readAllBytes()).status())
                    .isEqualTo(201);
        }
        ApiClient.Response cases = api.post("/api/imports?format=council-cases&name=cases.csv",
                CouncilCaseSample.csv(3, 2024, 100).getBytes(StandardCharsets.UTF_8));
        assertThat(cases.status()).as(cases.text()).isEqualTo(201);
        categories = new ArrayList<>();
        api.get("/collections/incidents/queryables").json().at("/properties/category/enum")
                .forEach(v -> categories.add(v.asText()));
        assertThat(categories).contains("burglary", "shoplifting");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode items(String collection, String query) {
        ApiClient.Response r = api.get("/collections/" + collection + "/items?limit=10000&" + query);
        assertThat(r.status()).as(query + " -> " + r.text()).isEqualTo(200);
        return r.json();
    }

    private JsonNode filtered(String collection, String filter, String more) {
        return items(collection, "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + more);
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("features").forEach(f -> out.add(f.get("id").asText()));
        assertThat(page.get("numberMatched").asInt()).isEqualTo(out.size());
        return out;
    }

    private String categoriesWhere(Predicate<String> keep) {
        return String.join(",", categories.stream().filter(keep).toList());
    }

    private void sameAs(String collection, String filter, String more, String equivalent) {
        List<String> expected = ids(items(collection, equivalent));
        assertThat(expected).as(equivalent).isNotEmpty();
        assertThat(ids(filtered(collection, filter, more))).as(filter).containsExactlyElementsOf(expected);
    }

    @Test
    void comparisons_lists_and_boolean_logic_match_the_category_parameter() {
        sameAs("incidents", "category = 'burglary'", "", "category=burglary");
        sameAs("incidents", "'burglary' = category", "", "category=burglary");
        sameAs("incidents", "category IN ('burglary', 'shoplifting')", "", "category=burglary,shoplifting");
        sameAs("incidents", "category = 'burglary' or (category = 'shoplifting')", "", "category=burglary,shoplifting");
        sameAs("incidents", "category <> 'burglary'", "", "category=" + categoriesWhere(c -> !c.equals("burglary")));
        sameAs("incidents", "NOT category IN ('burglary','shoplifting')", "",
                "category=" + categoriesWhere(c -> !c.equals("burglary") && !c.equals("shoplifting")));
        sameAs("incidents", "category < 'd'", "", "category=" + categoriesWhere(c -> c.compareTo("d") < 0));
        sameAs("incidents", "category >= 'public-order' AND category <= 'vehicle-crime'", "",
                "category=" + categoriesWhere(c -> c.compareTo("public-order") >= 0 && c.compareTo("vehicle-crime") <= 0));
        sameAs("incidents", "category BETWEEN 'public-order' AND 'vehicle-crime'", "",
                "category=" + categoriesWhere(c -> c.compareTo("public-order") >= 0 && c.compareTo("vehicle-crime") <= 0));
        sameAs("incidents", "category IN ('burglary','shoplifting') AND NOT category = 'burglary'", "",
                "category=shoplifting");
        sameAs("collisions", "severity IN ('fatal', 'serious')", "", "severity=ksi");
        sameAs("collisions", "severity <> 'slight'", "", "severity=ksi");
        List<String> caseTypes = new ArrayList<>();
        api.get("/collections/council-cases/queryables").json().at("/properties/case_type/enum")
                .forEach(v -> caseTypes.add(v.asText()));
        assertThat(caseTypes).contains("fly-tipping", "dog-fouling");
        sameAs("council-cases", "case_type = 'fly-tipping' OR case_type = 'dog-fouling'", "",
                "case_type=fly-tipping,dog-fouling");
        sameAs("council-cases", "NOT case_type = 'fly-tipping'", "",
                "case_type=" + String.join(",", caseTypes.stream().filter(c -> !c.equals("fly-tipping")).toList()));
    }

    @Test
    void s_intersects_a_bbox_matches_the_bbox_parameter_and_combines_with_it() {
        sameAs("incidents", "S_INTERSECTS(geometry, BBOX(" + TOWN + "))", "", "bbox=" + TOWN);
        sameAs("incidents", "s_intersects(geometry,bbox(" + TOWN + ")) AND category IN ('burglary','shoplifting')", "",
                "bbox=" + TOWN + "&category=burglary,shoplifting");
        sameAs("incidents", "S_INTERSECTS(geometry, BBOX(-0.9,52.75,-0.85,52.78))", "&bbox=-1,52.7,-0.87,52.9",
                "bbox=" + TOWN);
        sameAs("collisions", "S_INTERSECTS(geometry, BBOX(-1.2,52.5,-0.6,53)) AND severity = 'slight'", "",
                "bbox=-1.2,52.5,-0.6,53&severity=slight");
        int west = ids(items("incidents", "bbox=-1.2,52.5,-0.9,53")).size();
        int east = ids(items("incidents", "bbox=-0.8999,52.5,-0.6,53")).size();
        assertThat(ids(filtered("incidents", "S_INTERSECTS(geometry, BBOX(-1.2,52.5,-0.9,53)) OR "
                + "S_INTERSECTS(geometry, BBOX(-0.8999,52.5,-0.6,53))", ""))).hasSize(west + east);
    }

    @Test
    void a_contradiction_matches_nothing_and_conformance_names_the_filter_classes() {
        assertThat(filtered("incidents", "category = 'burglary' AND category = 'shoplifting'", "")
                .get("numberMatched").asInt()).isZero();
        assertThat(filtered("incidents", "S_INTERSECTS(geometry, BBOX(-1,52,-0.95,52.1)) AND "
                + "S_INTERSECTS(geometry, BBOX(-0.9,52,-0.85,52.1))", "").get("numberMatched").asInt()).isZero();
        assertThat(api.get("/conformance").text())
                .contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter")
                .contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "category = | column 11",
            "category = 'burglary' AND | column 26",
            "category == 'burglary' | column 11",
            "category = 'burglary | column 12",
            "category = 'burglary' OR S_INTERSECTS(geometry, BBOX(-1,52,0,53)) | OR is supported between conditions on one",
            "category = 'burglary' OR crime_id = 'a' | 'crime_id' is not a queryable",
            "NOT S_INTERSECTS(geometry, BBOX(-1,52,0,53)) | NOT is supported on conditions on a single queryable",
            "category = 3 | compare them with a quoted 'string'",
            "category = 'jaywalking' | 'jaywalking' is not a value of category",
            "S_INTERSECTS(category, BBOX(-1,52,0,53)) | S_INTERSECTS applies to the geometry property",
            "S_INTERSECTS(geometry, BBOX(-1,53,0,52)) | minLat <= maxLat",
            "S_INTERSECTS(geometry, POLYGON((0 0,1 0,1 1,0 0))) | column 24",
            "category = category | compare one queryable with a literal"})
    void malformed_and_unsupported_filters_are_400_with_the_position_or_reason(String filter, String reason) {
        ApiClient.Response r = api.get("/collections/incidents/items?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).as(filter).contains(reason);
    }

    @Test
    void a_filter_nested_as_deep_as_a_url_allows_is_answered() {
        // 1,000 levels is about as deep as fits in the server's 8 KiB request line once encoded.
        int burglaries = ids(items("incidents", "category=burglary")).size();
        for (String prefix : new String[] {"(", "NOT "}) {
            String deep = prefix.repeat(1000) + "category = 'burglary'" + (prefix.equals("(") ? ")".repeat(1000) : "");
            assertThat(ids(filtered("incidents", deep, ""))).hasSize(burglaries);
        }
    }

    @Test
    void the_filter_language_is_cql2_text_and_a_filter_does_not_repeat_a_parameter() {
        assertThat(filtered("incidents", "category = 'burglary'", "&filter-lang=cql2-text").get("numberMatched")
                .asInt()).isPositive();
        ApiClient.Response json = api.get("/collections/incidents/items?filter-lang=cql2-json&filter=x");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.text()).contains("filter-lang must be cql2-text");
        ApiClient.Response both = api.get("/collections/incidents/items?category=burglary&filter="
                + URLEncoder.encode("category = 'burglary'", StandardCharsets.UTF_8));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text()).contains("give category= or a filter on category, not both");
        ApiClient.Response grid = api.get("/collections/incidents/items?bbox=470000,318000,480000,320000"
                + "&bbox-crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F27700&filter="
                + URLEncoder.encode("S_INTERSECTS(geometry, BBOX(-1,52,0,53))", StandardCharsets.UTF_8));
        assertThat(grid.status()).isEqualTo(400);
        assertThat(grid.text()).contains("give bbox in CRS84 too");
    }
}
