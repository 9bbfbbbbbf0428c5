package uk.safermap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole configuration of a SaferMap instance, resolved once at start-up by {@link ConfigLoader}
 * and passed down as plain values. Nothing below {@code App} reads the environment.
 *
 * @param server   where the HTTP service listens
 * @param store    which store to use (embedded H2GIS unless a PostGIS URL is given)
 * @param sample   whether and how to seed an empty store with generated incidents
 * @param area     the service area: incidents outside it are rejected at import
 * @param viewer   settings handed to the browser viewer
 * @param limits   request limits
 * @param patrol   patrol planning defaults
 * @param council  the council case taxonomy
 */
public record AppConfig(Server server, Store store, Sample sample, ServiceAreaSettings area,
                        Viewer viewer, Limits limits, Placement placement, Patrol patrol, Auth auth, Council council) {

    /** @param taxonomyFile council case types and their labels (CSV); empty = the shipped defaults */
    public record Council(Optional<Path> taxonomyFile) {
    }

    /** @param host interface to bind (localhost by default, for security) */
    public record Server(String host, int port) {
        public Server {
            if (port < 0 || port > 65535) {
                throw new ConfigException("SAFERMAP_PORT must be 0..65535, got " + port);
            }
        }
    }

    /**
     * @param dataDir   directory of the embedded H2GIS database (used when {@code dbUrl} is empty)
     * @param dbUrl     JDBC URL of a PostGIS database; empty means the embedded store
     * @param poolSize  maximum JDBC connections
     * @param poolWait  longest a request waits for a free connection before it is answered 503
     * @param statementTimeout longest one SQL statement may run
     */
    public record Store(Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword, int poolSize,
                        Duration poolWait, Duration statementTimeout) {
        public boolean isPostgis() {
            return dbUrl.isPresent();
        }
    }

    /**
     * @param kind       what to seed into an empty store on first start
     * @param months     how many months of incidents to generate (generated sample only)
     * @param seed       random seed (same seed, same data; generated sample only)
     */
    public record Sample(SampleKind kind, int months, long seed) {
        public boolean enabled() {
            return kind != SampleKind.OFF;
        }
    }

    /**
     * {@code REAL}: the shipped extract of real police.uk Melton months; {@code GENERATED}: the
     * seeded generator with planted hot spots (for tests that need planted truth); {@code OFF}: nothing.
     */
    public enum SampleKind {
        REAL, GENERATED, OFF
    }

    /**
     * @param marginMetres buffer around the union of the Melton wards
     * @param bboxWgs84    optional explicit lon/lat box {minLon, minLat, maxLon, maxLat} replacing the default
     */
    public record ServiceAreaSettings(double marginMetres, Optional<double[]> bboxWgs84) {
    }

    /** @param basemapUrl XYZ tile URL template; empty = no basemap (the viewer draws ward and place names) */
    public record Viewer(String basemapUrl, String basemapAttribution) {
        public static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        public static final String OSM_ATTRIBUTION = "\u00a9 OpenStreetMap contributors";
    }

    /** @param camerasFile GeoJSON register of installed cameras (Points); empty = none registered */
    public record Placement(Optional<Path> camerasFile) {
    }

    /**
     * @param baseLonLat   {lon, lat} where patrol units start and end unless a plan says otherwise
     * @param detourFactor network / straight-line distance, used when a plan has no road network
     */
    /**
     * @param usersFile      CSV of users to provision at start: name,role,token_sha256,password_bcrypt
     * @param adminPassword  the first admin's password when the store has no users; empty = a random
     *                       one-time password, printed once
     * @param publicAccess   whether anonymous visitors get the public role (aggregates only)
     * @param secureCookies  always mark the session cookie Secure (else only on HTTPS requests)
     * @param sensitiveCategories categories treated as sensitive besides rows flagged at import
     */
    public record Auth(Optional<Path> usersFile, Optional<String> adminPassword, boolean publicAccess,
                       boolean secureCookies, java.util.Set<String> sensitiveCategories) {
    }

    public record Patrol(double[] baseLonLat, double detourFactor) {
    }

    /** @param maxUploadBytes largest accepted import body */
    public record Limits(long maxUploadBytes, int defaultItemLimit, int maxItemLimit) {
    }
}
