package uk.safermap.analysis.grid;

import org.junit.jupiter.api.Test;
import uk.safermap.geo.DistinctPoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellCountsTest {

    private final SquareGrid grid = new SquareGrid(0, 0, 100, 3, 2);

    @Test
    void points_are_counted_per_cell_and_empty_cells_hold_zero() {
        double[] x = {10, 20, 150, 250, 250, 299.99, -5, 300, Double.NaN};
        double[] y = {10, 90, 50, 150, 150, 199.99, 50, 50, 50};
        CellCounts c = CellCounts.of(grid, x, y);
        assertThat(c.counts()).containsExactly(2, 1, 0, 0, 0, 3);
        assertThat(c.binned()).isEqualTo(6);
        assertThat(c.outside()).isEqualTo(3);
        assertThat(c.total()).isEqualTo(6);
    }

    @Test
    void points_placed_in_cells_by_their_positions_give_the_same_counts() {
        double[] x = {10, 20, 150, 250, 250, 299.99, -5, 300, Double.NaN, 20};
        double[] y = {10, 90, 50, 150, 150, 199.99, 50, 50, 50, 90};
        DistinctPoints at = DistinctPoints.of(x, y);
        double[] px = at.x();
        double[] py = at.y();
        int[] cells = new int[at.size()];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = grid.cellOf(px[k], py[k]);
        }
        CellCounts placed = CellCounts.ofCells(grid, cells, at.counts());
        CellCounts counted = CellCounts.of(grid, x, y);
        assertThat(placed.counts()).containsExactly(counted.counts());
        assertThat(placed.binned()).isEqualTo(7);
        assertThat(placed.outside()).isEqualTo(3);
        assertThatThrownBy(() -> CellCounts.ofCells(grid, cells, new int[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weights_are_summed_per_cell() {
        CellCounts c = CellCounts.of(grid, new double[] {10, 20, 150}, new double[] {10, 20, 150}, new double[] {2.5, 1, 4});
        assertThat(c.counts()).containsExactly(3.5, 0, 0, 0, 4, 0);
    }

    @Test
    void mismatched_or_non_finite_inputs_are_refused() {
        assertThatThrownBy(() -> CellCounts.of(grid, new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> CellCounts.of(grid, new double[1], new double[1], new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
    }

    @Test
    void a_cube_bins_by_cell_and_time_step_and_ignores_steps_out_of_range() {
        double[] x = {10, 10, 150, 250, 10, 10};
        double[] y = {10, 10, 50, 150, 10, 10};
        int[] step = {0, 2, 2, 1, -1, 3};
        CountCube cube = CountCube.of(grid, x, y, step, 3);
        assertThat(cube.steps()).isEqualTo(3);
        assertThat(cube.counts()[0]).containsExactly(1, 0, 0, 0, 0, 0);
        assertThat(cube.counts()[1]).containsExactly(0, 0, 0, 0, 0, 1);
        assertThat(cube.counts()[2]).containsExactly(1, 1, 0, 0, 0, 0);
        assertThat(cube.outside()).isEqualTo(2);
        assertThat(cube.collapse().counts()).containsExactly(2, 1, 0, 0, 0, 1);
    }

    @Test
    void a_cube_needs_a_step_per_point_and_at_least_one_step() {
        assertThatThrownBy(() -> CountCube.of(grid, new double[1], new double[1], new int[2], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
        assertThatThrownBy(() -> CountCube.of(grid, new double[1], new double[1], new int[1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps");
    }
}
