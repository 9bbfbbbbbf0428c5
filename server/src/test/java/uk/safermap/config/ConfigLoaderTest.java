package uk.safermap.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_bind_to_localhost_on_7070_with_the_embedded_store_and_the_sample() {
        AppConfig c = ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, writeFile("")))
                .load();
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.server().port()).isEqualTo(7070);
        assertThat(c.store().isPostgis()).isFalse();
        assertThat(c.store().dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.sample().enabled()).isTrue();
        assertThat(c.area().marginMetres()).isEqualTo(2000);
        assertThat(c.viewer().basemapUrl()).isEqualTo(AppConfig.Viewer.OSM_TILES);
    }

    @Test
    void the_environment_overrides_the_file_which_overrides_the_defaults() {
        String file = writeFile("SAFERMAP_PORT=8080\nSAFERMAP_SAMPLE=off\nSAFERMAP_DB_URL=jdbc:postgresql://file/db\n");
        ConfigLoader loader = ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, file,
                "SAFERMAP_PORT", "9090", "SAFERMAP_DB_URL", "jdbc:postgresql://env/db"));
        AppConfig c = loader.load();
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.sample().enabled()).isFalse();
        assertThat(c.store().dbUrl()).contains("jdbc:postgresql://env/db");
        assertThat(loader.dbUrlSource()).isEqualTo("environment SAFERMAP_DB_URL");
    }

    @Test
    void the_basemap_is_openstreetmap_unless_another_is_given_or_it_is_off() {
        AppConfig.Viewer osm = ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, writeFile(""))).load().viewer();
        assertThat(osm.basemapUrl()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(osm.basemapAttribution()).isEqualTo("\u00a9 OpenStreetMap contributors");
        AppConfig.Viewer off = ConfigLoader.from(Map.of("SAFERMAP_BASEMAP_URL", "off")).load().viewer();
        assertThat(off.basemapUrl()).isEmpty();
        assertThat(off.basemapAttribution()).isEmpty();
        AppConfig.Viewer other = ConfigLoader.from(Map.of("SAFERMAP_BASEMAP_URL", "https://tiles.example.org/{z}/{x}/{y}.png",
                "SAFERMAP_BASEMAP_ATTRIBUTION", "Example")).load().viewer();
        assertThat(other.basemapUrl()).startsWith("https://tiles.example.org/");
        assertThat(other.basemapAttribution()).isEqualTo("Example");
    }

    @Test
    void malformed_values_fail_with_the_setting_named() {
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("SAFERMAP_PORT", "seventy")).load())
                .hasMessageContaining("SAFERMAP_PORT");
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("SAFERMAP_SAMPLE", "maybe")).load())
                .hasMessageContaining("SAFERMAP_SAMPLE must be real, generated or off");
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("SAFERMAP_AREA_BBOX", "1,2,3")).load())
                .hasMessageContaining("SAFERMAP_AREA_BBOX");
        assertThatThrownBy(() -> ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, dir.resolve("nope").toString())))
                .hasMessageContaining("not a readable file");
    }

    @Test
    void the_commented_example_file_loads_and_states_the_defaults() {
        Path example = Path.of("../safermap.conf.example");
        assertThat(example).exists();
        AppConfig fromExample = ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, example.toString())).load();
        AppConfig defaults = ConfigLoader.ofValues(Map.of()).load();
        assertThat(fromExample.server()).isEqualTo(defaults.server());
        assertThat(fromExample.store()).isEqualTo(defaults.store());
        assertThat(fromExample.sample()).isEqualTo(defaults.sample());
        assertThat(fromExample.area().marginMetres()).isEqualTo(defaults.area().marginMetres());
        assertThat(fromExample.limits()).isEqualTo(defaults.limits());
    }

    @Test
    void the_patrol_base_is_the_melton_police_station_unless_set_and_must_be_lon_lat() {
        AppConfig defaults = ConfigLoader.ofValues(Map.of()).load();
        assertThat(defaults.patrol().baseLonLat()).containsExactly(-0.8876, 52.7627);
        assertThat(defaults.patrol().detourFactor()).isEqualTo(1.3);
        AppConfig example = ConfigLoader.from(Map.of(ConfigLoader.CONFIG_FILE_VAR, "../safermap.conf.example")).load();
        assertThat(example.patrol().baseLonLat()).containsExactly(-0.8876, 52.7627);
        assertThat(ConfigLoader.ofValues(Map.of("SAFERMAP_PATROL_BASE", " -0.95, 52.76 ")).load().patrol().baseLonLat())
                .containsExactly(-0.95, 52.76);
        assertThatThrownBy(() -> ConfigLoader.ofValues(Map.of("SAFERMAP_PATROL_BASE", "52.76")).load())
                .hasMessageContaining("SAFERMAP_PATROL_BASE must be lon,lat");
        assertThatThrownBy(() -> ConfigLoader.ofValues(Map.of("SAFERMAP_PATROL_DETOUR", "0.8")).load())
                .hasMessageContaining("SAFERMAP_PATROL_DETOUR must be between 1 and 5");
    }

    private String writeFile(String content) {
        try {
            Path f = Files.createTempFile(dir, "safermap", ".conf");
            Files.writeString(f, content);
            return f.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
