package uk.safermap.store.snapshot;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.locationtech.jts.geom.Envelope;
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
import uk.safermap.store.PointQuery;
import uk.safermap.store.StoreException;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcIncidentStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safermap.store.PointSetAssert.assertSamePoints;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot answers every point query exactly as the store does, and stays current as
 * imports commit (and unchanged when they roll back). Run against each real database:
 * {@code H2gisSnapshotTest}, {@code PostgisSnapshotIT}.
 */
abstract class SnapshotContract {

    /** The grid box every generated incident lies in (metres), around Melton Mowbray. */
    static final int MIN_E = 470_000;
    static final int MIN_N = 315_000;
    static final int SIDE = 4_000;
    static final YearMonth FIRST_MONTH = YearMonth.of(2023, 1);
    static final int MONTHS = 24;

    protected final BritishNationalGrid grid = new BritishNationalGrid();
    protected Database db;
    protected JdbcIncidentStore store;
    protected SnapshotIncidentStore snapshot;

    protected abstract Database openDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeProperty
    void openAndImport() throws Exception {
        db = openDatabase();
        store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
        snapshot = new SnapshotIncidentStore(store);
        Random r = new Random(7);
        // Three imports through the snapshot: the first version is empty, then each appends. The
        // first is a bulk load (BulkImport), as a store's first force-wide file is, so its rows
        // reach the snapshot the way such loads do (on PostGIS, from the writer, not read back).
        for (int batch = 0; batch < 3; batch++) {
            importThrough(snapshot, incidents(r, "b" + batch + "-", batch == 0 ? 5_000 : 700));
        }
    }

    @AfterProperty
    void close() throws Exception {
        db.close();
        closeDatabase();
    }

    static void importThrough(IncidentStore target, List<Incident> rows) {
        try (IncidentStore.ImportSession s = target.beginImport("police-csv", "snapshot test")) {
            s.add(rows);
            s.commit(rows.size(), 0);
        }
    }

