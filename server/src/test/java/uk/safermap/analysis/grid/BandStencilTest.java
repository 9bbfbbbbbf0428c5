package uk.safermap.analysis.grid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BandStencilTest {

    private final SquareGrid grid = new SquareGrid(0, 0, 100, 50, 50);

    @Test
    void a_300_m_band_on_100_m_cells_holds_the_29_lattice_points_of_radius_3() {
        BandStencil s = BandStencil.of(grid, 300);
        assertThat(s.radiusCells()).isEqualTo(3);
        // Half-widths per row offset -3..3: 0, 2, 2, 3, 2, 2, 0 (e.g. (2,2) is 283 m, in; (1,3) is 316 m, out).
        assertThat(new int[] {s.halfWidth(-3), s.halfWidth(-2), s.halfWidth(-1), s.halfWidth(0), s.halfWidth(1),
            s.halfWidth(2), s.halfWidth(3)}).containsExactly(0, 2, 2, 3, 2, 2, 0);
        assertThat(s.size()).isEqualTo(29);
    }

    @Test
    void a_band_equal_to_a_lattice_distance_includes_it() {
        assertThat(BandStencil.of(grid, 100 * Math.sqrt(2)).size()).isEqualTo(9);
        assertThat(BandStencil.of(grid, 141.42).size()).isEqualTo(5);
        assertThat(BandStencil.of(grid, 100).size()).isEqualTo(5);
        assertThat(BandStencil.of(grid, 99.9).size()).isEqualTo(1);
        assertThat(BandStencil.of(grid, 0).size()).isEqualTo(1);
    }

    @Test
    void a_band_larger_than_the_grid_is_capped_to_it() {
        SquareGrid small = new SquareGrid(0, 0, 10, 3, 2);
        BandStencil s = BandStencil.of(small, 1e9);
        int[] w = s.neighbourCounts(new boolean[] {true, true, true, true, true, true});
        assertThat(w).containsOnly(6);
    }

    @Test
    void negative_or_nan_bands_are_refused() {
        assertThatThrownBy(() -> BandStencil.of(grid, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandMetres");
        assertThatThrownBy(() -> BandStencil.of(grid, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 60)
    void window_sums_and_counts_equal_brute_force_pairwise_distances(@ForAll long seed) {
        Random rnd = new Random(seed);
        SquareGrid g = new SquareGrid(475_000, 319_000, 25 + rnd.nextInt(200), 1 + rnd.nextInt(25), 1 + rnd.nextInt(25));
        double band = rnd.nextDouble() * 7 * g.cellMetres();
        boolean[] mask = new boolean[g.cellCount()];
        double[] v = new double[g.cellCount()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextDouble() < 0.7;
            v[i] = rnd.nextInt(5) == 0 ? rnd.nextInt(50) : 0;
        }
        BandStencil s = BandStencil.of(g, band);
        double[] sums = s.windowSums(v, mask, new double[g.cellCount()]);
        int[] counts = s.neighbourCounts(mask);
        for (int i = 0; i < mask.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = 0; j < mask.length; j++) {
                double d = Math.hypot(g.centreX(i) - g.centreX(j), g.centreY(i) - g.centreY(j));
                if (mask[j] && d <= band * (1 + BandStencil.TOLERANCE)) {
                    sum += v[j];
                    n++;
                }
            }
            assertThat(sums[i]).as("sum at %d", i).isCloseTo(sum, within(1e-9));
            assertThat(counts[i]).as("count at %d", i).isEqualTo(n);
        }
    }
}
