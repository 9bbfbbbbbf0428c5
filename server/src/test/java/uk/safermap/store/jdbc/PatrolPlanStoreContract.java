package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.domain.TrackPoint;
import uk.safermap.geo.BritishNationalGrid;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the patrol plan store must do, against each real database: H2GIS in
 * {@code H2gisPatrolPlanStoreTest}, PostGIS in {@code PostgisPatrolPlanStoreIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PatrolPlanStoreContract {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);

    private Database db;
    private JdbcPatrolPlanStore store;
    private JdbcPatrolTrackStore tracks;

    protected abstract Database openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        store = new JdbcPatrolPlanStore(db);
        tracks = new JdbcPatrolTrackStore(db);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    private static LineString line(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GRID.createLineString(c);
    }

    /** A night shift over the spring clock change, two units, one visiting nothing. */
    private static PatrolPlan plan(String id) {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 28, 22, 0, 0, 0, LONDON);
        ZonedDateTime end = ZonedDateTime.of(2026, 3, 29, 6, 0, 0, 0, LONDON);
        Map<String, Integer> categories = new LinkedHashMap<>();
        categories.put("violent-crime", 12);
        categories.put("anti-social-behaviour", 9);
        List<PatrolPlan.Hotspot> hotspots = List.of(
                new PatrolPlan.Hotspot(1, "On or near Market Place", 475_000.5, 318_900.25, 12.5, 21, categories, true),
                new PatrolPlan.Hotspot(2, "On or near Station Approach", 475_300, 318_400, 3.25, 7, Map.of(), false));
        // 02:30 BST is 01:30 UTC, after the missing hour.
        PatrolPlan.Visit visit = new PatrolPlan.Visit(1, 1, ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, LONDON),
                ZonedDateTime.of(2026, 3, 29, 2, 42, 0, 0, LONDON), line(475_100, 318_000, 475_050, 318_500, 475_000.5,
                318_900.25), 905.5);
        List<PatrolPlan.UnitPlan> units = List.of(
                new PatrolPlan.UnitPlan(1, "Alpha", 475_100, 318_000, 475_100, 318_000, List.of(visit),
                        line(475_000.5, 318_900.25, 475_100, 318_000), ZonedDateTime.of(2026, 3, 29, 2, 55, 0, 0, LONDON),
                        1811, 1500, 720),
                new PatrolPlan.UnitPlan(2, "Bravo", 475_100, 318_000, 476_000, 319_000, List.of(),
                        line(475_100, 318_000, 476_000, 319_000), ZonedDateTime.of(2026, 3, 28, 22, 20, 0, 0, LONDON),
                        1273, 1200, 0));
        return new PatrolPlan(id, Instant.parse("2026-03-20T10:15:30.123Z"), start, end,
                new PatrolPlan.Settings("foot", 4.5, 12, 20, "clusters", true, 42, "straight line x 1.3",
                        "from 2025-01-01; types violent-crime", 120, 75),
                units, hotspots, new PatrolPlan.Totals(100.5, 15.75, 12.5, 2, 1, 3084, 2700, 720),
                List.of("The 2 highest-risk of 9 hot spots were considered.", "Second note."));
    }

    @Test
    void a_saved_plan_reads_back_equal_in_every_field() {
        PatrolPlan saved = plan("plan-1");
        store.save(saved);

        PatrolPlan read = store.get("plan-1").orElseThrow();

        assertThat(read).usingRecursiveComparison().ignoringFieldsOfTypes(LineString.class).isEqualTo(saved);
        assertThat(read.units().get(0).visits().get(0).leg().equalsExact(saved.units().get(0).visits().get(0).leg()))
                .isTrue();
        assertThat(read.units().get(1).returnLeg().equalsExact(saved.units().get(1).returnLeg())).isTrue();
        assertThat(read.units().get(0).visits().get(0).arrival().toString()).isEqualTo("2026-03-29T02:30+01:00[Europe/London]");
        assertThat(read.start().getOffset().getTotalSeconds()).isZero();
    }

    @Test
    void an_unknown_id_reads_as_empty() {
        assertThat(store.get("no-such-plan")).isEmpty();
    }

    @Test
    void tracks_of_a_plan_read_back_by_unit_and_time_and_an_upload_replaces_the_last() {
        store.save(plan("plan-with-tracks"));
        assertThat(tracks.get("plan-with-tracks")).isEmpty();
        List<TrackPoint> first = List.of(
                new TrackPoint("Bravo", Instant.parse("2026-03-29T01:31:00Z"), -0.887123456, 52.765432101),
                new TrackPoint("Alpha", Instant.parse("2026-03-29T01:30:30.500Z"), -0.8871, 52.7654),
                new TrackPoint("Alpha", Instant.parse("2026-03-29T01:30:00Z"), -0.8872, 52.7655));
        tracks.replace("plan-with-tracks", first);

        assertThat(tracks.get("plan-with-tracks")).containsExactly(first.get(2), first.get(1), first.get(0));

        List<TrackPoint> second = List.of(new TrackPoint("Charlie", Instant.parse("2026-03-29T03:00:00Z"), -0.88, 52.76));
        tracks.replace("plan-with-tracks", second);
        assertThat(tracks.get("plan-with-tracks")).isEqualTo(second);
        assertThat(tracks.get("no-such-plan")).isEmpty();
    }
}
