package uk.safermap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolves {@link AppConfig} from three layers: defaults in code, then a config file
 * ({@code SAFERMAP_CONFIG}, default {@code ./safermap.conf} when present, same keys as the
 * environment variables), then environment variables. Later layers win.
 */
public final class ConfigLoader {

    public static final String CONFIG_FILE_VAR = "SAFERMAP_CONFIG";
    static final String DEFAULT_CONFIG_FILE = "safermap.conf";
    /** Melton Mowbray Police Station, Leicester Road, LE13 0DB: the default patrol base. */
    static final double[] MELTON_POLICE_STATION = {-0.8876, 52.7627};

    private final Map<String, String> values;
    private final String dbUrlSource;

    private ConfigLoader(Map<String, String> values, String dbUrlSource) {
        this.values = values;
        this.dbUrlSource = dbUrlSource;
    }

    /** Loads from the process environment (and the config file it names). */
    public static ConfigLoader fromEnvironment() {
        return from(System.getenv());
    }

    /** Exactly these settings over the defaults, no config file: for tests and tools. */
    public static ConfigLoader ofValues(Map<String, String> settings) {
        return new ConfigLoader(new HashMap<>(settings), settings.containsKey("SAFERMAP_DB_URL")
                ? "given settings" : "default (embedded H2GIS)");
    }

