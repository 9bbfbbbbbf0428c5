package uk.safermap.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.roads.Stats19Sample;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcCollisionStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** STATS19 collision imports into a real (embedded H2GIS) store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollisionIngestServiceTest {

    @TempDir
    static Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Europe/London"));
    private Database db;
    private JdbcCollisionStore store;
    private CollisionIngestService ingest;

    @BeforeAll
    void open() {
        db = Database.openH2gis(dir, 4);
        store = new JdbcCollisionStore(db, grid, Clock.systemDefaultZone());
        var wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS).stream()
                .map(w -> grid.toGrid(w.geometry())).toList();
        ingest = new CollisionIngestService(store, grid, ServiceArea.around(wards, 2000, "Melton borough"), clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM collision");
        }
    }

    private CollisionImportReport importText(String text) {
        return ingest.importStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text");
    }

    private List<Collision> all() {
        return store.find(CollisionQuery.all(Optional.empty(), Optional.empty(), Set.of())).items();
    }

    @Test
    void the_26_real_melton_collisions_of_2023_import_with_severity_time_and_road() throws IOException {
        CollisionImportReport report;
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            report = ingest.importStream(in, "melton-2023-partial.csv");
        }
        assertThat(report.naming()).isEqualTo("intermediate");
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(26);
        assertThat(report.outsideArea()).isZero();
        List<Collision> stored = all();
        assertThat(stored).extracting(c -> c.severity()).filteredOn(Severity.SERIOUS::equals).hasSize(6);
        Collision first = stored.stream().filter(c -> c.collisionIndex().equals("2023332300005")).findFirst().orElseThrow();
        assertThat(first.date()).isEqualTo(LocalDate.of(2023, 1, 5));
        assertThat(first.time()).isEqualTo(LocalTime.of(15, 15));
        assertThat(first.severity()).isEqualTo(Severity.SLIGHT);
        assertThat(first.speedLimit()).isEqualTo(30);
        assertThat(first.firstRoadClass()).isEqualTo(5);
        assertThat(first.enhancedSeverity()).isNull();
        assertThat(first.lsoaCode()).isEqualTo("E01025906");
        assertThat(first.easting()).isEqualTo(475210);
        assertThat(first.lon()).isEqualTo(-0.88656);
        Collision a607 = stored.stream().filter(c -> c.collisionIndex().equals("2023332300044")).findFirst().orElseThrow();
        assertThat(a607.roadName()).isEqualTo("A607");
        assertThat(a607.casualties()).isEqualTo(2);
        assertThat(a607.lightConditions()).isEqualTo(6);
        assertThat(a607.weatherConditions()).isEqualTo(1);

        CollisionImportReport again;
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            again = ingest.importStream(in, "melton-2023-partial.csv");
        }
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(26);
        assertThat(all()).hasSize(26);
    }

    @ParameterizedTest
    @EnumSource(Stats19Sample.Naming.class)
    void each_stats19_naming_imports_with_severity_date_and_time_kept(Stats19Sample.Naming naming) {
        List<Stats19Sample.Row> rows = Stats19Sample.rows(7, 2024, 40);
        String csv = Stats19Sample.csv(naming, rows);
        assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1))
                .hasSameSizeAs(Stats19Sample.header(naming).split(",")));

        CollisionImportReport report = importText(csv);

        assertThat(report.naming()).isEqualTo(naming.name().toLowerCase());
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(rows.size());
        List<Collision> stored = all();
        for (Stats19Sample.Row r : rows) {
            Collision c = stored.stream().filter(x -> x.easting() == r.easting() && x.northing() == r.northing()
                    && x.date().equals(LocalDate.of(r.year(), r.month(), r.day()))).findFirst().orElseThrow();
            assertThat(c.severity().code()).isEqualTo(r.severity());
            assertThat(c.time()).isEqualTo(LocalTime.of(r.hour(), r.minute()));
            assertThat(c.speedLimit()).isEqualTo(r.speedLimit());
            assertThat(c.firstRoadNumber()).isEqualTo(r.roadNumber());
            assertThat(c.casualties()).isEqualTo(r.casualties());
            assertThat(c.enhancedSeverity()).isEqualTo(naming == Stats19Sample.Naming.CURRENT
                    ? (r.severity() == 2 ? 5 : r.severity()) : null);
            // Only the grid reference was given: longitude/latitude come from it.
            assertThat(c.lat()).isBetween(52.6, 52.9);
        }
    }

    @Test
    void bad_rows_are_reported_by_line_with_a_reason_and_good_rows_kept() {
        String header = Stats19Sample.header(Stats19Sample.Naming.INTERMEDIATE);
        List<Stats19Sample.Row> rows = Stats19Sample.rows(3, 2023, 0);
        String good = Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(0));
        String csv = String.join("\n", header,
                good,
                good,
                good.replaceFirst(",33,[123],", ",33,4,"),
                Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(1)).replaceFirst("/2023,", "/2023x,"),
                Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(2)).replaceFirst(",\\d\\d:\\d\\d,", ",25:99,"),
                Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(3)).replaceFirst("^\\d+,2023,\\d+,\\d+,\\d+",
                        "2023999,2023,999,NULL,NULL"),
                Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(4)).replaceFirst("/2023,", "/2027,"),
                Stats19Sample.line(Stats19Sample.Naming.INTERMEDIATE, rows.get(5)).replaceFirst("^\\d+,2023,\\d+,\\d+,\\d+",
                        "2023998,2023,998,530000,180000"));

        CollisionImportReport report = importText(csv);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.outsideArea()).isEqualTo(1);
        assertThat(report.rejected()).extracting(Rejection::line, Rejection::field, Rejection::reason).containsExactly(
                tuple(4L, "accident_severity", "unknown severity: expected 1 (fatal), 2 (serious) or 3 (slight)"),
                tuple(5L, "date", "unknown date: expected DD/MM/YYYY"),
                tuple(6L, "time", "unknown time: expected HH:MM (24-hour)"),
                tuple(7L, "location_easting_osgr", "no location: eastings/northings and longitude/latitude are all missing"),
                tuple(8L, "date", "date is in the future"));
        assertThat(all()).hasSize(1);
    }

    @Test
    void a_file_that_is_not_stats19_is_refused_and_stores_nothing() {
        assertThatThrownBy(() -> importText("Crime ID,Month,Longitude,Latitude\n1,2024-01,-0.88,52.76\n"))
                .isInstanceOf(FormatException.class).hasMessageContaining("collision_index");
        assertThat(all()).isEmpty();
    }
}
