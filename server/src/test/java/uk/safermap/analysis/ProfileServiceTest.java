package uk.safermap.analysis;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.profile.AreaProfile;
import uk.safermap.areas.AreaResolver;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProfileService} over planted incidents in in-memory stores: no database, no HTTP. */
class ProfileServiceTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final PlantedIncidents planted = new PlantedIncidents()
            // In the ward: a dense group this year, a few shopliftings in the same month last year.
            .around(475_500, 318_500, 20, 25, Category.BURGLARY, YearMonth.of(2025, 3))
            .around(475_200, 318_200, 5, 5, Category.SHOPLIFTING, YearMonth.of(2024, 3))
            // Outside it.
            .around(478_500, 318_500, 20, 30, Category.BURGLARY, YearMonth.of(2025, 3));
    private final Area ward = planted.square(AreaKind.WARD, "E05000001", 475_000, 318_000, 1000);
    private final ProfileService service = service(planted.store(), new InMemoryAreaStore().with(ward));

    private ProfileService service(InMemoryIncidentStore store, InMemoryAreaStore areas) {
        IncidentSelection selection = new IncidentSelection(store, grid, Set.of());
        ClusterService clusters = new ClusterService(selection, new ResultCache(store, 10, Duration.ofMinutes(1)),
                new ResultCache(store, 4, Duration.ofMinutes(1)), grid);
        return new ProfileService(selection, new AreaResolver(areas, grid), new NeighbourhoodService(areas, grid,
                ServiceArea.around(List.of(grid.toGrid(ward.geometry())), 2000, "test borough")), clusters, store, Clock.systemDefaultZone());
    }

    @Test
    void a_ward_profile_counts_only_its_incidents_against_the_same_months_of_the_baseline_year() {
        AreaProfile p = service.profile("ward:E05000001", new ProfileParameters(Optional.of(YearMonth.of(2025, 1)),
                Optional.of(YearMonth.of(2025, 6)), Optional.of(2024), 10));

        assertThat(p.total()).isEqualTo(25);
        assertThat(p.byCategory()).isEqualTo(Map.of("burglary", 25));
        assertThat(p.currentTotal()).isEqualTo(25);
        assertThat(p.baselineTotal()).isEqualTo(5);
        assertThat(p.changePercent()).isEqualTo(400.0);
        assertThat(p.targetMet()).isFalse();
        assertThat(p.byMonth()).filteredOn(m -> m.month().equals("2025-03")).singleElement()
                .satisfies(m -> {
                    assertThat(m.count()).isEqualTo(25);
                    assertThat(m.baselineCount()).isEqualTo(5);
                });
    }

    @Test
    void the_borough_clusters_the_ward_shares_are_listed_with_its_share() {
        AreaProfile p = service.profile("ward:E05000001", new ProfileParameters(Optional.of(YearMonth.of(2025, 1)),
                Optional.of(YearMonth.of(2025, 6)), Optional.of(2024), 10));

        // The larger group outside the ward is cluster 1, which the ward does not share; its own is cluster 2.
        assertThat(p.hotspots()).singleElement().satisfies(h -> {
            assertThat(h.clusterId()).isEqualTo(2);
            assertThat(h.count()).isEqualTo(25);
            assertThat(h.countInside()).isEqualTo(25);
        });
    }

    @Test
    void the_period_defaults_to_the_year_of_the_latest_incident_and_the_baseline_to_the_year_before() {
        ProfileService.Period p = service.period(Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(p).isEqualTo(new ProfileService.Period(YearMonth.of(2025, 1), YearMonth.of(2025, 3), 2024));
        assertThatThrownBy(() -> service.period(Optional.of(YearMonth.of(2025, 1)), Optional.empty(), Optional.of(2025)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseline must be a year");
    }
}
