package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.Collision;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.SpeedConcern;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.ingest.CouncilTaxonomyFile;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;
import uk.safermap.store.KeyedImportSession;
import uk.safermap.store.SpeedConcernQuery;
import uk.safermap.store.SpeedConcernStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the collision, council case and speed concern stores must do, on H2GIS and on PostGIS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoadAndCouncilStoreContract {

    private Database db;
    private JdbcCollisionStore store;
    private JdbcCouncilCaseStore cases;
    private JdbcSpeedConcernStore speed;

    protected abstract Database openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        store = new JdbcCollisionStore(db, new BritishNationalGrid(), Clock.systemDefaultZone());
        cases = new JdbcCouncilCaseStore(db, CouncilTaxonomyFile.defaults(), new BritishNationalGrid(), Clock.systemDefaultZone());
        speed = new JdbcSpeedConcernStore(db, new BritishNationalGrid(), Clock.systemDefaultZone());
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static Collision collision(String index, LocalDate date, LocalTime time, Severity s, double e, double n) {
        return new Collision(0, index, date, time, s, s == Severity.SERIOUS ? 6 : null, 30, 3, 607, 4, null, 2, 1,
                -0.88, 52.77, e, n, "E01025906");
    }

    @Test
    void collisions_round_trip_filter_and_an_uncommitted_import_leaves_nothing() {
        try (KeyedImportSession<Collision> s = store.beginImport("a.csv")) {
            assertThat(s.add(List.of(
                    collision("2023330000001", LocalDate.of(2023, 1, 5), LocalTime.of(15, 15), Severity.SLIGHT, 475210, 320250),
                    collision("2023330000002", LocalDate.of(2023, 6, 1), null, Severity.SERIOUS, 478600, 321400),
                    collision("2023330000003", LocalDate.of(2023, 12, 31), LocalTime.of(23, 59), Severity.FATAL, 470500, 319300))))
                    .isEqualTo(3);
            s.commit(0, 0);
        }
        try (KeyedImportSession<Collision> s = store.beginImport("again.csv")) {
            assertThat(s.add(List.of(collision("2023330000001", LocalDate.of(2023, 1, 5), null, Severity.SLIGHT, 1, 1),
                    collision("2023330000004", LocalDate.of(2023, 2, 1), null, Severity.SLIGHT, 475000, 320000))))
                    .isEqualTo(1);
            // closed without commit: rolled back
        }
        List<Collision> all = store.find(CollisionQuery.all(Optional.empty(), Optional.empty(), Set.of())).items();
        assertThat(all).extracting(Collision::collisionIndex)
                .containsExactly("2023330000001", "2023330000002", "2023330000003");
        Collision serious = all.get(1);
        assertThat(serious.time()).isNull();
        assertThat(serious.enhancedSeverity()).isEqualTo(6);
        assertThat(serious.weatherConditions()).isNull();
        assertThat(serious.roadName()).isEqualTo("A607");
        assertThat(all.get(2).time()).isEqualTo(LocalTime.of(23, 59));
        assertThat(store.findById(serious.id())).contains(serious);

        var ksi = store.find(CollisionQuery.all(Optional.of(LocalDate.of(2023, 2, 1)), Optional.of(LocalDate.of(2023, 12, 31)),
                Set.of(Severity.FATAL, Severity.SERIOUS)));
        assertThat(ksi.items()).extracting(Collision::collisionIndex).containsExactly("2023330000002");
        var boxed = store.find(new CollisionQuery(BoxFilter.gridBox(Optional.of(new Envelope(470000, 476000, 319000, 321000))),
                Optional.empty(), Optional.empty(), Set.of(), 1, 1));
        assertThat(boxed.numberMatched()).isEqualTo(2);
        assertThat(boxed.items()).extracting(Collision::collisionIndex).containsExactly("2023330000003");
        // The extent covers whole days: from the first day's start to the last day's end.
        assertThat(store.extent()).hasValueSatisfying(e -> {
            assertThat(e.start()).isEqualTo(LocalDate.of(2023, 1, 5).atStartOfDay());
            assertThat(e.end()).isEqualTo(LocalDate.of(2024, 1, 1).atStartOfDay());
        });
    }

    @Test
    void council_cases_keep_type_label_and_time_and_a_key_is_stored_once() {
        CaseType flyTipping = CouncilTaxonomyFile.defaults().bySlug("fly-tipping").orElseThrow();
        CaseType dog = CouncilTaxonomyFile.defaults().bySlug("dog-fouling").orElseThrow();
        try (KeyedImportSession<CouncilCase> s = cases.beginImport("env.csv")) {
            assertThat(s.add(List.of(
                    new CouncilCase(0, "case:A1", flyTipping, "Dumped rubbish", "A1", LocalDate.of(2024, 3, 1),
                            LocalTime.of(7, 30), -0.88, 52.77, 474300, 320600, "Snow Hill"),
                    new CouncilCase(0, "case:A2", dog, "Dog mess", "A2", LocalDate.of(2024, 4, 1), null,
                            -0.88, 52.77, 474400, 320700, null)))).isEqualTo(2);
            s.commit(0, 0);
        }
        try (KeyedImportSession<CouncilCase> s = cases.beginImport("again.csv")) {
            assertThat(s.add(List.of(new CouncilCase(0, "case:A1", dog, "x", "A1", LocalDate.of(2024, 3, 1), null,
                    -0.88, 52.77, 1, 1, null)))).isZero();
            s.commit(1, 0);
        }
        var fly = cases.find(CouncilCaseQuery.all(Optional.empty(), Optional.empty(), Set.of("fly-tipping"))).items();
        assertThat(fly).hasSize(1);
        assertThat(fly.get(0).type()).isEqualTo(flyTipping);
        assertThat(fly.get(0).label()).isEqualTo("Dumped rubbish");
        assertThat(fly.get(0).time()).isEqualTo(LocalTime.of(7, 30));
        assertThat(cases.findById(fly.get(0).id())).contains(fly.get(0));
        var april = cases.find(CouncilCaseQuery.all(Optional.of(LocalDate.of(2024, 4, 1)), Optional.empty(), Set.of()));
        assertThat(april.items()).extracting(CouncilCase::reference).containsExactly("A2");
    }

    @Test
    void speed_concerns_keep_measured_speeds_and_leave_unmeasured_ones_empty() {
        try (KeyedImportSession<SpeedConcern> s = speed.beginImport("speed.csv")) {
            assertThat(s.add(List.of(
                    new SpeedConcern(0, "speed:S1", LocalDate.of(2024, 3, 9), LocalTime.of(7, 30), "speedwatch", "S1",
                            "Thorpe Road", -0.85, 52.77, 478600, 321400, 30, 212, 37, 48.0, 31.5),
                    new SpeedConcern(0, "speed:S2", LocalDate.of(2024, 3, 2), null, "complaint", "S2", null,
                            -0.88, 52.77, 475000, 320000, null, null, null, null, null)))).isEqualTo(2);
            s.commit(0, 0);
        }
        var all = speed.find(new SpeedConcernQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(), 10, 0));
        assertThat(all.items()).extracting(SpeedConcern::reference).containsExactly("S2", "S1");
        assertThat(all.items().get(0).vehiclesChecked()).isNull();
        assertThat(all.items().get(0).maxSpeed()).isNull();
        assertThat(all.items().get(1).vehiclesOver()).isEqualTo(37);
        assertThat(all.items().get(1).meanSpeed()).isEqualTo(31.5);
        assertThat(speed.findById(all.items().get(1).id())).contains(all.items().get(1));
        assertThat(speed.find(new SpeedConcernQuery(BoxFilter.gridBox(Optional.of(new Envelope(478000, 479000, 321000, 322000))),
                Optional.empty(), Optional.empty(), 10, 0)).numberMatched()).isEqualTo(1);
    }
}
