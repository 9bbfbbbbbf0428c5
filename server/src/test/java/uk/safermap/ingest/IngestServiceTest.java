package uk.safermap.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcIncidentStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Imports of each format into a real (embedded H2GIS) store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestServiceTest {

    @TempDir
    static Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Europe/London"));
    private Database db;
    private JdbcIncidentStore store;
    private IngestService ingest;

    @BeforeAll
    void open() {
        db = Database.openH2gis(dir, 4);
        store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        var wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS).stream()
                .map(w -> grid.toGrid(w.geometry())).toList();
        ingest = new IngestService(store, grid, ServiceArea.around(wards, 2000, "Melton borough"), clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM incident");
            s.execute("DELETE FROM import_run");
        }
    }

    private ImportReport importResource(IncidentFormat format, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + name)) {
            return ingest.importStream(format, in, name, IngestService.Progress.NONE);
        }
    }

    private ImportReport importText(IncidentFormat format, String text) {
        return ingest.importStream(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text",
                IngestService.Progress.NONE);
    }

    @Test
    void police_csv_keeps_good_rows_and_reports_each_bad_one_with_line_field_and_reason() throws IOException {
        ImportReport r = importResource(IncidentFormat.POLICE_CSV, "police-good-and-bad.csv");

        assertThat(r.imported()).isEqualTo(4);
        assertThat(r.duplicates()).isZero();
        assertThat(r.rejectedCount()).as("malformed rows only").isEqualTo(5);
        assertThat(r.outsideArea()).as("the Sheffield row on line 7 is well formed, only elsewhere").isEqualTo(1);
        assertThat(r.noLocation()).isZero();
        assertThat(r.rejected()).extracting(Rejection::line, Rejection::field, Rejection::value)
                .containsExactly(
                        tuple(5L, "Longitude", "abc"),
                        tuple(6L, "Longitude,Latitude", "0,0"),
                        tuple(8L, "Month", "April 2025"),
                        tuple(9L, "Crime type", null),
                        tuple(10L, "Latitude", "95.5"));
        assertThat(r.rejected()).extracting(Rejection::reason).containsExactly(
                "not a number",
                "coordinates are 0,0: the location is missing in the source",
                "unknown date: expected " + WhenParser.ACCEPTED,
                "missing category",
                "out of range: latitude must be -90 to 90");
    }

    @Test
    void identical_asb_rows_are_all_kept_and_a_reimport_adds_nothing() throws IOException {
        importResource(IncidentFormat.POLICE_CSV, "police-good-and-bad.csv");
        List<Incident> asb = store.find(new IncidentQuery(uk.safermap.store.BoxFilter.NONE, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Set.of(Category.ANTI_SOCIAL_BEHAVIOUR), 10, 0)).items();
        assertThat(asb).hasSize(2).allSatisfy(i -> assertThat(i.crimeId()).isNull());
        assertThat(asb).extracting(Incident::sourceKey).doesNotHaveDuplicates();

        ImportReport again = importResource(IncidentFormat.POLICE_CSV, "police-good-and-bad.csv");
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(4);
        assertThat(store.count()).isEqualTo(4);
    }

    @Test
    void police_rows_are_normalised_to_slugs_keeping_the_label_and_both_crs() throws IOException {
        importResource(IncidentFormat.POLICE_CSV, "police-good-and-bad.csv");
        Incident shoplifting = store.find(IncidentQuery.all(10)).items().stream()
                .filter(i -> i.category() == Category.SHOPLIFTING).findFirst().orElseThrow();
        assertThat(shoplifting.categoryLabel()).isEqualTo("Shoplifting");
        assertThat(shoplifting.crimeId()).startsWith("a1b2c3");
        assertThat(shoplifting.when().precision()).isEqualTo("month");
        double[] en = grid.toGrid(-0.887, 52.7656);
        assertThat(shoplifting.easting()).isEqualTo(en[0]);
        assertThat(shoplifting.northing()).isEqualTo(en[1]);
        assertThat(shoplifting.detail(IncidentDetail.LSOA_NAME)).isEqualTo("Melton 007C");
    }

    @Test
    void council_csv_maps_columns_by_header_and_converts_grid_coordinates() throws IOException {
        ImportReport r = importResource(IncidentFormat.COUNCIL_CSV, "council.csv");

        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.rejected()).extracting(Rejection::line, Rejection::field)
                .containsExactly(tuple(5L, "Easting"), tuple(6L, "Easting"), tuple(7L, "Incident Date"));
        List<Incident> rows = store.find(IncidentQuery.all(10)).items();
        Incident flyTip = rows.stream().filter(i -> "MBC-0001".equals(i.crimeId())).findFirst().orElseThrow();
        assertThat(flyTip.category()).isEqualTo(Category.CRIMINAL_DAMAGE_ARSON);
        assertThat(flyTip.categoryLabel()).isEqualTo("Fly-tipping");
        assertThat(flyTip.occurredAt()).isEqualTo(LocalDateTime.of(2025, 3, 14, 21, 30));
        double[] lonLat = grid.toWgs84(475200, 319100);
        assertThat(flyTip.lon()).isEqualTo(lonLat[0]);
        assertThat(flyTip.lat()).isEqualTo(lonLat[1]);
        assertThat(rows).filteredOn(i -> "MBC-0002".equals(i.crimeId()))
                .singleElement().satisfies(i -> assertThat(i.when().precision()).isEqualTo("day"));
        assertThat(rows).filteredOn(Incident::sensitive).extracting(Incident::crimeId).containsExactly("MBC-0003");
    }

    @Test
    void geojson_points_import_and_other_geometries_or_missing_category_are_rejected() throws IOException {
        ImportReport r = importResource(IncidentFormat.GEOJSON, "incidents.geojson");
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.rejected()).extracting(Rejection::field, Rejection::reason).containsExactly(
                tuple("geometry", "geometry must be a Point with [longitude, latitude] coordinates"),
                tuple("category", "missing category"));
        assertThat(r.rejected()).extracting(Rejection::line).containsExactly(10L, 13L);
        Incident robbery = store.find(IncidentQuery.all(10)).items().stream()
                .filter(i -> i.category() == Category.ROBBERY).findFirst().orElseThrow();
        // 23:15 UTC on 1 June is 00:15 on 2 June in London (BST).
        assertThat(robbery.occurredAt()).isEqualTo(LocalDateTime.of(2025, 6, 2, 0, 15));
        assertThat(robbery.crimeId()).isEqualTo("gj-1");
    }

    /** A distinct text per detail; the location names a street, so police.uk labelling keeps it. */
    private static String text(IncidentDetail d) {
        return d == IncidentDetail.LOCATION ? "On or near High Street" : "the " + d.column();
    }

    /**
     * The claim of {@link IncidentDetail} on the readers' side: GeoJSON gives every detail by its
     * column name, the police.uk CSV every detail police.uk has, the council CSV every detail with
     * council headers; each arrives in the stored incident.
     */
    @Test
    void every_incident_detail_is_read_by_each_format_that_has_it_and_stored() {
        StringBuilder props = new StringBuilder("\"crime_id\": \"gj-details\", \"category\": \"Robbery\", "
                + "\"month\": \"2025-03\"");
        StringBuilder policeHeader = new StringBuilder("Crime ID,Month,Longitude,Latitude,Crime type");
        StringBuilder policeRow = new StringBuilder("pc-details,2025-03,-0.887,52.7656,Robbery");
        StringBuilder councilHeader = new StringBuilder("reference,easting,northing,date,category");
        StringBuilder councilRow = new StringBuilder("MBC-details,475000,318000,2025-03-04,Fly-tipping");
        Map<IncidentDetail, String> geojson = new EnumMap<>(IncidentDetail.class);
        Map<IncidentDetail, String> police = new EnumMap<>(IncidentDetail.class);
        Map<IncidentDetail, String> council = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            props.append(", \"").append(d.column()).append("\": \"").append(text(d)).append('"');
            geojson.put(d, text(d));
            if (d.policeCsv() != null) {
                policeHeader.append(',').append(d.policeCsv());
                policeRow.append(',').append(text(d));
                police.put(d, text(d));
            }
            if (!d.councilCsv().isEmpty()) {
                councilHeader.append(',').append(d.councilCsv().get(d.councilCsv().size() - 1));
                councilRow.append(',').append(text(d));
                council.put(d, text(d));
            }
        }
        importText(IncidentFormat.GEOJSON, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [-0.887, 52.7656]}, \"properties\": {" + props + "}}]}");
        importText(IncidentFormat.POLICE_CSV, policeHeader + "\n" + policeRow + "\n");
        importText(IncidentFormat.COUNCIL_CSV, councilHeader + "\n" + councilRow + "\n");

        Map<String, Map<IncidentDetail, String>> byCrimeId = new HashMap<>();
        store.find(IncidentQuery.all(10)).items().forEach(i -> byCrimeId.put(i.crimeId(), i.details().values()));
        assertThat(byCrimeId).containsOnly(entry("gj-details", geojson), entry("pc-details", police),
                entry("MBC-details", council));
    }

    @Test
    void a_file_that_is_not_the_declared_format_is_refused_and_stores_nothing() {
        assertThatThrownBy(() -> importText(IncidentFormat.POLICE_CSV, "easting,northing,date,category\n1,2,3,4\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("missing column(s) Crime ID, Month, Longitude, Latitude, Crime type");
        assertThatThrownBy(() -> importText(IncidentFormat.GEOJSON, "Crime ID,Month\n"))
                .isInstanceOf(FormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> importText(IncidentFormat.GEOJSON, "{\"type\":\"Feature\"}"))
                .isInstanceOf(FormatException.class).hasMessageContaining("expected 'FeatureCollection'");
        assertThatThrownBy(() -> importText(IncidentFormat.COUNCIL_CSV, ""))
                .isInstanceOf(FormatException.class);
        assertThat(store.count()).isZero();
        assertThat(store.imports(10)).isEmpty();
    }

    @Test
    void a_failure_part_way_through_rolls_back_every_row_of_that_import() {
        StringBuilder csv = new StringBuilder("Crime ID,Month,Longitude,Latitude,Crime type\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(String.format("id%05d,2025-03,-0.887,52.7656,Burglary%n", i));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        InputStream breaksHalfWay = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos == bytes.length / 2) {
                    throw new IOException("connection reset");
                }
                return bytes[pos++];
            }
        };
        assertThatThrownBy(() -> ingest.importStream(IncidentFormat.POLICE_CSV, breaksHalfWay, "broken",
                IngestService.Progress.NONE)).isInstanceOf(FormatException.class);
        assertThat(store.count()).isZero();
        assertThat(store.imports(10)).isEmpty();
    }

    @Test
    void rows_repeated_within_one_file_by_crime_id_count_as_duplicates() {
        String row = "dup1,2025-03,-0.887,52.7656,Burglary\n";
        ImportReport r = importText(IncidentFormat.POLICE_CSV, "Crime ID,Month,Longitude,Latitude,Crime type\n" + row + row);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
    }

    @Test
    void geojson_files_numbering_their_features_alike_do_not_hide_each_other() {
        String template = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[LON,52.7656]},"
                + "\"properties\":{\"category\":\"drugs\",\"date\":\"2025-05-01\"}}]}";
        assertThat(importText(IncidentFormat.GEOJSON, template.replace("LON", "-0.8870")).imported()).isEqualTo(1);
        assertThat(importText(IncidentFormat.GEOJSON, template.replace("LON", "-0.8890")).imported()).isEqualTo(1);
        assertThat(importText(IncidentFormat.GEOJSON, template.replace("LON", "-0.8890")).duplicates()).isEqualTo(1);
    }

    @Test
    void implausible_dates_are_rejected_with_line_and_reason_not_shifted() {
        ImportReport police = importText(IncidentFormat.POLICE_CSV, "Crime ID,Month,Longitude,Latitude,Crime type\n"
                + "a1,0000-01,-0.887,52.7656,Burglary\n"
                + "a2,+999999999-01,-0.887,52.7656,Burglary\n"
                + "a3,1989-12,-0.887,52.7656,Burglary\n"
                + "a4,2025-03,-0.887,52.7656,Burglary\n");
        assertThat(police.imported()).isEqualTo(1);
        assertThat(police.rejected()).extracting(Rejection::line, Rejection::field, Rejection::value).containsExactly(
                tuple(2L, "Month", "0000-01"), tuple(3L, "Month", "+999999999-01"), tuple(4L, "Month", "1989-12"));
        assertThat(police.rejected().get(0).reason()).startsWith("implausible date: before 1990-01-01");
        assertThat(police.rejected().get(1).reason()).isEqualTo("date is in the future");
        assertThat(police.rejected().get(2).reason()).startsWith("implausible date: before 1990-01-01");

        ImportReport council = importText(IncidentFormat.COUNCIL_CSV, "reference,date,category,easting,northing\n"
                + "c1,10/10/1582,Noise,475200,319100\n"
                + "c2,01/01/1900,Noise,475200,319100\n"
                + "c3,+999999999-12-31T10:00,Noise,475200,319100\n"
                + "c4,14/03/2025,Noise,475200,319100\n");
        assertThat(council.imported()).isEqualTo(1);
        assertThat(council.rejected()).extracting(Rejection::line, Rejection::value)
                .containsExactly(tuple(2L, "10/10/1582"), tuple(3L, "01/01/1900"), tuple(4L, "+999999999-12-31T10:00"));
        assertThat(council.rejected().get(0).reason()).contains("implausible date");
        assertThat(store.find(IncidentQuery.all(10)).items()).extracting(i -> i.month().toString())
                .containsExactlyInAnyOrder("2025-03", "2025-03");
    }

    @Test
    void bytes_that_are_not_utf_8_are_reported_and_nothing_is_stored() {
        byte[] head = "reference,date,category,easting,northing,street\nc1,14/03/2025,Noise,475200,319100,Caf"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n".getBytes(StandardCharsets.UTF_8);
        byte[] windows1252 = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, windows1252, 0, head.length);
        windows1252[head.length] = (byte) 0xE9; // é in Windows-1252, not a UTF-8 sequence
        System.arraycopy(tail, 0, windows1252, head.length + 1, tail.length);
        assertThatThrownBy(() -> ingest.importStream(IncidentFormat.COUNCIL_CSV, new ByteArrayInputStream(windows1252),
                "cp1252.csv", IngestService.Progress.NONE))
                .isInstanceOf(FormatException.class).hasMessageContaining("not valid UTF-8");
        assertThat(store.count()).isZero();
    }

    @Test
    void a_reference_longer_than_its_column_is_kept_cut_not_an_error() {
        String ref = "R".repeat(150);
        ImportReport r = importText(IncidentFormat.COUNCIL_CSV,
                "reference,date,category,easting,northing\n" + ref + ",2025-03-01,Noise,475200,319100\n");
        assertThat(r.imported()).isEqualTo(1);
        assertThat(store.find(IncidentQuery.all(10)).items().get(0).crimeId()).hasSize(100);
        assertThat(importText(IncidentFormat.COUNCIL_CSV,
                "reference,date,category,easting,northing\n" + ref + ",2025-03-01,Noise,475200,319100\n")
                .duplicates()).isEqualTo(1);
    }

    @Test
    void duplicates_in_a_later_batch_than_their_first_row_are_counted_exactly_and_a_reimport_adds_nothing() {
        // 12,000 rows: more than one store batch; the last 1,000 repeat crime ids of the first batch.
        StringBuilder csv = new StringBuilder("Crime ID,Month,Longitude,Latitude,Crime type\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("batch").append(i % 11_000).append(",2025-03,-0.887,52.7656,Burglary\n");
        }
        ImportReport first = importText(IncidentFormat.POLICE_CSV, csv.toString());
        assertThat(first.imported()).isEqualTo(11_000);
        assertThat(first.duplicates()).isEqualTo(1_000);
        ImportReport again = importText(IncidentFormat.POLICE_CSV, csv.toString());
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(12_000);
        assertThat(store.count()).isEqualTo(11_000);
    }

    @Test
    void two_imports_of_the_same_file_at_once_both_finish_and_add_it_once() throws Exception {
        StringBuilder csv = new StringBuilder("Crime ID,Month,Longitude,Latitude,Crime type\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("race").append(i).append(",2025-03,-0.887,52.7656,Burglary\n");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> importText(IncidentFormat.POLICE_CSV, csv.toString()));
            var second = pool.submit(() -> importText(IncidentFormat.POLICE_CSV, csv.toString()));
            ImportReport a = first.get();
            ImportReport b = second.get();
            assertThat(a.imported() + b.imported()).isEqualTo(3000);
            assertThat(a.duplicates() + b.duplicates()).isEqualTo(3000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.count()).isEqualTo(3000);
    }

    @Test
    void future_dates_and_unknown_police_crime_types_are_rejected() {
        ImportReport r = importText(IncidentFormat.POLICE_CSV, "Crime ID,Month,Longitude,Latitude,Crime type\n"
                + "x1,2030-01,-0.887,52.7656,Burglary\nx2,2025-01,-0.887,52.7656,Jaywalking\n");
        assertThat(r.rejected()).extracting(Rejection::reason)
                .containsExactly("date is in the future", "unknown crime type: not one of the 14 data.police.uk categories");
    }
}
