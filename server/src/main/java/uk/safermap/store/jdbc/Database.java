package uk.safermap.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2gis.functions.factory.H2GISFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.store.StoreException;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.sql.Statement;

/**
 * A pooled connection to the store, with its schema migrated to the latest version
 * (Flyway; one migration set, with {@link Dialect} placeholders). Close it to release the pool.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * The connection pool's bounds.
     *
     * @param size             most connections open at once
     * @param connectionWait   longest a request waits for a free connection before the store reports
     *                         itself busy (HikariCP {@code connectionTimeout}; at least 250 ms)
     * @param statementTimeout longest any one statement may run before the database cancels it
     *                         (PostgreSQL {@code statement_timeout}, H2 {@code QUERY_TIMEOUT})
     */
    public record Pool(int size, Duration connectionWait, Duration statementTimeout) {
        /** Wait up to 10 s for a connection: a request queued longer is better refused than kept. */
        public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
        /** Two minutes: far above the slowest analysis read of a 1.2M-incident store, well below a hung query. */
        public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(2);

        public Pool {
            if (size < 1) {
                throw new IllegalArgumentException("pool size must be at least 1, got " + size);
            }
            if (connectionWait.toMillis() < 250) {
                throw new IllegalArgumentException("pool wait must be at least 250 ms, got " + connectionWait.toMillis());
            }
            if (statementTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("statement timeout must be at least 1 ms");
            }
        }

        public static Pool ofSize(int size) {
            return new Pool(size, DEFAULT_WAIT, DEFAULT_STATEMENT_TIMEOUT);
        }
    }

    public static Database openPostgis(String url, String user, String password, int poolSize) {
        return openPostgis(url, user, password, Pool.ofSize(poolSize));
    }

    public static Database openPostgis(String url, String user, String password, Pool pool) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("opening PostGIS", new IllegalArgumentException(
                    "SAFERMAP_DB_URL must start with jdbc:postgresql:, got " + url));
        }
        HikariConfig hc = baseConfig(url, pool);
        hc.setConnectionInitSql("SET statement_timeout = " + pool.statementTimeout().toMillis());
        hc.setUsername(user);
        hc.setPassword(password);
        // Batched INSERTs become multi-row INSERTs: several times faster imports.
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        return migrated(new HikariDataSource(hc), hc, Dialect.POSTGIS, "PostGIS at " + url);
    }

    public static Database openH2gis(Path dataDir, int poolSize) {
        return openH2gis(dataDir, Pool.ofSize(poolSize));
    }

    public static Database openH2gis(Path dataDir, Pool pool) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("creating data directory " + dataDir, e);
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve("safermap");
        // A 192 MB page cache (default 16 MB). A force-wide load inserts random source keys, and
        // past about 400,000 incidents their unique index outgrows a 64 MB cache: the import then
        // reads most index pages back from the file. 1,000,000 rows imported directly, back to
        // back (2026-12-02): 50,000 rows per 10-12 s at the end with 64 MB, per 4-5 s with 192 MB.
        // Pages are compressed (LZF) as H2 writes them: incident rows repeat their texts (force,
        // category, "On or near ...", LSOA), and 1M generated incidents took 769 bytes each on
        // disk compressed against 1,073 uncompressed (scripts/bench e2e, 2026-12-02).
        HikariConfig hc = baseConfig("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=196608;COMPRESS=TRUE", pool);
        hc.setConnectionInitSql("SET QUERY_TIMEOUT " + pool.statementTimeout().toMillis());
        hc.setUsername("sa");
        hc.setPassword("");
        HikariDataSource ds = new HikariDataSource(hc);
        try (Connection c = ds.getConnection()) {
            // Registers the ST_* functions in the database; idempotent, so safe on every start.
            H2GISFunctions.load(c);
        } catch (SQLException e) {
            ds.close();
            throw new StoreException("loading H2GIS functions into " + file, e);
        }
        Database db = migrated(ds, hc, Dialect.H2GIS, "embedded H2GIS at " + file + ".mv.db");
        try (Connection c = ds.getConnection()) {
            H2gisBulkLoad.recover(c);
        } catch (SQLException e) {
            ds.close();
            throw new StoreException("recovering an interrupted bulk import in " + file, e);
        }
        return db;
    }

    private static HikariConfig baseConfig(String url, Pool pool) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setMaximumPoolSize(pool.size());
        hc.setConnectionTimeout(pool.connectionWait().toMillis());
        hc.setPoolName("safermap");
        return hc;
    }

    /**
     * Migrates over connections of its own, not the pool's: Flyway holds two at once (its lock and
     * its work), more than a pool of one has, and a migration may outlast the statement timeout.
     */
    private static Database migrated(HikariDataSource ds, HikariConfig hc, Dialect dialect, String description) {
        try {
            // The spatial extensions put their own tables (spatial_ref_sys) in the schema, so
            // an empty database already looks non-empty: baseline below V1 so V1 still runs.
            var result = Flyway.configure()
                    .dataSource(hc.getJdbcUrl(), hc.getUsername(), hc.getPassword())
                    .locations("classpath:db/migration")
                    .placeholders(dialect.migrationPlaceholders())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("Store: {} (schema version {}, {} migrations applied)", description,
                    result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("migrating the schema of " + description, e);
        }
        return new Database(ds, dialect, description);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /**
     * Closing an embedded store compacts its file. H2's MVStore only appends while the service
     * runs, and a large import (or one killed part-way) leaves the file several times the size
     * of its data: 20,000 incidents took 54 MB after import and 8.6 MB compacted (measured with
     * the generated sample, H2 2.3.232). Online compaction reclaimed only half of it, slowly.
     */
    @Override
    public void close() {
        String url = dataSource.getJdbcUrl();
        dataSource.close();
        if (dialect == Dialect.H2GIS) {
            compactEmbeddedFile(url);
        }
    }

    /**
     * Compacts when this was the last pool on the file: another pool in the process (a second
     * Database on the same directory) still has sessions open, and SHUTDOWN would close the
     * database under it.
     */
    private void compactEmbeddedFile(String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                if (rs.next() && rs.getLong(1) > 1) {
                    return;
                }
            }
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // The database closes under the open statement and connection; H2 reports that
            // (as called at shutdown, or closed) once the compaction is done.
            if (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                    && e.getErrorCode() != ErrorCode.DATABASE_IS_CLOSED) {
                LOG.warn("Could not compact {}: {}", description, e.getMessage());
            }
        }
    }
}