    /** Loads from the given variables (and the config file they name). */
    public static ConfigLoader from(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        Path file = Path.of(environment.getOrDefault(CONFIG_FILE_VAR, DEFAULT_CONFIG_FILE));
        boolean explicitFile = environment.containsKey(CONFIG_FILE_VAR);
        String dbSource = "default (embedded H2GIS)";
        if (Files.isRegularFile(file)) {
            Properties props = readFile(file);
            props.stringPropertyNames().forEach(k -> merged.put(k.trim(), props.getProperty(k).trim()));
            if (merged.containsKey("SAFERMAP_DB_URL")) {
                dbSource = "config file " + file;
            }
        } else if (explicitFile) {
            throw new ConfigException(CONFIG_FILE_VAR + " names " + file + ", which is not a readable file");
        }
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().startsWith("SAFERMAP_")) {
                merged.put(e.getKey(), e.getValue().trim());
            }
        }
        if (environment.containsKey("SAFERMAP_DB_URL")) {
            dbSource = "environment SAFERMAP_DB_URL";
        }
        return new ConfigLoader(merged, dbSource);
    }

    private static Properties readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new ConfigException("reading config file " + file + ": " + e.getMessage());
        }
        return props;
    }

    /** Where the database URL came from, for the start-up log. */
    public String dbUrlSource() {
        return dbUrlSource;
    }

    public AppConfig load() {
        return new AppConfig(
                new AppConfig.Server(string("SAFERMAP_HOST", "127.0.0.1"), integer("SAFERMAP_PORT", 7070)),
                new AppConfig.Store(Path.of(string("SAFERMAP_DATA_DIR", "./data")),
                        optional("SAFERMAP_DB_URL"),
                        string("SAFERMAP_DB_USER", ""),
                        string("SAFERMAP_DB_PASSWORD", ""),
                        positive("SAFERMAP_DB_POOL_SIZE", 8),
                        Duration.ofMillis(atLeast("SAFERMAP_DB_POOL_WAIT_MS", 10_000, 250)),
                        Duration.ofSeconds(positive("SAFERMAP_DB_STATEMENT_TIMEOUT_S", 120))),
                new AppConfig.Sample(sampleKind(),
                        positive("SAFERMAP_SAMPLE_MONTHS", 24),
                        (long) integer("SAFERMAP_SAMPLE_SEED", 42)),
                new AppConfig.ServiceAreaSettings(nonNegative("SAFERMAP_AREA_MARGIN_M", 2000),
                        optional("SAFERMAP_AREA_BBOX").map(ConfigLoader::bbox)),
                viewer(),
                new AppConfig.Limits(positive("SAFERMAP_MAX_UPLOAD_MB", 512) * 1024L * 1024L,
                        100, 10_000),
                new AppConfig.Placement(optional("SAFERMAP_CAMERAS_FILE").map(Path::of)),
                new AppConfig.Patrol(lonLat("SAFERMAP_PATROL_BASE", MELTON_POLICE_STATION),
                        detourFactor("SAFERMAP_PATROL_DETOUR", 1.3)),
                new AppConfig.Auth(optional("SAFERMAP_USERS_FILE").map(Path::of), optional("SAFERMAP_ADMIN_PASSWORD"),
                        onOff("SAFERMAP_PUBLIC", false), onOff("SAFERMAP_SECURE_COOKIES", false),
                        optional("SAFERMAP_SENSITIVE_CATEGORIES").map(v -> java.util.Set.of(v.split("\\s*,\\s*")))
                                .orElse(java.util.Set.of())),
                new AppConfig.Council(optional("SAFERMAP_COUNCIL_TAXONOMY").map(Path::of)));
    }

    /**
     * OpenStreetMap's standard tiles unless a URL is given; {@code off} turns the basemap off. The
     * OSM attribution is required by its tile usage policy and the ODbL.
     */
    private AppConfig.Viewer viewer() {
        String url = string("SAFERMAP_BASEMAP_URL", AppConfig.Viewer.OSM_TILES);
        if (url.equalsIgnoreCase("off")) {
            return new AppConfig.Viewer("", "");
        }
        return new AppConfig.Viewer(url, string("SAFERMAP_BASEMAP_ATTRIBUTION",
                url.equals(AppConfig.Viewer.OSM_TILES) ? AppConfig.Viewer.OSM_ATTRIBUTION : ""));
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    private String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    private int integer(String key, int fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, got '" + v.get() + "'");
        }
    }

    private int atLeast(String key, int fallback, int min) {
        int v = integer(key, fallback);
        if (v < min) {
            throw new ConfigException(key + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    private int positive(String key, int fallback) {
        int v = integer(key, fallback);
        if (v <= 0) {
            throw new ConfigException(key + " must be positive, got " + v);
        }
        return v;
    }

    private double nonNegative(String key, double fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (d < 0 || !Double.isFinite(d)) {
                throw new ConfigException(key + " must be a non-negative number of metres, got " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number of metres, got '" + v.get() + "'");
        }
    }

    /** {@code on} is kept as the old spelling of the default, the real months. */
    private AppConfig.SampleKind sampleKind() {
        String v = optional("SAFERMAP_SAMPLE").orElse("real").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "real", "on", "true", "yes", "1" -> AppConfig.SampleKind.REAL;
            case "generated" -> AppConfig.SampleKind.GENERATED;
            case "off", "false", "no", "0" -> AppConfig.SampleKind.OFF;
            default -> throw new ConfigException("SAFERMAP_SAMPLE must be real, generated or off, got '"
                    + values.get("SAFERMAP_SAMPLE") + "'");
        };
    }

    private boolean onOff(String key, boolean fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new ConfigException(key + " must be on or off, got '" + v.get() + "'");
        };
    }

    private double[] lonLat(String key, double[] fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback.clone();
        }
        String[] parts = v.get().split(",");
        try {
            double lon = Double.parseDouble(parts[0].trim());
            double lat = Double.parseDouble(parts[parts.length - 1].trim());
            if (parts.length == 2 && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
                return new double[] {lon, lat};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be lon,lat in WGS 84, e.g. -0.8876,52.7627; got '" + v.get() + "'");
    }

    private double detourFactor(String key, double fallback) {
        double d = nonNegative(key, fallback);
        if (d < 1 || d > 5) {
            throw new ConfigException(key + " must be between 1 and 5 (network / straight-line distance), got " + d);
        }
        return d;
    }

    private static double[] bbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new ConfigException("SAFERMAP_AREA_BBOX must be minLon,minLat,maxLon,maxLat, got '" + text + "'");
        }
        double[] box = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("SAFERMAP_AREA_BBOX has a non-numeric value: '" + text + "'");
        }
        if (box[0] >= box[2] || box[1] >= box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
            throw new ConfigException("SAFERMAP_AREA_BBOX must have min < max within lon/lat ranges, got '" + text + "'");
        }
        return box;
    }
}
