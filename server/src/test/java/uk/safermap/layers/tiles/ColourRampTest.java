package uk.safermap.layers.tiles;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColourRampTest {

    private final ColourRamp ramp = ColourRamp.ylOrRd(1, 2, 4, 8);

    @Test
    void a_break_starts_its_class_and_the_first_break_ends_transparency() {
        assertThat(ramp.classOf(0.999)).isEqualTo(-1);
        assertThat(ramp.classOf(1)).isEqualTo(0);
        assertThat(ramp.classOf(1.999)).isEqualTo(0);
        assertThat(ramp.classOf(2)).isEqualTo(1);
        assertThat(ramp.classOf(3.999)).isEqualTo(1);
        assertThat(ramp.classOf(4)).isEqualTo(2);
        assertThat(ramp.classOf(8)).isEqualTo(2);
        assertThat(ramp.classOf(1e9)).isEqualTo(2);
        assertThat(ramp.classOf(Double.NaN)).isEqualTo(-1);
        assertThat(ramp.argbOf(0.5)).isZero();
    }

    @Test
    void the_legend_gives_each_colour_its_values() {
        assertThat(ramp.legend()).containsExactly(
                new LegendEntry("#ffeda0", 115 / 255.0, 1, 2),
                new LegendEntry("#feb24c", 166 / 255.0, 2, 4),
                new LegendEntry("#f03b20", 217 / 255.0, 4, 8));
        assertThat(ramp.argbOf(5)).isEqualTo(0xd9f03b20);
    }

    @Test
    void eight_classes_use_colorbrewer_ylorrd_8() {
        ColourRamp eight = ColourRamp.ylOrRd(1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertThat(eight.legend()).extracting(LegendEntry::colour).containsExactly(
                "#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026");
        assertThat(eight.legend().get(0).opacity()).isLessThan(eight.legend().get(7).opacity());
    }

    @Test
    void density_breaks_come_from_percentiles_of_the_positive_cells() {
        double[] v = new double[100];
        for (int k = 0; k < 100; k++) {
            v[k] = k;
        }
        DensityGrid grid = new DensityGrid(0, 0, 10, 10, 10, v, 50, "given", 1, KernelDensity.Method.EXACT, List.of());

        ColourRamp r = ColourRamp.forDensity(grid, 50, 90);

        // Positive cells 1..99: 50th percentile 50, 90th 89.2; the maximum closes the top class.
        assertThat(r.breaks()).containsExactly(50, 89.2, 99);
        assertThat(r.classes()).isEqualTo(2);
    }

    @Test
    void tied_percentiles_merge_and_an_empty_surface_has_no_classes() {
        double[] v = new double[100];
        for (int k = 0; k < 100; k++) {
            v[k] = k < 98 ? 1 : 2;
        }
        DensityGrid flat = new DensityGrid(0, 0, 10, 10, 10, v, 50, "given", 1, KernelDensity.Method.EXACT, List.of());
        DensityGrid empty = new DensityGrid(0, 0, 10, 10, 10, new double[100], 50, "given", 0,
                KernelDensity.Method.EXACT, List.of());

        assertThat(ColourRamp.forDensity(flat).breaks()).containsExactly(1, 2);
        assertThat(ColourRamp.forDensity(empty).classes()).isZero();
        assertThat(ColourRamp.forDensity(empty).classOf(5)).isEqualTo(-1);
    }

    @Test
    void breaks_must_rise_and_match_the_colours() {
        assertThatThrownBy(() -> ColourRamp.ylOrRd(1, 1, 2)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new ColourRamp(new double[] {1, 2}, new int[] {0, 0})).hasMessageContaining("one more");
        assertThatThrownBy(() -> ColourRamp.ylOrRd(1)).hasMessageContaining("2..9");
    }
}
