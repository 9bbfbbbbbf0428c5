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
                new ResultCache(store, 10, Duration.ofMinutes(1)), new ResultCache(store, 4, Duration.ofMinutes(1)), grid);
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
    void each_clusters_counts_months_and_ids_are_those_of_its_members() {
        // Groups of mixed categories and months, some touching, read back incident by incident.
        PlantedIncidents planted = new PlantedIncidents();
        java.util.Random r = new java.util.Random(17);
        Category[] categories = Category.values();
        for (int g = 0; g < 12; g++) {
            double e = 470_000 + r.nextInt(8) * 150;
            double n = 315_000 + r.nextInt(8) * 150;
            for (int part = 0; part < 3; part++) {
                planted.around(e, n, 30, 5 + r.nextInt(20), categories[r.nextInt(categories.length)],
                        YearMonth.of(2024, 1).plusMonths(r.nextInt(18)));
            }
        }
        InMemoryIncidentStore store = planted.store();
        uk.safermap.store.PointSet points = store.points(new uk.safermap.store.PointQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Set.of(), false));
        uk.safermap.analysis.cluster.Clustering expected = uk.safermap.analysis.cluster.Dbscan.cluster(
                points.easting(), points.northing(), ClusterParameters.CRIME.epsMetres(),
                ClusterParameters.CRIME.minPoints());

        ClusterService.Result result = service(store).clusters(AnalysisFilter.everything(), ClusterParameters.CRIME);

        assertThat(result.clusters()).hasSize(expected.clusterCount()).hasSizeGreaterThan(3);
        java.util.Set<java.util.List<Long>> expectedMembers = new java.util.HashSet<>();
        for (int[] members : expected.members()) {
            expectedMembers.add(java.util.Arrays.stream(members).mapToObj(i -> points.ids()[i]).toList());
        }
        java.util.Set<java.util.List<Long>> found = new java.util.HashSet<>();
        for (ClusterService.RankedCluster c : result.clusters()) {
            int[] at = points.positionsOf(c.incidentIds());
            java.util.Map<String, Integer> perCategory = new java.util.LinkedHashMap<>();
            for (Category cat : Category.values()) {
                long k = java.util.Arrays.stream(at).filter(i -> points.category()[i] == cat.ordinal()).count();
                if (k > 0) {
                    perCategory.put(cat.slug(), (int) k);
                }
            }
            assertThat(c.count()).isEqualTo(at.length).isEqualTo(c.incidentIds().length);
            assertThat(c.categories()).containsExactlyEntriesOf(perCategory);
            assertThat(c.firstMonth()).isEqualTo(ClusterService.month(
                    java.util.Arrays.stream(at).map(i -> points.monthIndex()[i]).min().orElseThrow()));
            assertThat(c.lastMonth()).isEqualTo(ClusterService.month(
                    java.util.Arrays.stream(at).map(i -> points.monthIndex()[i]).max().orElseThrow()));
            found.add(java.util.Arrays.stream(c.incidentIds()).boxed().toList());
        }
        assertThat(found).isEqualTo(expectedMembers);
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
