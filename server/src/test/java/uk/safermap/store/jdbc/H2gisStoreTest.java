package uk.safermap.store.jdbc;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract against the embedded H2GIS database. */
class H2gisStoreTest extends StoreContract {

    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.openH2gis(dir, 4);
    }

    @Override
    protected Database openAgain(Database.Pool pool) {
        return Database.openH2gis(dir, pool);
    }

    @Override
    protected String slowQuery() {
        return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b WHERE a.X * b.X = 7";
    }

    @Override
    protected String expectedStoreName() {
        return "h2gis";
    }
}
