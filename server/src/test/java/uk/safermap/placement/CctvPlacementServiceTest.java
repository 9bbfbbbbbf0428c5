package uk.safermap.placement;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.ResultCache;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.mclp.ExactMclp;
import uk.safermap.placement.mclp.Viewshed;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CctvPlacementService} over planted incidents in an in-memory store: no database, no HTTP. */
class CctvPlacementServiceTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final InMemoryIncidentStore store = new PlantedIncidents()
            .around(475_000, 318_000, 30, 30, Category.ROBBERY, YearMonth.of(2025, 3))
            .around(477_000, 316_000, 30, 10, Category.ROBBERY, YearMonth.of(2025, 3))
            .row(470_000, 320_000, 500, 5, Category.ROBBERY, YearMonth.of(2025, 3))
            .store();
    private final IncidentSelection selection = new IncidentSelection(store, grid, Set.of());
    private final CctvPlacementService service = new CctvPlacementService(selection,
            new ClusterService(selection, new ResultCache(store, 10, Duration.ofMinutes(1)),
                    new ResultCache(store, 4, Duration.ofMinutes(1)), grid), grid,
            new ExactMclp());

    private CctvPlacementService.Result place(int k) {
        return service.place(new CctvPlacementService.Request(AnalysisFilter.everything(), k, Viewshed.allRound(100),
                new double[0], Optional.empty(), List.of(), HarmWeights.count(), 0, CctvPlacementService.ExactMode.NEVER));
    }

    private double metresFrom(CctvPlacementService.Site s, double easting, double northing) {
        double[] en = grid.toGrid(s.lon(), s.lat());
        return Math.hypot(en[0] - easting, en[1] - northing);
    }

    @Test
    void the_first_camera_sees_the_larger_group_and_the_second_the_smaller() {
        CctvPlacementService.Result r = place(2);

        assertThat(r.incidents()).isEqualTo(45);
        assertThat(r.sites()).hasSize(2);
        assertThat(metresFrom(r.sites().get(0), 475_000, 318_000)).isLessThan(100 - 30);
        assertThat(r.sites().get(0).marginalIncidents()).isEqualTo(30);
        assertThat(metresFrom(r.sites().get(1), 477_000, 316_000)).isLessThan(100 - 30);
        assertThat(r.sites().get(1).marginalIncidents()).isEqualTo(10);
        assertThat(r.coveredIncidents()).isEqualTo(40);
    }

    @Test
    void an_existing_camera_on_the_larger_group_sends_the_new_one_to_the_smaller() {
        double[] lonLat = grid.toWgs84(475_000, 318_000);
        CctvPlacementService.Result r = service.place(new CctvPlacementService.Request(AnalysisFilter.everything(), 1,
                Viewshed.allRound(100), new double[0], Optional.empty(),
                List.of(new Camera("existing", lonLat[0], lonLat[1], OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty())), HarmWeights.count(), 0,
                CctvPlacementService.ExactMode.NEVER));

        assertThat(r.existingIncidents()).isEqualTo(30);
        assertThat(r.sites()).singleElement()
                .satisfies(s -> assertThat(metresFrom(s, 477_000, 316_000)).isLessThan(100 - 30));
    }
}
