package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;

/** The collision and council case stores against a real PostGIS, in a schema of its own. */
class PostgisCollisionStoreIT extends RoadAndCouncilStoreContract {

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