    /**
     * Random incidents of all three time precisions (instants with seconds), categories and
     * flags. Positions lie half-way between whole metres and query boxes have whole-metre edges:
     * PostGIS's {@code &&} compares single-precision boxes, so a point within a few centimetres
     * of an edge may be counted in by the database and out by an exact test.
     */
    List<Incident> incidents(Random r, String keyPrefix, int n) {
        List<Incident> out = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 0; i < n; i++) {
            double e = MIN_E + r.nextInt(SIDE) + 0.5;
            double no = MIN_N + r.nextInt(SIDE) + 0.5;
            double[] lonLat = grid.toWgs84(e, no);
            YearMonth month = FIRST_MONTH.plusMonths(r.nextInt(MONTHS));
            LocalDate day = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
            TimeSpan when = switch (r.nextInt(3)) {
                case 0 -> TimeSpan.ofMonth(month);
                case 1 -> TimeSpan.ofDay(day);
                default -> TimeSpan.ofInstant(day.atTime(r.nextInt(24), r.nextInt(60), r.nextInt(60)));
            };
            Category c = categories[r.nextInt(categories.length)];
            String location = r.nextInt(10) == 0 ? null : "On or near Street " + r.nextInt(50);
            out.add(new Incident(0, keyPrefix + i, "police-csv", null, month, when, c, c.label(), lonLat[0],
                    lonLat[1], e, no, r.nextInt(20) == 0, IncidentDetails.none().with(IncidentDetail.LOCATION, location)));
        }
        return out;
    }

    @Property(tries = 100)
    void the_snapshot_answers_as_the_store_does(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        PointQuery q = randomQuery(new Random(seed));
        assertSamePoints(snapshot.points(q), store.points(q));
    }

    @Property(tries = 15)
    void pages_found_in_the_snapshot_hold_every_matching_incident_exactly_once_as_the_store_pages_do(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        Random r = new Random(seed);
        PointQuery filter = randomQuery(r);
        int limit = 1 + r.nextInt(400);
        List<Long> seen = new ArrayList<>();
        long matched = -1;
        for (long offset = 0; matched < 0 || offset < matched; offset += limit) {
            IncidentQuery q = new IncidentQuery(BoxFilter.NONE, filter.from(), filter.to(), filter.categories(),
                    limit, offset);
            Page<Incident> page = snapshot.find(q);
            Page<Incident> expected = store.find(q);
            assertThat(page).isEqualTo(expected);
            matched = page.numberMatched();
            page.items().forEach(i -> seen.add(i.id()));
        }
        PointQuery sameFilter = new PointQuery(Optional.empty(), filter.from(), filter.to(), filter.categories(), false);
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) matched)
                .containsExactlyElementsOf(Arrays.stream(store.points(sameFilter).ids()).boxed().toList());
    }

    @Example
    void an_import_is_in_the_snapshot_once_committed_and_a_rolled_back_one_never() {
        long seed = 3;
        Random r = new Random(seed);
        String before = snapshot.dataVersion();
        try (IncidentStore.ImportSession s = snapshot.beginImport("police-csv", "abandoned")) {
            s.add(incidents(r, "gone-" + seed + "-", 50));
        }
        assertThat(snapshot.dataVersion()).isEqualTo(before);
        assertThat(snapshot.count()).isEqualTo(store.count());
        // Half the rows repeat stored keys: only the new ones may appear.
        List<Incident> rows = new ArrayList<>(incidents(new Random(7), "b0-", 100));
        rows.addAll(incidents(r, "new-" + seed + "-", 100));
        importThrough(snapshot, rows);
        assertThat(snapshot.dataVersion()).isNotEqualTo(before);
        assertThat(snapshot.count()).isEqualTo(store.count()).isEqualTo(6_500);
        assertThat(snapshot.extent()).isEqualTo(store.extent());
        PointQuery all = new PointQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), true);
        assertSamePoints(snapshot.points(all), store.points(all));
        PointQuery q = randomQuery(r);
        assertSamePoints(snapshot.points(q), store.points(q));
    }

    @Example
    void what_is_prepared_per_version_runs_once_per_new_version_and_its_failure_does_not_fail_the_import() {
        List<String> prepared = new ArrayList<>();
        snapshot.onNewVersion(() -> prepared.add(snapshot.dataVersion() + " " + snapshot.count()));
        snapshot.onNewVersion(() -> {
            throw new IllegalStateException("preparation failed");
        });
        String before = snapshot.dataVersion();
        importThrough(snapshot, incidents(new Random(11), "prepared-", 40));
        assertThat(snapshot.dataVersion()).isNotEqualTo(before);
        // Run after the new version was published, so it sees the imported rows.
        assertThat(prepared).containsExactly(snapshot.dataVersion() + " " + store.count());
        // An import adding nothing makes no new version, so nothing is prepared again.
        importThrough(snapshot, List.of());
        assertThat(prepared).hasSize(1);
    }

    @Example
    void an_import_failing_part_way_leaves_the_store_and_the_snapshot_as_they_were() {
        long before = store.count();
        String version = snapshot.dataVersion();
        List<Incident> bad = incidents(new Random(5), "x".repeat(200), 1);
        try (IncidentStore.ImportSession s = snapshot.beginImport("police-csv", "fails")) {
            s.add(incidents(new Random(5), "fails-", 300));
            // A source key longer than its column: the database refuses the batch.
            assertThatThrownBy(() -> s.add(bad)).isInstanceOf(StoreException.class);
        }
        assertThat(store.count()).isEqualTo(before);
        assertThat(snapshot.count()).isEqualTo(before);
        assertThat(snapshot.dataVersion()).isEqualTo(version);
        // The same rows import cleanly afterwards, once.
        importThrough(snapshot, incidents(new Random(5), "fails-", 300));
        importThrough(snapshot, incidents(new Random(5), "fails-", 300));
        assertThat(snapshot.count()).isEqualTo(store.count()).isEqualTo(before + 300);
    }

    PointQuery randomQuery(Random r) {
        Optional<Envelope> box = Optional.empty();
        if (r.nextBoolean()) {
            int x1 = MIN_E - 100 + r.nextInt(SIDE + 200);
            int x2 = MIN_E - 100 + r.nextInt(SIDE + 200);
            int y1 = MIN_N - 100 + r.nextInt(SIDE + 200);
            int y2 = MIN_N - 100 + r.nextInt(SIDE + 200);
            box = Optional.of(new Envelope(x1, x2, y1, y2));
        }
        Optional<LocalDateTime> from = r.nextBoolean() ? Optional.of(randomTime(r)) : Optional.empty();
        Optional<LocalDateTime> to = r.nextBoolean() ? Optional.of(randomTime(r)) : Optional.empty();
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (r.nextBoolean()) {
            for (Category c : Category.values()) {
                if (r.nextInt(3) == 0) {
                    categories.add(c);
                }
            }
        }
        return new PointQuery(box, from, to, categories, r.nextBoolean());
    }

    /** A month start, a midnight or any minute in or just around the data's two years. */
    private static LocalDateTime randomTime(Random r) {
        YearMonth month = FIRST_MONTH.plusMonths(r.nextInt(MONTHS + 2) - 1);
        LocalDate day = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
        return switch (r.nextInt(3)) {
            case 0 -> month.atDay(1).atStartOfDay();
            case 1 -> day.atStartOfDay();
            default -> day.atTime(r.nextInt(24), r.nextInt(60));
        };
    }
}
