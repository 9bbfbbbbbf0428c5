package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.council.CouncilCaseSample;
import uk.safermap.geo.BritishNationalGrid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Council case types over real HTTP: an environmental case export imported with labels mapped to
 * the taxonomy, the council-cases collection, fly-tipping hot spots and ward figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilCaseApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient analyst;
    private ApiClient councillor;
    private JsonNode imported;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        analyst = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        councillor = new ApiClient(app.port()).withToken(TestUsers.COUNCILLOR);
        String csv = CouncilCaseSample.csv(3, 2024, 200)
                + "ENV-99998,2024-05-01,10:00,Burglary,474000,320000,Somewhere\n";
        ApiClient.Response r = analyst.post("/api/imports?format=council-cases&name=env.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        imported = r.json();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void labels_map_to_the_configured_types_and_unknown_labels_are_reported_by_line() {
        assertThat(imported.get("imported").asInt()).isEqualTo(CouncilCaseSample.HOTSPOT_CASES + 200);
        assertThat(imported.at("/rejected/0/line").asInt()).isEqualTo(CouncilCaseSample.HOTSPOT_CASES + 200 + 2);
        assertThat(imported.at("/rejected/0/reason").asText()).startsWith("unknown case type").contains("fly-tipping");
        JsonNode dog = analyst.get("/collections/council-cases/items?case_type=dog-fouling&limit=1000").json();
        assertThat(dog.get("numberMatched").asInt()).isPositive();
        for (JsonNode f : dog.get("features")) {
            assertThat(f.at("/properties/label").asText()).isIn("Dog mess", "Dog Fouling");
            assertThat(f.at("/properties/colour").asText()).isEqualTo("#bf812d");
        }
        JsonNode types = councillor.get("/api/council/types").json();
        assertThat(types.get("types").findValuesAsText("slug")).contains("fly-tipping", "drug-related-litter");
        JsonNode again = analyst.post("/api/imports?format=council-cases",
                CouncilCaseSample.csv(3, 2024, 200).getBytes(StandardCharsets.UTF_8)).json();
        assertThat(again.get("imported").asInt()).isZero();
    }

    @Test
    void the_planted_fly_tipping_hot_spot_is_found() {
        JsonNode r = analyst.get("/api/council/clusters?types=fly-tipping&eps=60&minPts=8").json();
        JsonNode top = r.at("/features/0/properties");
        double[] en = new BritishNationalGrid().toGrid(top.get("centreLon").asDouble(), top.get("centreLat").asDouble());
        assertThat(Math.hypot(en[0] - CouncilCaseSample.HOTSPOT_EASTING, en[1] - CouncilCaseSample.HOTSPOT_NORTHING))
                .isLessThan(30);
        assertThat(top.at("/types/fly-tipping").asInt()).isGreaterThanOrEqualTo(CouncilCaseSample.HOTSPOT_CASES);
        assertThat(analyst.get("/api/council/clusters?types=bins").status()).isEqualTo(400);
    }

    @Test
    void councillors_get_rounded_ward_figures_by_type_and_never_a_case() {
        assertThat(councillor.get("/collections/council-cases/items").status()).isEqualTo(403);
        assertThat(councillor.get("/api/council/clusters").status()).isEqualTo(403);
        JsonNode r = councillor.get("/api/wards/council-cases?from=2024-01&to=2024-12&types=fly-tipping,dog-fouling")
                .json();
        assertThat(r.get("types").toString()).isEqualTo("[\"dog-fouling\",\"fly-tipping\"]");
        int shown = 0;
        for (JsonNode f : r.get("features")) {
            JsonNode p = f.get("properties");
            for (JsonNode v : List.of(p.get("cases"), p.at("/byType/fly-tipping"), p.at("/byType/dog-fouling"))) {
                // A suppressed figure is null (or left out of byType).
                if (!v.isNull() && !v.isMissingNode()) {
                    assertThat(v.asInt() % 5).isZero();
                    assertThat(v.asInt()).isGreaterThanOrEqualTo(5);
                }
            }
            assertThat(p.get("byType").has("noise")).isFalse();
            shown += p.path("cases").isNull() || p.path("cases").isMissingNode() ? 0 : 1;
        }
        assertThat(shown).isPositive();
    }
}
