package uk.safermap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies flow one way: HTTP handlers -> services -> domain / store. These checks read the
 * imports of the main sources, so a shortcut through the layers fails the build.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/uk/safermap");

    private static List<Path> sourcesImporting(String prefix) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).lines().anyMatch(l -> l.startsWith("import " + prefix)))
                    .map(MAIN::relativize)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_sources_are_where_this_test_looks() {
        assertThat(MAIN.resolve("App.java")).exists();
    }

    @Test
    void only_the_web_package_knows_about_http() {
        assertThat(sourcesImporting("io.javalin")).allSatisfy(p -> assertThat(p.toString()).startsWith("web/"));
    }

    @Test
    void only_the_jdbc_store_and_the_benchmark_peers_speak_sql() {
        assertThat(sourcesImporting("java.sql")).allSatisfy(p -> assertThat(p.toString())
                .matches("store/jdbc/.*|bench/.*"));
        assertThat(sourcesImporting("org.postgresql")).allSatisfy(p -> assertThat(p.toString())
                .matches("store/jdbc/.*|bench/.*"));
    }

    @Test
    void domain_geo_layers_and_ingest_do_not_reach_up_into_web_or_down_into_jdbc() {
        for (String pkg : List.of("domain", "geo", "layers", "ingest", "areas", "sample", "analysis", "placement",
                "patrol", "evaluation")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(read(p))
                        .as(p.toString())
                        .doesNotContain("import uk.safermap.web.")
                        .doesNotContain("import uk.safermap.store.jdbc."));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void the_algorithms_are_pure_over_arrays_and_geometry() {
        for (String pkg : List.of("cluster", "density", "grid", "stats", "nearrepeat")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve("analysis").resolve(pkg))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(read(p).lines()
                        .filter(l -> l.startsWith("import uk.safermap.")))
                        .as(p.toString())
                        .allMatch(l -> l.startsWith("import uk.safermap.analysis.cluster")
                                || l.startsWith("import uk.safermap.analysis.density")
                                || l.startsWith("import uk.safermap.analysis.grid")
                                || l.startsWith("import uk.safermap.analysis.stats")
                                || l.startsWith("import uk.safermap.analysis.nearrepeat")
                                || l.startsWith("import uk.safermap.geo.")
                                || l.startsWith("import uk.safermap.domain.")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void the_placement_solvers_are_pure_over_arrays() {
        for (String pkg : List.of("mclp", "allocation")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve("placement").resolve(pkg))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(read(p).lines()
                        .filter(l -> l.startsWith("import uk.safermap.")))
                        .as(p.toString())
                        .allMatch(l -> l.startsWith("import uk.safermap.placement." + pkg)
                                || l.equals("import uk.safermap.ortools.OrTools;")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void the_patrol_algorithms_are_pure_over_arrays_geometry_and_time() {
        for (String prefix : List.of("uk.safermap.", "io.javalin", "java.sql", "com.fasterxml")) {
            assertThat(sourcesImporting(prefix)).as("sources importing " + prefix)
                    .noneMatch(p -> p.toString().matches("patrol/(risk|routing)/.*") && read(MAIN.resolve(p)).lines()
                            .anyMatch(l -> l.startsWith("import " + prefix)
                                    && !l.equals("import uk.safermap.ortools.OrTools;")));
        }
        assertThat(sourcesImporting("uk.safermap.")).as("the OR-Tools loader stands below the solvers")
                .noneMatch(p -> p.toString().startsWith("ortools/"));
    }

    /** Main sources, except those whose path (relative to uk/safermap) matches {@code allowed}, that contain {@code text}. */
    private static List<String> sourcesContaining(String text, String allowed) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).toString().matches(allowed))
                    .filter(p -> read(p).contains(text))
                    .map(p -> MAIN.relativize(p).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void geometry_factories_are_made_once_in_geo() {
        assertThat(sourcesContaining("new GeometryFactory(", "geo/GeometryFactories.java")).isEmpty();
    }

    @Test
    void or_tools_is_loaded_one_way() {
        assertThat(sourcesContaining("Loader.loadNativeLibraries", "ortools/OrTools.java")).isEmpty();
        assertThat(sourcesContaining("import com.google.ortools.Loader;", "ortools/OrTools.java")).isEmpty();
    }

    @Test
    void the_time_comes_from_the_one_clock_that_the_composition_roots_make() {
        assertThat(sourcesContaining(".now()", "")).as("now() without a Clock").isEmpty();
        assertThat(sourcesContaining("Clock.system", "App.java|cli/.*|bench/.*")).isEmpty();
    }

    @Test
    void months_are_counted_one_way() {
        assertThat(sourcesContaining("getYear() * 12", "domain/MonthIndex.java")).isEmpty();
        // patrol/risk stands below every SaferMap package, so ShiftRisk keeps its own one line
        assertThat(sourcesContaining("Math.floorMod(index, 12) + 1", "domain/MonthIndex.java")).isEmpty();
    }

    @Test
    void errors_are_mapped_by_type_and_a_plain_illegal_argument_is_no_client_error() {
        String apiErrors = read(MAIN.resolve("web/ApiErrors.java"));
        assertThat(apiErrors).contains("app.exception(InvalidInputException.class")
                .doesNotContain("app.exception(IllegalArgumentException.class");
        assertThat(sourcesContaining(".replace(\"crime_type\"", "$^")).as("handlers rewriting other layers' messages")
                .isEmpty();
    }

    @Test
    void the_disclosure_policy_stands_below_every_service_that_asks_it() {
        try (Stream<Path> files = Files.walk(MAIN.resolve("privacy"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(read(p).lines()
                    .filter(l -> l.startsWith("import uk.safermap.")))
                    .as(p.toString())
                    .allMatch(l -> l.startsWith("import uk.safermap.domain.")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sourcesImporting("uk.safermap.privacy")).extracting(Path::toString)
                .contains("analysis/DensityService.java", "councillor/WardChoroplethService.java",
                        "layers/tiles/DensityTileService.java");
    }

    @Test
    void configuration_is_read_only_at_the_top() {
        assertThat(sourcesImporting("uk.safermap.config")).allSatisfy(p -> assertThat(p.toString())
                .matches("App.java|config/.*|cli/.*|StoreSeeder.java"));
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("config")) && !p.startsWith(MAIN.resolve("cli")))
                    .forEach(p -> assertThat(read(p)).as(p.toString()).doesNotContain("System.getenv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_package_says_what_it_is_for_and_cites_only_what_the_repository_holds() {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN))
                    .forEach(d -> assertThat(d.resolve("package-info.java")).as(MAIN.relativize(d).toString()).exists());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> assertThat(read(p)).as(p.toString()).doesNotContain("DOMAIN.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(Path.of("../docs/methods.md")).exists();
    }
}
