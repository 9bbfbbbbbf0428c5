package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Migration V16 on a PostGIS store holding incidents. */
class PostgisSourceDigestMigrationIT extends SourceDigestMigrationContract {

    private PostgisTestSchema schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = PostgisTestSchema.create();
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.close();
    }

    @Override
    protected String url() {
        return schema.url();
    }

    @Override
    protected String user() {
        return schema.user();
    }

    @Override
    protected String password() {
        return schema.password();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGIS;
    }

    @Override
    protected Database open() {
        return schema.open();
    }
}
