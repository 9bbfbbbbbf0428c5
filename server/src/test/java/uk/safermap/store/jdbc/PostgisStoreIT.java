package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The store contract against a real PostGIS, over a real connection. */
class PostgisStoreIT extends StoreContract {

    private PostgisTestSchema schema;
    private Database db;

    @Override
    protected Database openDatabase() throws Exception {
        schema = PostgisTestSchema.create();
        db = schema.open();
        return db;
    }

    @Override
    protected Database openAgain(Database.Pool pool) {
        return Database.openPostgis(schema.url(), schema.user(), schema.password(), pool);
    }

    @Override
    protected String slowQuery() {
        return "SELECT pg_sleep(600)";
    }

    @Override
    protected String expectedStoreName() {
        return "postgis";
    }

    @AfterAll
    void dropSchema() throws Exception {
        schema.close();
    }

    @Test
    void proj4j_agrees_with_postgis_on_the_british_national_grid() throws Exception {
        double[] lonLat = {-0.8870, 52.7656};
        double[] ours = grid.toGrid(lonLat[0], lonLat[1]);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 27700) AS p) t")) {
            ps.setDouble(1, lonLat[0]);
            ps.setDouble(2, lonLat[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // PostGIS may use the OSTN15 grid where PROJ has it; the Helmert we use is within a few metres.
                assertThat(ours[0]).isCloseTo(rs.getDouble(1), within(5.0));
                assertThat(ours[1]).isCloseTo(rs.getDouble(2), within(5.0));
            }
        }
    }
}
