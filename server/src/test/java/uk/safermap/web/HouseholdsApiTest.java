package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households per output area loaded once over HTTP ({@code PUT /api/households}) and then used by
 * every doorbell allocation in place of the ONS design size, on the 12-month generated sample.
 * Its own service, because a load changes every later allocation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdsApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "12")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private List<String> outputAreaCodes() {
        List<String> codes = new ArrayList<>();
        api.get("/collections/oa/items?limit=10000").json().get("features")
                .forEach(f -> codes.add(f.at("/properties/code").asText()));
        return codes;
    }

    private Map<String, JsonNode> allocationByArea() {
        ApiClient.Response r = api.post("/api/placement/doorbells", "{\"units\":200}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.json().get("features").forEach(f -> out.put(f.at("/properties/code").asText(), f.get("properties")));
        out.put("notes", r.json().get("notes"));
        return out;
    }

    @Test
    void loaded_households_replace_the_estimate_and_bad_files_change_nothing() {
        List<String> codes = outputAreaCodes();
        assertThat(codes).hasSizeGreaterThan(10);
        assertThat(allocationByArea().get(codes.get(0)).get("householdsEstimated").asBoolean()).isTrue();

        ApiClient.Response header = api.put("/api/households", "oa,homes\n" + codes.get(0) + ",140\n");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("message").asText()).isEqualTo("the CSV needs a header code,households; got [oa, homes]");
        ApiClient.Response unknown = api.put("/api/households", "code,households\n" + codes.get(0) + ",140\nE05005503,90\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText())
                .isEqualTo("line 3, code: 'E05005503' is not an output area of the borough; see /collections/oa/items");
        ApiClient.Response negative = api.put("/api/households", "code,households\n" + codes.get(0) + ",-4\n");
        assertThat(negative.json().get("message").asText()).isEqualTo("line 2, households: must not be negative");
        assertThat(api.get("/api/households").json().get("households").size()).isZero();

        StringBuilder csv = new StringBuilder("code,households\n");
        for (int i = 0; i < codes.size() - 1; i++) {
            csv.append(codes.get(i)).append(',').append(100 + i).append('\n');
        }
        ApiClient.Response put = api.put("/api/households?source=census%202021", csv.toString());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("outputAreas").asInt()).isEqualTo(codes.size() - 1);
        assertThat(put.json().get("missing").toString()).isEqualTo("[\"" + codes.get(codes.size() - 1) + "\"]");
        JsonNode loaded = api.get("/api/households").json();
        assertThat(loaded.get("source").asText()).isEqualTo("census 2021");
        assertThat(loaded.at("/households/" + codes.get(3)).asInt()).isEqualTo(103);

        Map<String, JsonNode> after = allocationByArea();
        assertThat(after.get(codes.get(3)).get("households").asInt()).isEqualTo(103);
        assertThat(after.get(codes.get(3)).get("householdsEstimated").asBoolean()).isFalse();
        JsonNode last = after.get(codes.get(codes.size() - 1));
        assertThat(last.get("households").asInt()).isEqualTo(125);
        assertThat(last.get("householdsEstimated").asBoolean()).isTrue();
        assertThat(after.get("notes").toString()).contains((codes.size() - 1) + " loaded from census 2021");

        // Counts given with a request still win over the loaded ones.
        ApiClient.Response given = api.post("/api/placement/doorbells", ("{\"units\":200,\"households\":{\""
                + codes.get(3) + "\":7}}").getBytes(StandardCharsets.UTF_8));
        given.json().get("features").forEach(f -> {
            if (f.at("/properties/code").asText().equals(codes.get(3))) {
                assertThat(f.at("/properties/households").asInt()).isEqualTo(7);
            }
        });
    }
}
