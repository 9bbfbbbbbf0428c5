package uk.safermap.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the PostGIS test database named by {@code SAFERMAP_TEST_PG_URL}
 * (set by scripts/test, which also creates the database and the postgis extension). Each test
 * class gets its own schema, so tests never see each other's rows. Missing configuration is a
 * failure, not a skip: these tests run only under scripts/test, which provides it.
 */
public final class PostgisTestSchema implements AutoCloseable {

    public static final String URL_VAR = "SAFERMAP_TEST_PG_URL";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String schema;

    private PostgisTestSchema(String adminUrl, String user, String password, String schema) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public static PostgisTestSchema create() throws SQLException {
        String url = System.getenv(URL_VAR);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VAR + " is not set: run the PostGIS tests through ./scripts/test, "
                    + "which installs and starts PostGIS and sets it");
        }
        String user = System.getenv().getOrDefault("SAFERMAP_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("SAFERMAP_TEST_PG_PASSWORD", "");
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new PostgisTestSchema(url, user, password, schema);
    }

    /** A URL whose search path starts with this schema, then public (where the postgis functions live). */
    public String url() {
        return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Database open() {
        return Database.openPostgis(url(), user, password, 4);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
