package uk.safermap.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDAL's OGC API - Features driver (OAPIF) as a real GIS client of the running service: it
 * lists the collections, and ogr2ogr copies incidents (paging through next links) and wards
 * into a GeoPackage with every feature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdalClientIT {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private String service;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR",
                dir.resolve("data").toString(), "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "6")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        service = "OAPIF:http://127.0.0.1:" + app.port() + "/";
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String tool(String var) {
        String v = System.getenv(var);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(var + " is not set: run the GIS-client test through ./scripts/test, "
                    + "which installs gdal-bin and sets it");
        }
        return v;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Result r = exec(command);
        assertThat(r.exit()).as(String.join(" ", command) + "\n" + r.output()).isZero();
        return r.output();
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("timed out: " + String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** GDAL sends the API token as a header on every request it makes. */
    private static List<String> withToken(String token, String... command) {
        List<String> out = new ArrayList<>(List.of(command[0], "--config", "GDAL_HTTP_HEADERS",
                "Authorization: Bearer " + token));
        out.addAll(List.of(command).subList(1, command.length));
        return out;
    }

    private static long featureCount(String ogrinfoOutput) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfoOutput);
        assertThat(m.find()).as(ogrinfoOutput).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void ogrinfo_lists_the_collections_each_role_may_read_and_nothing_without_a_token() throws Exception {
        String out = run(withToken(TestUsers.ANALYST, tool("SAFERMAP_OGRINFO"), "-ro", "-q", service)
                .toArray(String[]::new));
        for (String layer : List.of("incidents", "wards", "lsoa", "oa", "neighbourhoods")) {
            assertThat(out).contains(layer);
        }
        String councillor = run(withToken(TestUsers.COUNCILLOR, tool("SAFERMAP_OGRINFO"), "-ro", "-q", service)
                .toArray(String[]::new));
        assertThat(councillor).contains("wards").doesNotContain("incidents");
        Result anonymous = exec(tool("SAFERMAP_OGRINFO"), "-ro", "-q", service);
        assertThat(anonymous.exit()).isNotZero();
        assertThat(anonymous.output()).contains("401");
    }

    @Test
    void ogr2ogr_copies_incidents_and_wards_to_a_geopackage_with_every_feature() throws Exception {
        Path gpkg = dir.resolve("melton.gpkg");
        run(withToken(TestUsers.ANALYST, tool("SAFERMAP_OGR2OGR"), "-f", "GPKG", gpkg.toString(), service,
                "incidents", "wards").toArray(String[]::new));
        long incidents = api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asLong();
        assertThat(incidents).isGreaterThan(1000);
        assertThat(featureCount(run(tool("SAFERMAP_OGRINFO"), "-ro", "-so", gpkg.toString(), "incidents")))
                .isEqualTo(incidents);
        assertThat(featureCount(run(tool("SAFERMAP_OGRINFO"), "-ro", "-so", gpkg.toString(), "wards"))).isEqualTo(16);
        assertThat(run(tool("SAFERMAP_OGRINFO"), "-ro", "-so", gpkg.toString(), "incidents")).contains("category");
    }
}
