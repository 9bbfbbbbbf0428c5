package uk.safermap.councillor;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.ResultCache;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.InMemoryPopulationStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link WardChoroplethService} over planted incidents in in-memory stores: no database, no HTTP. */
class WardChoroplethServiceTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final PlantedIncidents planted = new PlantedIncidents()
            .around(475_500, 318_500, 50, 13, Category.BURGLARY, YearMonth.of(2025, 3))
            .around(475_500, 318_500, 50, 8, Category.BURGLARY, YearMonth.of(2025, 4))
            .around(476_500, 318_500, 50, 2, Category.BURGLARY, YearMonth.of(2025, 3))
            .around(476_500, 318_500, 50, 2, Category.BURGLARY, YearMonth.of(2025, 4));
    private final InMemoryIncidentStore store = planted.store();
    private final InMemoryAreaStore areas = new InMemoryAreaStore().with(
            planted.square(AreaKind.WARD, "E05000001", 475_000, 318_000, 1000),
            planted.square(AreaKind.WARD, "E05000002", 476_000, 318_000, 1000));
    private final InMemoryPopulationStore populations = new InMemoryPopulationStore();
    private final WardChoroplethService service = new WardChoroplethService(
            new IncidentSelection(store, grid, Set.of()), areas, populations, grid, DisclosurePolicy.standard(),
            new ResultCache(store, 1, Duration.ofMinutes(1)));

    private WardChoroplethService.Result figures(WardChoroplethService.Metric metric) {
        return service.choropleth(new WardChoroplethService.Request(AreaKind.WARD, Optional.of(YearMonth.of(2025, 1)),
                Optional.of(YearMonth.of(2025, 12)), Set.of(), metric, WardChoroplethService.Classification.QUANTILE,
                3));
    }

    @Test
    void counts_are_rounded_per_ward_month_and_category_and_small_totals_suppressed() {
        WardChoroplethService.Result r = figures(WardChoroplethService.Metric.COUNT);

        // 13 -> 15 and 8 -> 10 in the first ward; 2 and 2 round to nothing in the second.
        assertThat(r.wards()).extracting(WardChoroplethService.WardValue::code, WardChoroplethService.WardValue::count,
                        WardChoroplethService.WardValue::suppressed)
                .containsExactly(tuple("E05000001", 25, false), tuple("E05000002", null, true));
    }

    @Test
    void rates_divide_the_rounded_count_by_the_loaded_population() {
        populations.replaceAll(Map.of("E05000001", 5000, "E05000002", 4000), "test");

        WardChoroplethService.Result r = figures(WardChoroplethService.Metric.RATE);

        assertThat(r.populationsLoaded()).isTrue();
        assertThat(r.wards().get(0).value()).isEqualTo(1000.0 * 25 / 5000);
        assertThat(r.wards().get(1).value()).isNull();
    }
}
