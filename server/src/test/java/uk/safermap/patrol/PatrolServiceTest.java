package uk.safermap.patrol;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.ResultCache;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.patrol.routing.PatrolRouter;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.InMemoryPatrolPlanStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link PatrolService} over planted incidents in in-memory stores: no database, no HTTP. */
class PatrolServiceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final InMemoryIncidentStore incidents = new PlantedIncidents()
            .around(475_000, 318_000, 20, 40, Category.BURGLARY, YearMonth.of(2025, 3))
            .around(476_000, 318_500, 20, 25, Category.BURGLARY, YearMonth.of(2025, 3))
            .row(470_000, 314_000, 700, 5, Category.BURGLARY, YearMonth.of(2025, 3))
            .store();
    private final InMemoryPatrolPlanStore plans = new InMemoryPatrolPlanStore();
    private final PatrolService service = service();

    private PatrolService service() {
        IncidentSelection selection = new IncidentSelection(incidents, grid, Set.of());
        ResultCache cache = new ResultCache(incidents, 10, Duration.ofMinutes(1));
        ClusterService clusters = new ClusterService(selection, cache, new ResultCache(incidents, 4, Duration.ofMinutes(1)), grid);
        GiStarService giStar = new GiStarService(selection, new AreaResolver(new InMemoryAreaStore(), grid), cache, grid);
        ServiceArea area = ServiceArea.around(List.of(new GeometryFactory().toGeometry(
                new Envelope(468_000, 480_000, 312_000, 322_000))), 0, "test area");
        double[] base = grid.toWgs84(475_500, 318_200);
        return new PatrolService(selection, clusters, giStar, plans, grid, area,
                new PatrolService.Settings(base, 1.3, PatrolRouter.DEFAULT_SOLUTION_LIMIT),
                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), LONDON));
    }

    private PatrolPlan plan() {
        return service.plan(new PatrolRequest(ZonedDateTime.of(2026, 6, 13, 8, 0, 0, 0, LONDON),
                ZonedDateTime.of(2026, 6, 13, 12, 0, 0, 0, LONDON), List.of(new PatrolRequest.Unit("Unit 1", null, null)),
                TravelMode.FOOT, TravelMode.FOOT.defaultSpeedKmh(), 15, 10, HotspotMethod.CLUSTERS,
                AnalysisFilter.everything(), List.of(), false, OptionalLong.empty(), Dosage.Parameters.DEFAULTS));
    }

    @Test
    void the_planted_clusters_are_the_hot_spots_largest_first_and_the_plan_visits_and_stores_them() {
        PatrolPlan p = plan();

        assertThat(p.hotspots()).hasSize(2);
        // A hot spot is visited at its busiest incident location: here a point of the planted 20 m circle.
        assertThat(Math.hypot(p.hotspots().get(0).easting() - 475_000, p.hotspots().get(0).northing() - 318_000))
                .isCloseTo(20, within(1e-6));
        assertThat(p.hotspots().get(0).incidents()).isEqualTo(40);
        assertThat(Math.hypot(p.hotspots().get(1).easting() - 476_000, p.hotspots().get(1).northing() - 318_500))
                .isCloseTo(20, within(1e-6));
        // Both places visited (the busier one may be revisited within the four hours).
        assertThat(p.units().get(0).visits()).extracting(PatrolPlan.Visit::hotspot).contains(1, 2);
        assertThat(p.totals().visitedRisk()).isCloseTo(p.totals().hotspotRisk(), within(1e-9));
        assertThat(p.units()).singleElement().satisfies(u -> assertThat(Math.hypot(u.startEasting() - 475_500,
                u.startNorthing() - 318_200)).as("starts at the default base").isLessThan(1));
        assertThat(plans.get(p.id())).contains(p);
    }
}
