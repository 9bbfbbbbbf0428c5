package uk.safermap.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcIncidentStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole force-wide police.uk months, as published, into a real H2GIS store: every count checked
 * against an independent count of the file (see {@link RealPoliceFiles}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPoliceImportTest {

    private static final double MARGIN = 2000;

    @TempDir
    static Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private Database db;
    private JdbcIncidentStore store;
    private IngestService ingest;

    @BeforeAll
    void open() {
        db = Database.openH2gis(dir, 4);
        store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        var wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS).stream()
                .map(w -> grid.toGrid(w.geometry())).toList();
        ingest = new IngestService(store, grid, ServiceArea.around(wards, MARGIN, "Melton borough"), Clock.systemUTC());
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

    private ImportReport importBytes(byte[] body, String name) {
        return ingest.importStream(IncidentFormat.POLICE_CSV, new ByteArrayInputStream(body), name,
                IngestService.Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-04", "2021-01", "2021-11"})
    void a_force_wide_month_imports_its_melton_rows_and_counts_the_rest_apart(String month) throws IOException {
        Path file = RealPoliceFiles.street(month);
        RealPoliceFiles.Counts expected = RealPoliceFiles.count(file, MARGIN);
        ImportReport r = importBytes(Files.readAllBytes(file), file.getFileName().toString());

        assertThat(r.imported()).as("rows inside the service area").isEqualTo(expected.inside());
        assertThat(r.noLocation()).isEqualTo(expected.noLocation()).isPositive();
        assertThat(r.outsideArea()).isEqualTo(expected.outside());
        assertThat(r.rejectedCount()).as("real files are well formed: %s", r.rejected()).isZero();
        assertThat(store.count()).isEqualTo(expected.inside());

        ImportReport again = importBytes(Files.readAllBytes(file), file.getFileName().toString());
        assertThat(again.imported()).as("a re-import adds nothing").isZero();
        assertThat(again.duplicates()).isEqualTo(expected.inside());
        assertThat(store.count()).isEqualTo(expected.inside());
    }

    @Test
    void identical_asb_rows_stay_distinct_and_a_plain_reimport_of_the_gzip_adds_nothing() throws IOException {
        Path file = RealPoliceFiles.street("2021-10");
        importBytes(Files.readAllBytes(file), "gzip");
        long stored = store.count();
        byte[] plain;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            plain = in.readAllBytes();
        }
        assertThat(importBytes(plain, "plain").imported()).isZero();
        assertThat(store.count()).isEqualTo(stored);
        // Five identical ASB rows on Rosebery Avenue in 2021-10 are five reports.
        List<Incident> rosebery = store.find(new IncidentQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(),
                Set.of(uk.safermap.domain.Category.ANTI_SOCIAL_BEHAVIOUR), 10_000, 0)).items().stream()
                .filter(i -> "On or near Rosebery Avenue".equals(i.detail(IncidentDetail.LOCATION)) && i.lon() == -0.880878).toList();
        assertThat(rosebery).hasSize(5).extracting(Incident::sourceKey).doesNotHaveDuplicates();
    }

    @Test
    void no_incident_is_labelled_on_or_near_nothing_or_a_generic_snap_point() throws IOException {
        Path file = RealPoliceFiles.street("2021-11");
        importBytes(Files.readAllBytes(file), file.getFileName().toString());
        List<Incident> all = store.find(new IncidentQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(),
                Set.of(), 100_000, 0)).items();
        assertThat(all).extracting(i -> i.detail(IncidentDetail.LOCATION)).allSatisfy(l -> {
            assertThat(l).isNotBlank().doesNotStartWithIgnoringCase("On or near Petrol Station")
                    .doesNotStartWithIgnoringCase("On or near Parking Area").isNotEqualToIgnoringWhitespace("On or near");
            assertThat(uk.safermap.domain.PoliceLocation.streetless(l)).as(l).isFalse();
        });
        assertThat(all).extracting(i -> i.detail(IncidentDetail.LOCATION)).anyMatch(l -> l.startsWith("Petrol Station near "));
    }

    @Test
    void a_location_with_no_street_takes_the_nearest_street_of_the_file_else_the_lsoa_name() {
        String csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type\n"
                + "id-1,2021-05,Leicestershire Police,Leicestershire Police,-0.887000,52.765600,On or near ,E01025894,Melton 007C,Burglary\n"
                + "id-2,2021-05,Leicestershire Police,Leicestershire Police,-0.887100,52.765700,On or near Market Place,E01025894,Melton 007C,Burglary\n"
                + "id-3,2021-05,Leicestershire Police,Leicestershire Police,-0.800000,52.900000,On or near Parking Area,E01025885,Melton 001A,Burglary\n";
        ImportReport r = importBytes(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "labels");
        assertThat(r.imported()).isEqualTo(3);
        assertThat(locationOf("id-1")).isEqualTo("Near Market Place");
        assertThat(locationOf("id-2")).isEqualTo("On or near Market Place");
        assertThat(locationOf("id-3")).as("no street within 500 m").isEqualTo("Parking Area, Melton 001A");
    }

    private String locationOf(String crimeId) {
        return store.find(new IncidentQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(), Set.of(), 100, 0))
                .items().stream().filter(i -> crimeId.equals(i.crimeId())).findFirst().orElseThrow().detail(IncidentDetail.LOCATION);
    }

    @Test
    void a_police_uk_zip_imports_street_files_applies_the_latest_outcomes_and_counts_stop_and_search() throws IOException {
        Path street = RealPoliceFiles.street("2021-10");
        RealPoliceFiles.Counts expected = RealPoliceFiles.count(street, MARGIN);
        byte[] zip = zip(street);

        ImportReport r = importBytes(zip, "2021-10.zip");
        assertThat(r.imported()).isEqualTo(expected.inside());
        assertThat(r.noLocation()).isEqualTo(expected.noLocation());
        assertThat(r.outsideArea()).isEqualTo(expected.outside());
        assertThat(r.stopAndSearch()).isEqualTo(3);
        assertThat(r.outcomesUpdated()).as("two Melton crimes; the third id is not stored").isEqualTo(2);
        assertThat(r.files()).hasSize(3);
        assertThat(outcome("bc9f4ba8b0999a5da1c15cbef074255bac90250f88f8742a48c6629a47ff26b5"))
                .as("the later month wins whatever the row order").isEqualTo("Offender given a caution");
        assertThat(outcome("7dcc8f3d2aa99e9b53c6afe2a46e3e60e5e7ddd2547d31fdeb246671eb611651"))
                .isEqualTo("Court result unavailable");

        ImportReport again = importBytes(zip, "2021-10.zip");
        assertThat(again.imported()).isZero();
        assertThat(store.count()).isEqualTo(expected.inside());
    }

    @Test
    void an_outcomes_file_on_its_own_updates_the_crimes_already_stored() throws IOException {
        Path street = RealPoliceFiles.street("2021-10");
        importBytes(Files.readAllBytes(street), street.getFileName().toString());
        byte[] outcomes;
        try (InputStream in = getClass().getResourceAsStream("/police-uk/2021-10-leicestershire-outcomes.csv")) {
            outcomes = in.readAllBytes();
        }
        ImportReport r = importBytes(outcomes, "outcomes");
        assertThat(r.imported()).isZero();
        assertThat(r.outcomesUpdated()).isEqualTo(2);
        assertThat(outcome("bc9f4ba8b0999a5da1c15cbef074255bac90250f88f8742a48c6629a47ff26b5"))
                .isEqualTo("Offender given a caution");
    }

    @Test
    void a_zip_with_a_broken_file_leaves_the_store_as_it_was() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("2021-10/2021-10-leicestershire-street.csv"));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(RealPoliceFiles.street("2021-10")))) {
                in.transferTo(z);
            }
            z.putNextEntry(new ZipEntry("2021-10/2021-10-leicestershire-outcomes.csv"));
            z.write("Month,Something\n2021-10,x\n".getBytes());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importBytes(bytes.toByteArray(), "broken.zip"))
                .isInstanceOf(FormatException.class).hasMessageContaining("2021-10-leicestershire-outcomes.csv")
                .hasMessageContaining("Crime ID");
        assertThat(store.count()).isZero();
    }

    private String outcome(String crimeId) {
        return store.find(new IncidentQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(), Set.of(), 100_000, 0))
                .items().stream().filter(i -> crimeId.equals(i.crimeId())).findFirst().orElseThrow().detail(IncidentDetail.OUTCOME);
    }

    private byte[] zip(Path street) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("2021-10/"));
            z.putNextEntry(new ZipEntry("2021-10/2021-10-leicestershire-street.csv"));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(street))) {
                in.transferTo(z);
            }
            for (String name : List.of("2021-10-leicestershire-outcomes.csv", "2021-10-leicestershire-stop-and-search.csv")) {
                z.putNextEntry(new ZipEntry("2021-10/" + name));
                try (InputStream in = getClass().getResourceAsStream("/police-uk/" + name)) {
                    in.transferTo(z);
                }
            }
        }
        return bytes.toByteArray();
    }
}
