package uk.safermap.store.jdbc;

import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

/** Migration V16 on an H2GIS store holding incidents. */
class H2gisSourceDigestMigrationTest extends SourceDigestMigrationContract {

    @TempDir
    Path dir;

    @Override
    protected String url() {
        return "jdbc:h2:file:" + dir.resolve("safermap") + ";COMPRESS=TRUE";
    }

    @Override
    protected String user() {
        return "sa";
    }

    @Override
    protected String password() {
        return "";
    }

    @Override
    protected Dialect dialect() {
        return Dialect.H2GIS;
    }

    @Override
    protected void prepare(Connection c) throws Exception {
        H2GISFunctions.load(c);
    }

    @Override
    protected Database open() {
        return Database.openH2gis(dir, 2);
    }
}
