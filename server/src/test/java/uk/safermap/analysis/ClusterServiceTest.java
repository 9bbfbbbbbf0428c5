package uk.safermap.analysis;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClusterService} over planted incidents in an in-memory store: no database, no HTTP. */
class ClusterServiceTest {

    private static final GeometryFactory GRID = new GeometryFactory();
    private final BritishNationalGrid grid = new BritishNationalGrid();

    private ClusterService service(InMemoryIncidentStore store) {
        return new ClusterService(new IncidentSelection(store, grid, Set.of()),
                new ResultCache(store, 10, Duration.ofMinutes(1)), grid);
    }

    private static AnalysisFilter month(YearMonth m) {
        return new AnalysisFilter(Optional.of(m.atDay(1).atStartOfDay()),
                Optional.of(m.plusMonths(1).atDay(1).atStartOfDay()), Set.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void a_dense_group_is_one_cluster_at_its_place_and_scattered_incidents_are_noise() {
        InMemoryIncidentStore store = new PlantedIncidents()
                .around(475_000, 318_000, 20, 25, Category.BURGLARY, YearMonth.of(2025, 3))
                .row(470_000, 315_000, 400, 10, Category.SHOPLIFTING, YearMonth.of(2025, 3))
                .store();

        ClusterService.Result r = service(store).clusters(AnalysisFilter.everything(), ClusterParameters.CRIME);

        assertThat(r.incidents()).isEqualTo(35);
        assertThat(r.noise()).isEqualTo(10);
        assertThat(r.clusters()).singleElement().satisfies(c -> {
            assertThat(c.rank()).isEqualTo(1);
            assertThat(c.count()).isEqualTo(25);
            assertThat(c.categories()).containsExactly(java.util.Map.entry("burglary", 25));
            assertThat(c.firstMonth()).isEqualTo("2025-03");
            assertThat(c.incidentIds()).containsExactlyInAnyOrder(LongStream.rangeClosed(1, 25).toArray());
            assertThat(c.outlineGrid().covers(GRID.createPoint(new Coordinate(475_000, 318_000)))).isTrue();
            assertThat(c.outlineGrid().getEnvelopeInternal().getWidth()).isLessThan(200);
        });
    }

    @Test
    void a_month_filter_leaves_out_the_groups_of_other_months() {
        InMemoryIncidentStore store = new PlantedIncidents()
                .around(475_000, 318_000, 20, 25, Category.BURGLARY, YearMonth.of(2025, 3))
                .around(472_000, 320_000, 20, 30, Category.VEHICLE_CRIME, YearMonth.of(2025, 4))
                .store();
        ClusterService service = service(store);

        assertThat(service.clusters(AnalysisFilter.everything(), ClusterParameters.CRIME).clusters())
                .extracting(ClusterService.RankedCluster::count).containsExactly(30, 25);
        ClusterService.Result april = service.clusters(month(YearMonth.of(2025, 4)), ClusterParameters.CRIME);
        assertThat(april.incidents()).isEqualTo(30);
        assertThat(april.clusters()).singleElement().satisfies(c -> {
            assertThat(c.firstMonth()).isEqualTo("2025-04");
            assertThat(c.outlineGrid().covers(GRID.createPoint(new Coordinate(472_000, 320_000)))).isTrue();
        });
    }

    @Test
    void fewer_incidents_than_the_minimum_make_no_cluster() {
        InMemoryIncidentStore store = new PlantedIncidents()
                .around(475_000, 318_000, 20, 19, Category.BURGLARY, YearMonth.of(2025, 3)).store();

        ClusterService.Result r = service(store).clusters(AnalysisFilter.everything(), ClusterParameters.CRIME);

        assertThat(r.clusters()).isEmpty();
        assertThat(r.noise()).isEqualTo(19);
    }
}
