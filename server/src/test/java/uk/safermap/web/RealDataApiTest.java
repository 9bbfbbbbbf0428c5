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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a new user starts it: seeded with the real Melton months shipped in
 * gis-data/melton, and the default analyses over them leave no incident out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private int extractRows;

    @BeforeAll
    void start() throws Exception {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString())).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("../gis-data/melton/police-uk-melton-street.csv.gz"))),
                StandardCharsets.UTF_8))) {
            extractRows = (int) r.lines().count() - 1;
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_new_store_opens_on_every_real_melton_row_and_names_its_source_and_licence() {
        assertThat(api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asInt())
                .isEqualTo(extractRows);
        JsonNode config = api.get("/api/viewer/config").json();
        assertThat(config.get("sampleData").asBoolean()).isFalse();
        assertThat(config.get("dataSource").asText())
                .startsWith("data.police.uk, Leicestershire Police, months 2019-12 to 2021-11")
                .contains("Open Government Licence v3.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&from=2021-06&to=2021-12", "&types=burglary"})
    void default_gi_star_emerging_and_dbscan_runs_analyse_every_selected_incident(String filter) {
        for (String path : new String[] {"/api/hotspots/gistar?cell=100", "/api/hotspots/emerging?cell=200",
                "/api/hotspots/clusters?eps=50"}) {
            JsonNode summary = api.get(path + filter).json().get("summary");
            assertThat(summary.get("incidentsSelected").asInt()).as(path + filter).isPositive();
            assertThat(summary.get("incidentsAnalysed").asInt()).as(path + filter)
                    .isEqualTo(summary.get("incidentsSelected").asInt());
        }
        JsonNode all = api.get("/api/hotspots/gistar?cell=100").json().get("summary");
        assertThat(all.get("incidentsSelected").asInt()).isEqualTo(extractRows);
    }

    @Test
    void no_profile_names_a_top_location_on_or_near_nothing_or_a_place_kind_alone() {
        JsonNode areas = api.get("/api/areas/profile?from=2020-01&to=2021-11&baseline=2019").json().get("areas");
        assertThat(areas.size()).isPositive();
        int locations = 0;
        for (JsonNode area : areas) {
            for (JsonNode l : area.get("topLocations")) {
                locations++;
                assertThat(l.get("location").asText()).as(area.get("name").asText())
                        .isNotBlank().doesNotMatch("(?i)on or near\\s*(|parking area|petrol station|supermarket)");
            }
        }
        assertThat(locations).isPositive();
    }

    @Test
    void the_town_centre_gets_gi_star_cells_judged_against_the_borough() {
        JsonNode r = api.get("/api/hotspots/gistar?cell=100&area=neighbourhood:town-centre").json();
        assertThat(r.get("features").size()).isPositive();
        assertThat(r.get("warnings").toString()).doesNotContain("needs at least");
        int hot = r.at("/summary/classCounts/hot-99").asInt() + r.at("/summary/classCounts/hot-95").asInt();
        assertThat(hot).as("the busiest streets of the borough are in its town centre").isPositive();
        assertThat(r.at("/summary/incidentsAnalysed").asInt()).isEqualTo(r.at("/summary/incidentsSelected").asInt())
                .isPositive();
    }
}
