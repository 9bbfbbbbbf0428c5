package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as served, through the linters GIS and API tooling users run: Redocly
 * CLI (its recommended rules) and swagger-cli report no error.
 */
class OpenApiLintIT {

    @TempDir
    Path dir;

    @Test
    void redocly_and_swagger_cli_find_no_error_in_the_served_document() throws Exception {
        Path file = dir.resolve("openapi.json");
        try (App app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load())) {
            Files.writeString(file, new ApiClient(app.port()).get("/api").text());
        }
        String redocly = run(tool("SAFERMAP_REDOCLY"), "lint", "--format=stylish", file.toString());
        assertThat(redocly).contains("Your API description is valid").doesNotContain(" error ");
        assertThat(run(tool("SAFERMAP_SWAGGER_CLI"), "validate", file.toString())).contains("is valid");
    }

    private static String tool(String var) {
        String v = System.getenv(var);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(var + " is not set: run this test through ./scripts/test, which installs "
                    + "the linters (tools/openapi-lint) and sets it");
        }
        return v;
    }

    /** Runs a linter; a non-zero exit (which both use for errors) fails with its output. */
    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("timed out: " + String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
