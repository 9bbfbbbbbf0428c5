package uk.safermap.placement;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.allocation.DoorbellAllocator;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.InMemoryPopulationStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DoorbellService} over planted burglaries and output areas in in-memory stores: no database, no HTTP. */
class DoorbellServiceTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    // Burglaries in the western output area only; the eastern one has none.
    private final PlantedIncidents planted = new PlantedIncidents()
            .around(475_250, 318_250, 40, 20, Category.BURGLARY, YearMonth.of(2025, 3));
    private final InMemoryAreaStore areas = new InMemoryAreaStore().with(
            planted.square(AreaKind.WARD, "E05000001", 475_000, 318_000, 1000),
            planted.square(AreaKind.OA, "E00000001", 475_000, 318_000, 500),
            planted.square(AreaKind.OA, "E00000002", 476_000 - 500, 318_000, 500));
    private final DoorbellService service = new DoorbellService(
            new IncidentSelection(planted.store(), grid, Set.of()), areas, new AreaResolver(areas, grid), grid,
            new InMemoryPopulationStore(), Clock.systemDefaultZone());

    private DoorbellService.Result allocate(int units, Map<String, Integer> households) {
        return service.allocate(new DoorbellService.Request(AnalysisFilter.everything(), units, List.of(), 0,
                DoorbellAllocator.Rule.RISK, Optional.empty(), households));
    }

    @Test
    void doorbells_go_to_the_output_area_where_the_burglaries_are() {
        DoorbellService.Result r = allocate(10, Map.of());

        assertThat(r.doorbells()).isEqualTo(10);
        assertThat(r.units()).filteredOn(u -> u.doorbells() > 0).extracting(DoorbellService.UnitAllocation::code)
                .containsExactly("E00000001");
        assertThat(r.wards()).singleElement().satisfies(w -> assertThat(w.doorbells()).isEqualTo(10));
        assertThat(r.notes()).anyMatch(n -> n.contains("estimated at " + DoorbellService.DEFAULT_OA_HOUSEHOLDS));
    }

    @Test
    void an_output_area_gets_no_more_doorbells_than_it_has_households() {
        DoorbellService.Result r = allocate(10, Map.of("E00000001", 4, "E00000002", 100));

        assertThat(r.units()).filteredOn(u -> u.code().equals("E00000001")).singleElement()
                .satisfies(u -> assertThat(u.doorbells()).isEqualTo(4));
        assertThat(r.units()).filteredOn(u -> u.code().equals("E00000002")).singleElement()
                .satisfies(u -> assertThat(u.doorbells()).isEqualTo(6));
        assertThat(r.notes()).noneMatch(n -> n.contains("estimated"));
    }
}
