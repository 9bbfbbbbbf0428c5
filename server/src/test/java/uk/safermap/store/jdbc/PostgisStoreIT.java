package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uk.safermap.store.PointSetAssert.assertSamePoints;

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

    @Test
    void a_bulk_import_into_an_empty_table_counts_exactly_and_leaves_the_same_indexes() throws Exception {
        Map<String, String> before = indexes();
        JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        try (IncidentStore.ImportSession s = store.beginImport("police-csv", "bulk")) {
            assertThat(s.add(bulk("a", 0, 6_000))).isEqualTo(6_000);
            // 1,000 keys of the first batch again, 5,000 new ones: with the unique key deferred,
            // the repeats are found when the import commits.
            s.add(bulk("a", 5_000, 11_000));
            IncidentStore.ImportRecord r = s.commit(12_000, 0);
            assertThat(r.imported()).isEqualTo(11_000);
            assertThat(r.duplicates()).isEqualTo(1_000);
        }
        assertThat(indexes()).isEqualTo(before);
        assertThat(persistence()).as("logged again").isEqualTo("p");
        assertThat(store.count()).isEqualTo(11_000);
        try (IncidentStore.ImportSession s = store.beginImport("police-csv", "again")) {
            s.add(bulk("a", 0, 6_000));
            IncidentStore.ImportRecord r = s.commit(6_000, 0);
            assertThat(r.imported()).isZero();
            assertThat(r.duplicates()).isEqualTo(6_000);
        }
        assertThat(store.count()).isEqualTo(11_000);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM incident WHERE ST_DWithin(geom, "
                     + "ST_SetSRID(ST_MakePoint(easting, northing), 27700), 0.001)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(11_000);
        }
    }

    @Test
    void a_bulk_import_keeps_the_rows_already_stored_and_drops_its_own_repeats() throws Exception {
        JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        long first;
        try (IncidentStore.ImportSession s = store.beginImport("police-csv", "small, first")) {
            s.add(bulk("m", 100, 300));
            first = s.commit(200, 0).id();
        }
        Map<String, String> before = indexes();
        try (IncidentStore.ImportSession s = store.beginImport("police-csv", "bulk, repeating it")) {
            // Under the deferral threshold, so the key is deferred; 200 keys are stored already
            // and 500 repeat within the import, across its batches.
            s.add(bulk("m", 0, 6_000));
            s.add(bulk("m", 5_500, 8_000));
            assertThat(s.updateOutcomes(Map.of("m-7999", "Under investigation"))).isEqualTo(1);
            IncidentStore.ImportRecord r = s.commit(8_500, 0);
            assertThat(r.imported()).isEqualTo(7_800);
            assertThat(r.duplicates()).isEqualTo(700);
        }
        assertThat(indexes()).isEqualTo(before);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT source_key), "
                     + "COUNT(*) FILTER (WHERE import_id = " + first + "), "
                     + "COUNT(*) FILTER (WHERE outcome IS NOT NULL) FROM incident")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(8_000);
            assertThat(rs.getLong(2)).isEqualTo(8_000);
            // The earlier import's rows are the ones kept.
            assertThat(rs.getLong(3)).isEqualTo(200);
            assertThat(rs.getLong(4)).isEqualTo(1);
        }
    }

    @Test
    void a_failed_bulk_import_leaves_the_rows_and_the_indexes_as_they_were() throws Exception {
        Map<String, String> before = indexes();
        JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        try (IncidentStore.ImportSession s = store.beginImport("police-csv", "fails")) {
            s.add(bulk("f", 0, 6_000));
            List<Incident> bad = bulk("g", 0, 6_000);
            Incident ok = bad.get(10);
            // No category label: the table's NOT NULL constraint fails the batch.
            bad.set(10, new Incident(0, ok.sourceKey(), ok.source(), null, ok.month(), ok.when(), ok.category(), "",
                    ok.lon(), ok.lat(), ok.easting(), ok.northing(), false, IncidentDetails.none()));
            assertThatThrownBy(() -> s.add(bad)).isInstanceOf(RuntimeException.class);
        }
        assertThat(indexes()).isEqualTo(before);
        assertThat(persistence()).as("logged, as before").isEqualTo("p");
        assertThat(new JdbcIncidentStore(db, grid, Clock.systemDefaultZone()).count()).isZero();
    }

    @Test
    void a_bulk_import_while_another_session_reads_the_table_keeps_its_indexes_and_does_not_wait() throws Exception {
        Map<String, String> before = indexes();
        JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        try (Connection reader = db.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT COUNT(*) FROM incident").close();
            }
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "beside a reader")) {
                assertThat(s.add(bulk("r", 0, 6_000))).isEqualTo(6_000);
                assertThat(indexes()).isEqualTo(before);
                s.commit(6_000, 0);
            }
            reader.rollback();
        }
        assertThat(store.count()).isEqualTo(6_000);
    }

    /** The incident table's relpersistence: p logged, u unlogged. */
    private String persistence() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relpersistence FROM pg_class WHERE oid = 'incident'::regclass")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Index name to definition, for the incident table. */
    private Map<String, String> indexes() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes "
                     + "WHERE schemaname = current_schema() AND tablename = 'incident'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Every value goes through binary COPY ({@link BinaryCopyWriter}) and back unchanged, both
     * straight into the table (a bulk import) and through the staging table (a small one):
     * dates before and after 2000, instants to the second, NULLs, flags, negative degrees and
     * non-ASCII text.
     */
    @Test
    void binary_copy_writes_every_value_as_it_reads_back_on_both_paths() {
        JdbcIncidentStore incidents = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        List<Incident> bulk = varied("bulk", 6_000);
        List<Incident> small = varied("small", 40);
        for (List<Incident> rows : List.of(bulk, small)) {
            try (IncidentStore.ImportSession s = incidents.beginImport("council-csv", "varied")) {
                s.add(rows);
                assertThat(s.commit(rows.size(), 0).imported()).isEqualTo(rows.size());
            }
        }
        Map<String, Incident> stored = new TreeMap<>();
        for (Incident i : incidents.find(IncidentQuery.all(10_000)).items()) {
            stored.put(i.sourceKey(), i);
        }
        for (Incident sent : concat(bulk, small)) {
            Incident back = stored.get(sent.sourceKey());
            assertThat(back).as(sent.sourceKey()).isNotNull();
            assertThat(withId(sent, back.id())).isEqualTo(back);
        }
    }

    /**
     * A bulk import hands the snapshot the points it wrote instead of having them read back:
     * they are what a read of the table gives, id for id, and a later small import is read back.
     */
    @Test
    void a_bulk_import_knows_the_points_it_wrote_as_a_read_of_the_table_gives_them() throws Exception {
        JdbcIncidentStore incidents = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        long first;
        try (IncidentStore.ImportSession s = incidents.beginImport("council-csv", "bulk")) {
            s.add(varied("bulk", 6_000));
            first = s.commit(6_000, 0).id();
        }
        PointSet read = incidents.points(new PointQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of(), true));
        IncidentStore.Extent stored = incidents.extent().orElseThrow();
        IncidentStore.Extent wider = new IncidentStore.Extent(-2, 50, -1.5, 51, LocalDateTime.of(1991, 1, 1, 0, 0),
                LocalDateTime.of(1991, 2, 1, 0, 0));
        // With the rows gone from the table, only the import's own record can answer.
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM incident");
        }
        assertThat(incidents.extentAfter(first, Optional.empty())).contains(stored);
        assertThat(incidents.extentAfter(first, Optional.of(wider))).contains(new IncidentStore.Extent(-2, 50,
                stored.maxLon(), stored.maxLat(), wider.start(), stored.end()));
        assertSamePoints(incidents.importedPoints(first), read);
        long second;
        try (IncidentStore.ImportSession s = incidents.beginImport("council-csv", "small")) {
            s.add(varied("small", 30));
            second = s.commit(30, 0).id();
        }
        assertThat(incidents.importedPoints(second).size()).isEqualTo(30);
    }

    private List<Incident> varied(String prefix, int n) {
        List<Incident> out = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 0; i < n; i++) {
            double lon = -0.95 + (i % 97) * 0.001;
            double lat = 52.70 + (i % 89) * 0.001;
            double[] en = grid.toGrid(lon, lat);
            LocalDateTime at = LocalDateTime.of(1998 + i % 30, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 59);
            TimeSpan when = switch (i % 3) {
                case 0 -> TimeSpan.ofInstant(at);
                case 1 -> TimeSpan.ofDay(at.toLocalDate());
                default -> TimeSpan.ofMonth(YearMonth.from(at));
            };
            Category c = categories[i % categories.length];
            IncidentDetails details = i % 5 == 0 ? IncidentDetails.none() : IncidentDetails.none()
                    .with(IncidentDetail.LOCATION, "On or near Café Street, \"Nottingham\" Road; 'Ab Kettleby' " + i)
                    .with(IncidentDetail.OUTCOME, i % 2 == 0 ? null : "Investigation complete; no suspect identified");
            out.add(new Incident(0, prefix + "-" + i, "council-csv", i % 4 == 0 ? null : "MBC/" + i + "/ü",
                    YearMonth.from(at), when, c, c.label() + " ✓", lon, lat, en[0], en[1], i % 7 == 0, details));
        }
        return out;
    }

    private static Incident withId(Incident i, long id) {
        return new Incident(id, i.sourceKey(), i.source(), i.crimeId(), i.month(), i.when(), i.category(),
                i.categoryLabel(), i.lon(), i.lat(), i.easting(), i.northing(), i.sensitive(), i.details());
    }

    private static List<Incident> concat(List<Incident> a, List<Incident> b) {
        List<Incident> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Incidents keyed prefix-from .. prefix-(to - 1), spread over Melton. */
    private List<Incident> bulk(String prefix, int from, int to) {
        List<Incident> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            double lon = -0.90 + (i % 100) * 0.0004;
            double lat = 52.75 + (i / 100 % 100) * 0.0003;
            double[] en = grid.toGrid(lon, lat);
            YearMonth month = YearMonth.of(2025, 1 + i % 12);
            out.add(new Incident(0, prefix + "-" + i, "police-csv", null, month, TimeSpan.ofMonth(month),
                    Category.BURGLARY, "Burglary", lon, lat, en[0], en[1], false, IncidentDetails.none()
                    .with(IncidentDetail.LOCATION, "On or near Market Place").with(IncidentDetail.LSOA_CODE, "E01025894")
                    .with(IncidentDetail.LSOA_NAME, "Melton 007C")
                    .with(IncidentDetail.REPORTED_BY, "Leicestershire Police")
                    .with(IncidentDetail.FALLS_WITHIN, "Leicestershire Police")));
        }
        return out;
    }
}
