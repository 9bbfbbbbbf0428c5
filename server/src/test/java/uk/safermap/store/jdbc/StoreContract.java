package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.Page;
import uk.safermap.store.StoreBusyException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safermap.domain.IncidentDetail.FALLS_WITHIN;
import static uk.safermap.domain.IncidentDetail.LOCATION;
import static uk.safermap.domain.IncidentDetail.LSOA_CODE;
import static uk.safermap.domain.IncidentDetail.LSOA_NAME;
import static uk.safermap.domain.IncidentDetail.OUTCOME;
import static uk.safermap.domain.IncidentDetail.REPORTED_BY;

/**
 * What every store must do, run against each real database: H2GIS in {@code H2gisStoreTest},
 * PostGIS in {@code PostgisStoreIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    protected final BritishNationalGrid grid = new BritishNationalGrid();
    private Database db;
    private JdbcIncidentStore incidents;
    private JdbcAreaStore areas;

    /** Opens a fresh, migrated database for this test class. */
    protected abstract Database openDatabase() throws Exception;

    protected abstract String expectedStoreName();

    /** A second pool, with these bounds, on the database {@link #openDatabase()} opened. */
    protected abstract Database openAgain(Database.Pool pool) throws Exception;

    /** A query that would run for minutes, in this database's SQL. */
    protected abstract String slowQuery();

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        incidents = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        areas = new JdbcAreaStore(db, grid, Clock.systemDefaultZone());
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void when_every_pooled_connection_is_taken_the_store_reports_busy_not_failed() throws Exception {
        try (Database small = openAgain(new Database.Pool(1, Duration.ofMillis(250), Duration.ofMinutes(2)));
             Connection held = small.dataSource().getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            assertThatThrownBy(() -> new JdbcIncidentStore(small, grid, Clock.systemDefaultZone()).count()).isInstanceOf(StoreBusyException.class)
                    .hasMessageContaining("counting");
        }
    }

    @Test
    void a_statement_running_past_the_statement_timeout_is_cancelled_and_reported_busy() throws Exception {
        try (Database timed = openAgain(new Database.Pool(1, Duration.ofSeconds(10), Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> Jdbc.read(timed.dataSource(), "running a slow query", c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute(slowQuery());
                }
            })).isInstanceOf(StoreBusyException.class);
            // The connection is usable again afterwards.
            assertThat(new JdbcIncidentStore(timed, grid, Clock.systemDefaultZone()).count()).isNotNegative();
        }
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM incident");
            s.execute("DELETE FROM import_run");
            s.execute("DELETE FROM area");
        }
    }

    private Incident incident(String key, double lon, double lat, Category c, YearMonth month) {
        double[] en = grid.toGrid(lon, lat);
        return new Incident(0, key, "police-csv", null, month, TimeSpan.ofMonth(month), c, c.label(), lon, lat,
                en[0], en[1], false, new IncidentDetails(Map.of(LOCATION, "On or near Market Place",
                LSOA_CODE, "E01025894", LSOA_NAME, "Melton 007C", REPORTED_BY, "Leicestershire Police",
                FALLS_WITHIN, "Leicestershire Police")));
    }

    private void importAll(List<Incident> rows) {
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "test")) {
            s.add(rows);
            s.commit(rows.size(), 0);
        }
    }

    @Test
    void reports_its_dialect() {
        assertThat(db.dialect().storeName()).isEqualTo(expectedStoreName());
    }

    @Test
    void stores_and_reads_back_an_incident_with_both_coordinate_systems() {
        importAll(List.of(incident("k1", -0.887, 52.7656, Category.SHOPLIFTING, YearMonth.of(2025, 3))));
        Incident back = incidents.find(IncidentQuery.all(10)).items().get(0);
        assertThat(back.id()).isPositive();
        assertThat(back.lon()).isEqualTo(-0.887);
        assertThat(back.easting()).isCloseTo(grid.toGrid(-0.887, 52.7656)[0], org.assertj.core.data.Offset.offset(1e-6));
        assertThat(back.category()).isEqualTo(Category.SHOPLIFTING);
        assertThat(back.when()).isEqualTo(TimeSpan.ofMonth(YearMonth.of(2025, 3)));
        assertThat(incidents.findById(back.id())).contains(back);
    }

    /**
     * The claim of {@link IncidentDetail}: every detail has a column as wide as it says, is written
     * by this store's import path and read back by each read. A detail added without its migration,
     * or with a narrower column, fails here on both stores.
     */
    @Test
    void every_incident_detail_is_written_at_its_full_width_and_read_back() {
        Map<IncidentDetail, String> full = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            // Distinct per detail, exactly as wide as the column, ending in a character a cut would lose.
            full.put(d, (d.column() + ":" + "x".repeat(d.maxLength())).substring(0, d.maxLength() - 1) + "é");
        }
        Map<IncidentDetail, String> tooLong = new EnumMap<>(IncidentDetail.class);
        full.forEach((d, v) -> tooLong.put(d, v + "-more"));
        Incident base = incident("full", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3));
        importAll(List.of(withDetails(base, "full", full), withDetails(base, "long", tooLong)));

        Map<String, Incident> byKey = new HashMap<>();
        incidents.find(IncidentQuery.all(10)).items().forEach(i -> byKey.put(i.sourceKey(), i));
        assertThat(byKey.get("full").details().values()).isEqualTo(full);
        assertThat(byKey.get("long").details().values()).as("cut to each column's width").isEqualTo(full);
        assertThat(incidents.findById(byKey.get("full").id())).contains(byKey.get("full"));
        assertThat(incidents.findByIds(new long[] {byKey.get("long").id()})).containsExactly(byKey.get("long"));
    }

    private static Incident withDetails(Incident i, String key, Map<IncidentDetail, String> details) {
        return new Incident(i.id(), key, i.source(), i.crimeId(), i.month(), i.when(), i.category(), i.categoryLabel(),
                i.lon(), i.lat(), i.easting(), i.northing(), i.sensitive(), new IncidentDetails(details));
    }

    @Test
    void an_import_adds_only_keys_not_yet_stored() {
        importAll(List.of(incident("k1", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "again")) {
            int added = s.add(List.of(incident("k1", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3)),
                    incident("k2", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
            assertThat(added).isEqualTo(1);
            IncidentStore.ImportRecord r = s.commit(2, 0);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.duplicates()).isEqualTo(1);
        }
        assertThat(incidents.count()).isEqualTo(2);
        assertThat(incidents.imports(10)).hasSize(2).first().satisfies(r -> assertThat(r.sourceName()).isEqualTo("again"));
    }

    /**
     * The unique key is a digest the writer computes and migration V16 computed in SQL for the
     * rows already stored: if the two differed, a re-import of a file loaded before V16 would
     * duplicate every row. Non-ASCII keys included, whose bytes depend on the encoding.
     */
    @Test
    void the_writers_key_digest_is_the_one_the_migration_computed_in_sql() throws Exception {
        List<String> keys = List.of("crime:" + "ab12".repeat(16), "row:" + "f0".repeat(20) + "#2", "council:Égerton/7");
        importAll(keys.stream().map(k -> incident(k, -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))).toList());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE source_digest = "
                     + db.dialect().migrationPlaceholders().get("source_digest_of_key") + ") FROM incident")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.getInt(2)).isEqualTo(3);
        }
    }

    @Test
    void a_later_batch_of_the_same_import_counts_only_keys_its_earlier_batches_did_not_add() {
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "batches")) {
            assertThat(s.add(List.of(incident("b1", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3)),
                    incident("b2", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))))).isEqualTo(2);
            assertThat(s.add(List.of(incident("b2", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3)),
                    incident("b3", -0.881, 52.7601, Category.CRIMINAL_DAMAGE_ARSON, YearMonth.of(2025, 4))))).isEqualTo(1);
            assertThat(s.commit(4, 0).imported()).isEqualTo(3);
        }
        assertThat(incidents.count()).isEqualTo(3);
        Incident b3 = incidents.find(IncidentQuery.all(10)).items().stream()
                .filter(i -> i.sourceKey().equals("b3")).findFirst().orElseThrow();
        assertThat(b3.easting()).isEqualTo(grid.toGrid(-0.881, 52.7601)[0]);
        assertThat(b3.when()).isEqualTo(TimeSpan.ofMonth(YearMonth.of(2025, 4)));
    }

    @Test
    void an_import_closed_without_commit_leaves_the_store_as_it_was() {
        importAll(List.of(incident("k1", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "abandoned")) {
            s.add(List.of(incident("k2", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
        }
        assertThat(incidents.count()).isEqualTo(1);
        assertThat(incidents.imports(10)).hasSize(1);
    }

    @Test
    void outcomes_update_stored_and_same_session_incidents_by_key_and_roll_back_with_the_import() {
        importAll(List.of(incident("crime:old", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "abandoned")) {
            s.add(List.of(incident("crime:new", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
            assertThat(s.updateOutcomes(java.util.Map.of("crime:old", "Under investigation",
                    "crime:new", "Offender given a caution", "crime:absent", "x"))).isEqualTo(2);
        }
        assertThat(incidents.find(IncidentQuery.all(10)).items()).singleElement()
                .satisfies(i -> assertThat(i.detail(OUTCOME)).isNull());
        try (IncidentStore.ImportSession s = incidents.beginImport("police-csv", "outcomes")) {
            assertThat(s.updateOutcomes(java.util.Map.of("crime:old", "Under investigation"))).isEqualTo(1);
            s.commit(0, 0);
        }
        assertThat(incidents.find(IncidentQuery.all(10)).items().get(0).detail(OUTCOME)).isEqualTo("Under investigation");
    }

    @Test
    void filters_by_lon_lat_box_time_and_category_with_paging() {
        importAll(List.of(
                incident("a", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 1)),
                incident("b", -0.887, 52.7656, Category.SHOPLIFTING, YearMonth.of(2025, 2)),
                incident("c", -0.950, 52.7656, Category.BURGLARY, YearMonth.of(2025, 2)),
                incident("d", -0.887, 52.7656, Category.BURGLARY, YearMonth.of(2025, 3))));
        Envelope town = new Envelope(-0.90, -0.88, 52.76, 52.77);
        Page<Incident> inTown = incidents.find(new IncidentQuery(BoxFilter.lonLat(town), Optional.empty(),
                Optional.empty(), Set.of(), 10, 0));
        assertThat(inTown.items()).extracting(Incident::sourceKey).containsExactly("a", "b", "d");
        Envelope west = new Envelope(-0.96, -0.94, 52.76, 52.77);
        Envelope farEast = new Envelope(177, 180, 52, 53);
        assertThat(incidents.find(new IncidentQuery(BoxFilter.lonLat(west, farEast), Optional.empty(), Optional.empty(),
                Set.of(), 10, 0)).items()).extracting(Incident::sourceKey).containsExactly("c");
        assertThat(incidents.find(new IncidentQuery(BoxFilter.lonLat(town, west), Optional.empty(), Optional.empty(),
                Set.of(), 10, 0)).numberMatched()).isEqualTo(4);
        double[] c = grid.toGrid(-0.950, 52.7656);
        BoxFilter aroundC = new BoxFilter(List.of(new Envelope(c[0] - 5, c[0] + 5, c[1] - 5, c[1] + 5)), true);
        assertThat(incidents.find(new IncidentQuery(aroundC, Optional.empty(), Optional.empty(), Set.of(), 10, 0))
                .items()).extracting(Incident::sourceKey).containsExactly("c");

        Page<Incident> february = incidents.find(new IncidentQuery(BoxFilter.NONE,
                Optional.of(LocalDateTime.of(2025, 2, 10, 0, 0)), Optional.of(LocalDateTime.of(2025, 2, 11, 0, 0)),
                Set.of(), 10, 0));
        assertThat(february.items()).extracting(Incident::sourceKey).containsExactly("b", "c");

        Page<Incident> burglaryPage2 = incidents.find(new IncidentQuery(BoxFilter.NONE, Optional.empty(),
                Optional.empty(), Set.of(Category.BURGLARY), 2, 2));
        assertThat(burglaryPage2.numberMatched()).isEqualTo(3);
        assertThat(burglaryPage2.items()).extracting(Incident::sourceKey).containsExactly("d");
    }

    @Test
    void reports_the_extent_of_what_is_stored() {
        assertThat(incidents.extent()).isEmpty();
        importAll(List.of(incident("a", -0.95, 52.70, Category.BURGLARY, YearMonth.of(2025, 1)),
                incident("b", -0.85, 52.80, Category.BURGLARY, YearMonth.of(2025, 3))));
        IncidentStore.Extent e = incidents.extent().orElseThrow();
        assertThat(new double[] {e.minLon(), e.minLat(), e.maxLon(), e.maxLat()}).containsExactly(-0.95, 52.70, -0.85, 52.80);
        assertThat(e.start()).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThat(e.end()).isEqualTo(LocalDateTime.of(2025, 4, 1, 0, 0));
    }

    @Test
    void areas_are_replaced_found_by_box_and_deleted() throws Exception {
        var square = new WKTReader().read("POLYGON ((-0.90 52.76, -0.88 52.76, -0.88 52.77, -0.90 52.77, -0.90 52.76))");
        var far = new WKTReader().read("POLYGON ((-0.70 52.90, -0.69 52.90, -0.69 52.91, -0.70 52.91, -0.70 52.90))");
        areas.putAll(List.of(new Area(AreaKind.NEIGHBOURHOOD, "town", "Town", true, "sketch", square),
                new Area(AreaKind.NEIGHBOURHOOD, "far", "Far", false, null, far)));
        areas.put(new Area(AreaKind.NEIGHBOURHOOD, "town", "Town centre", false, null, square));

        assertThat(areas.count(AreaKind.NEIGHBOURHOOD)).isEqualTo(2);
        assertThat(areas.get(AreaKind.NEIGHBOURHOOD, "town")).get()
                .satisfies(a -> {
                    assertThat(a.name()).isEqualTo("Town centre");
                    assertThat(a.geometry().equalsExact(square, 1e-9)).isTrue();
                });
        var found = areas.find(AreaKind.NEIGHBOURHOOD, BoxFilter.lonLat(new Envelope(-0.895, -0.885, 52.765, 52.766)), 10, 0);
        assertThat(found.items()).extracting(Area::code).containsExactly("town");
        assertThat(areas.find(AreaKind.NEIGHBOURHOOD, BoxFilter.lonLat(new Envelope(177, 180, 52, 53),
                new Envelope(-0.895, -0.885, 52.765, 52.766)), 10, 0).items()).extracting(Area::code)
                .containsExactly("town");
        assertThat(areas.find(AreaKind.NEIGHBOURHOOD, BoxFilter.lonLat(new Envelope(177, 180, 52, 53)), 10, 0).items()).isEmpty();
        double[] farEn = grid.toGrid(-0.695, 52.905);
        assertThat(areas.find(AreaKind.NEIGHBOURHOOD, new BoxFilter(List.of(new Envelope(farEn[0] - 10, farEn[0] + 10,
                farEn[1] - 10, farEn[1] + 10)), true), 10, 0).items()).extracting(Area::code).containsExactly("far");
        assertThat(areas.extent(AreaKind.NEIGHBOURHOOD).orElseThrow())
                .containsExactly(new double[] {-0.90, 52.76, -0.69, 52.91}, within(1e-5));
        assertThat(areas.extent(AreaKind.LSOA)).isEmpty();
        assertThat(areas.delete(AreaKind.NEIGHBOURHOOD, "town")).isTrue();
        assertThat(areas.delete(AreaKind.NEIGHBOURHOOD, "town")).isFalse();
        assertThat(areas.count(AreaKind.WARD)).isZero();
    }

    @Test
    void a_failed_area_batch_stores_none_of_it() throws Exception {
        var square = new WKTReader().read("POLYGON ((-0.90 52.76, -0.88 52.76, -0.88 52.77, -0.90 52.77, -0.90 52.76))");
        Area good = new Area(AreaKind.NEIGHBOURHOOD, "ok", "OK", false, null, square);
        Area tooLongName = new Area(AreaKind.NEIGHBOURHOOD, "bad", "x".repeat(500), false, null, square);
        assertThatThrownBy(() -> areas.putAll(List.of(good, tooLongName)))
                .isInstanceOf(uk.safermap.store.StoreException.class);
        assertThat(areas.count(AreaKind.NEIGHBOURHOOD)).isZero();
    }
}
