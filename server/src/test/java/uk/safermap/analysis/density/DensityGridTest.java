package uk.safermap.analysis.density;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DensityGridTest {

    /** 3 x 2 cells of 10 m from (1000, 2000); row 0 is the southern one. */
    private static DensityGrid grid(double... values) {
        return new DensityGrid(1000, 2000, 10, 3, 2, values, 100, "given", 1, KernelDensity.Method.EXACT, List.of());
    }

    @Test
    void cells_are_stored_row_by_row_from_the_south_west() {
        DensityGrid g = grid(0, 1, 2, 3, 4, 5);

        assertThat(g.value(2, 0)).isEqualTo(2);
        assertThat(g.value(0, 1)).isEqualTo(3);
        assertThat(g.centreX(2)).isEqualTo(1025);
        assertThat(g.centreY(1)).isEqualTo(2015);
        assertThat(g.envelope().getMaxX()).isEqualTo(1030);
    }

    @Test
    void values_between_cell_centres_are_bilinear() {
        DensityGrid g = grid(0, 10, 20, 30, 40, 50);

        assertThat(g.valueAt(1005, 2005)).isEqualTo(0);
        assertThat(g.valueAt(1010, 2005)).isCloseTo(5, within(1e-12));
        assertThat(g.valueAt(1010, 2010)).isCloseTo(20, within(1e-12));
        assertThat(g.valueAt(1012.5, 2007.5)).isCloseTo(7.5 + 7.5, within(1e-12));
        // Within half a cell of the edge the edge value holds; outside the grid there is nothing.
        assertThat(g.valueAt(1029, 2019)).isCloseTo(50, within(1e-12));
        assertThat(g.valueAt(1031, 2015)).isZero();
        assertThat(g.valueAt(Double.NaN, 2015)).isZero();
    }

    @Test
    void max_total_and_percentiles_of_the_positive_cells() {
        DensityGrid g = grid(0, 0, 1, 2, 3, 4);

        assertThat(g.max()).isEqualTo(4);
        // (1 + 2 + 3 + 4) per km^2 * 100 m^2 per cell.
        assertThat(g.total()).isCloseTo(10 * 100 / 1e6, within(1e-15));
        assertThat(g.positiveCells()).isEqualTo(4);
        assertThat(g.percentile(50)).isEqualTo(2.5);
        assertThat(g.percentiles(0, 100, 75)).containsExactly(1, 4, 3.25);
    }

    @Test
    void inconsistent_sizes_are_refused() {
        assertThatThrownBy(() -> grid(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grid(0, 0, 1, 2, 3, 4).percentile(101)).hasMessageContaining("percentile");
    }
}
