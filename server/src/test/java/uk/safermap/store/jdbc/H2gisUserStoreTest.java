package uk.safermap.store.jdbc;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Users, tokens and the audit log against the embedded H2GIS database. */
class H2gisUserStoreTest extends UserStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.openH2gis(dir, 2);
    }
}
