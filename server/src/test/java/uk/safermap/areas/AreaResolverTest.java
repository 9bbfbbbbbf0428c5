package uk.safermap.areas;

import org.junit.jupiter.api.Test;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.InMemoryAreaStore;
import uk.safermap.store.PlantedIncidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AreaResolverTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final PlantedIncidents planted = new PlantedIncidents();

    @Test
    void the_settled_area_is_made_when_prepared_not_when_first_asked_for() {
        InMemoryAreaStore store = new InMemoryAreaStore()
                .with(planted.square(AreaKind.OA, "E00000001", 474_700, 317_700, 600));
        AreaResolver areas = new AreaResolver(store, grid);
        areas.prepare();
        // Made from the output areas there were at start: later requests are not the ones that make it.
        store.delete(AreaKind.OA, "E00000001");
        assertThat(areas.settledArea().grid().getArea()).isCloseTo(600.0 * 600, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void without_output_areas_preparing_does_nothing_and_asking_says_why() {
        AreaResolver areas = new AreaResolver(new InMemoryAreaStore(), grid);
        assertThatCode(areas::prepare).doesNotThrowAnyException();
        assertThatThrownBy(areas::settledArea).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no output areas");
    }
}
