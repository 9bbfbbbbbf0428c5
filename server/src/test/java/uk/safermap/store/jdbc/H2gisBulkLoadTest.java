package uk.safermap.store.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk H2GIS import: a transaction per batch with a short chunk retention, indexes built at the
 * end, undone when it does not commit.
 */
class H2gisBulkLoadTest {

    private static final Set<String> DEFERRED = Set.of("INCIDENT_GRID_IDX");

    @TempDir
    Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();

    private List<Incident> incidents(String prefix, int n) {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double e = 471_000 + (i % 100) * 5.0;
            double no = 318_000 + (i / 100) * 5.0;
            double[] lonLat = grid.toWgs84(e, no);
            YearMonth month = YearMonth.of(2025, 1 + i % 12);
            out.add(new Incident(0, prefix + i, "police-csv", null, month, TimeSpan.ofMonth(month),
                    Category.BURGLARY, "Burglary", lonLat[0], lonLat[1], e, no, false, new IncidentDetails(Map.of())));
        }
        return out;
    }

    private static Set<String> indexes(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME = 'INCIDENT'")) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static int retentionMs(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'RETENTION_TIME'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    @Test
    void a_bulk_import_commits_batch_by_batch_and_builds_the_indexes_at_the_end() throws Exception {
        try (Database db = Database.openH2gis(dir, 3)) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "bulk")) {
                assertThat(s.add(incidents("a", 6_000))).isEqualTo(6_000);
                assertThat(indexes(db)).doesNotContainAnyElementsOf(DEFERRED);
                assertThat(retentionMs(db)).isEqualTo(H2gisBulkLoad.LOAD_RETENTION_MS);
                // Written in its own transaction already, yet not an import until the session commits.
                assertThat(store.count()).isEqualTo(6_000);
                assertThat(store.imports(10)).isEmpty();
                assertThat(s.add(incidents("a", 7_000))).isEqualTo(1_000);
                s.commit(6_000, 0);
            }
            assertThat(indexes(db)).containsAll(DEFERRED);
            assertThat(retentionMs(db)).isEqualTo(H2gisBulkLoad.DEFAULT_RETENTION_MS);
            assertThat(store.count()).isEqualTo(7_000);
            assertThat(store.imports(10)).singleElement().satisfies(r -> assertThat(r.imported()).isEqualTo(7_000));
        }
    }

    @Test
    void a_rolled_back_bulk_import_leaves_no_rows_and_its_space_is_reclaimed() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Database.openH2gis(empty, 1).close();
        Path used = Files.createDirectory(dir.resolve("used"));
        try (Database db = Database.openH2gis(used, 3)) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            Set<String> before = indexes(db);
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "failed")) {
                s.add(incidents("r", 6_000));
                s.add(incidents("q", 6_000));
            }
            assertThat(indexes(db)).isEqualTo(before).containsAll(DEFERRED);
            assertThat(store.count()).isZero();
            assertThat(store.imports(10)).isEmpty();
        }
        // 12,000 rows were written and deleted: closed, the file is as small as a store never used.
        assertThat(Files.size(used.resolve("safermap.mv.db")))
                .isLessThanOrEqualTo(Files.size(empty.resolve("safermap.mv.db")) + 100_000);
    }

    @Test
    void a_small_import_keeps_the_indexes_and_its_one_transaction() throws Exception {
        try (Database db = Database.openH2gis(dir, 3)) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "small")) {
                s.add(incidents("s", 100));
                assertThat(indexes(db)).containsAll(DEFERRED);
                assertThat(store.count()).isZero();
                s.commit(0, 0);
            }
            assertThat(store.count()).isEqualTo(100);
        }
    }

    @Test
    void opening_the_store_undoes_a_bulk_import_a_killed_process_left() throws Exception {
        try (Database db = Database.openH2gis(dir, 2)) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "kept")) {
                s.add(incidents("k", 10));
                s.commit(0, 0);
            }
            // What a load leaves when its process dies: indexes dropped, rows of an import that never committed.
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP INDEX incident_grid_idx");
                s.execute("SET RETENTION_TIME " + H2gisBulkLoad.LOAD_RETENTION_MS);
                s.execute("INSERT INTO incident (source_key, source_digest, source, import_id, month_start, time_start, time_end, "
                        + "category, category_label, sensitive, lon, lat, easting, northing, geom) "
                        + "SELECT 'orphan' || x, RANDOM_UUID(), 'police-csv', 999, DATE '2025-01-01', TIMESTAMP '2025-01-01 00:00:00', "
                        + "TIMESTAMP '2025-02-01 00:00:00', 'burglary', 'Burglary', FALSE, -0.9, 52.7, 471000, 318000, "
                        + "CAST('SRID=27700;POINT(471000 318000)' AS GEOMETRY) FROM SYSTEM_RANGE(1, 25000)");
            }
            assertThat(store.count()).isEqualTo(25_010);
        }
        try (Database db = Database.openH2gis(dir, 2)) {
            assertThat(indexes(db)).containsAll(DEFERRED);
            assertThat(retentionMs(db)).isEqualTo(H2gisBulkLoad.DEFAULT_RETENTION_MS);
            assertThat(new JdbcIncidentStore(db, grid, Clock.systemDefaultZone()).count()).isEqualTo(10);
        }
    }
}
