package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;

/** Users, tokens and the audit log against a real PostGIS, in a schema of its own. */
class PostgisUserStoreIT extends UserStoreContract {

    private PostgisTestSchema schema;

    @Override
    protected Database openDatabase() throws Exception {
        schema = PostgisTestSchema.create();
        return schema.open();
    }

    @AfterAll
    void dropSchema() throws Exception {
        schema.close();
    }
}
