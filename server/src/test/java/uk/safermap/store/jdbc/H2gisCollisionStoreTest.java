package uk.safermap.store.jdbc;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The collision and council case stores against the embedded H2GIS database. */
class H2gisCollisionStoreTest extends RoadAndCouncilStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.openH2gis(dir, 2);
    }
}
