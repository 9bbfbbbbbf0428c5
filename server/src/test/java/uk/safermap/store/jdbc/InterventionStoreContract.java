package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Coordinate;
import uk.safermap.domain.Category;
import uk.safermap.domain.Intervention;
import uk.safermap.geo.BritishNationalGrid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intervention store must do, against each real database: H2GIS in
 * {@code H2gisInterventionStoreTest}, PostGIS in {@code PostgisInterventionStoreIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InterventionStoreContract {

    private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);

    private Database db;
    private JdbcInterventionStore store;

    protected abstract Database openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        store = new JdbcInterventionStore(db);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    private static Geometry discs() {
        return GRID.createPoint(new Coordinate(475_000, 318_000)).buffer(100, 16)
                .union(GRID.createPoint(new Coordinate(475_500, 318_200)).buffer(100, 16));
    }

    @Test
    void an_intervention_reads_back_as_saved_with_its_target_area() {
        Intervention cameras = new Intervention("cctv-1", "Four mobile cameras, town centre", Intervention.Kind.CCTV,
                discs(), "cctv: 2 sites, 100 m", LocalDate.of(2025, 3, 14), LocalDate.of(2025, 9, 30), 18_500.0,
                Set.of(Category.CRIMINAL_DAMAGE_ARSON, Category.ANTI_SOCIAL_BEHAVIOUR), "redeployable",
                Instant.parse("2025-03-01T10:15:30Z"));
        store.save(cameras);
        Intervention back = store.get("cctv-1").orElseThrow();
        assertThat(back.target().equalsExact(cameras.target(), 1e-6)).isTrue();
        assertThat(back.target().getSRID()).isEqualTo(BritishNationalGrid.SRID);
        assertThat(back).usingRecursiveComparison().ignoringFields("target").isEqualTo(cameras);
    }

    @Test
    void open_ended_uncosted_interventions_keep_their_blanks_and_saving_again_replaces() {
        Intervention week = new Intervention("woa-1", "Week of action", Intervention.Kind.WEEK_OF_ACTION, discs(),
                "drawn", LocalDate.of(2025, 6, 2), null, null, Set.of(), "", Instant.parse("2025-05-01T00:00:00Z"));
        store.save(week);
        assertThat(store.get("woa-1").orElseThrow().end()).isNull();
        assertThat(store.get("woa-1").orElseThrow().costPounds()).isNull();
        assertThat(store.get("woa-1").orElseThrow().categories()).isEmpty();
        store.save(new Intervention("woa-1", "Week of action, Egerton", week.kind(), week.target(), "drawn",
                week.start(), LocalDate.of(2025, 6, 8), 2_000.0, Set.of(Category.DRUGS), "", week.createdAt()));
        assertThat(store.all().stream().filter(i -> i.id().equals("woa-1"))).singleElement()
                .satisfies(i -> {
                    assertThat(i.name()).isEqualTo("Week of action, Egerton");
                    assertThat(i.costPounds()).isEqualTo(2_000.0);
                });
        assertThat(store.delete("woa-1")).isTrue();
        assertThat(store.delete("woa-1")).isFalse();
        assertThat(store.get("woa-1")).isEmpty();
    }
}
