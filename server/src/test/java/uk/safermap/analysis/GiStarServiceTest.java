package uk.safermap.analysis;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.PlantedIncidents;

import java.time.Duration;
import java.time.YearMonth;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GiStarService} over planted incidents in in-memory stores: no database, no HTTP. */
class GiStarServiceTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();

    @Test
    void a_planted_dense_spot_on_an_even_background_is_the_only_hot_spot() {
        PlantedIncidents planted = new PlantedIncidents();
        // One incident every 200 m over 3 km x 3 km, and 40 more in one 100 m cell.
        for (int row = 0; row < 15; row++) {
            planted.row(473_510, 316_510 + row * 200, 200, 15, Category.SHOPLIFTING, YearMonth.of(2025, 3));
        }
        planted.around(475_050, 318_050, 10, 40, Category.BURGLARY, YearMonth.of(2025, 3));
        InMemoryIncidentStore store = planted.store();
        InMemoryAreaStore areas = new InMemoryAreaStore()
                .with(planted.square(AreaKind.OA, "E00000001", 474_700, 317_700, 600));
        GiStarService service = new GiStarService(new IncidentSelection(store, grid, Set.of()),
                new AreaResolver(areas, grid), new ResultCache(store, 10, Duration.ofMinutes(1)), grid);

        GiStarService.Result r = service.hotSpots(AnalysisFilter.everything(), new GiStarParameters(100, OptionalDouble.of(300)));

        assertThat(r.contextIncidents()).isEqualTo(15 * 15 + 40);
        Point spotGrid = new GeometryFactory().createPoint(new Coordinate(475_050, 318_050));
        Point spot = grid.toWgs84(spotGrid).getCentroid();
        assertThat(r.cells()).filteredOn(c -> c.outline().covers(spot)).singleElement()
                .satisfies(c -> {
                    assertThat(c.count()).isEqualTo(40);
                    assertThat(c.hotSpotClass().isHot()).isTrue();
                });
        // Every hot cell is within the band (300 m) of the planted spot's cell: the background makes none.
        assertThat(r.cells()).filteredOn(c -> c.hotSpotClass().isHot()).isNotEmpty()
                .allSatisfy(c -> assertThat(grid.toGrid(c.outline()).getCentroid().distance(spotGrid))
                        .isLessThan(300 + 100 * Math.sqrt(2)));
    }
}
