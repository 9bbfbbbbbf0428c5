package uk.safermap.analysis.stats;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BandSelectionTest {

    private static final SquareGrid GRID = new SquareGrid(475_000, 319_000, 100, 40, 40);

    /** Round-topped clusters with a 250 m spread (Gaussian sigma), like housing-estate hot spots. */
    private static double[] blobs() {
        double[][] centres = {{475_600, 319_700}, {476_900, 322_800}, {478_200, 320_400}, {477_300, 318_900 + 1_900},
            {474_900 + 3_100, 319_000 + 3_300}, {475_900, 322_300}};
        double[] x = new double[GRID.cellCount()];
        for (double[] c : centres) {
            for (int i = 0; i < x.length; i++) {
                double d = Math.hypot(GRID.centreX(i) - c[0], GRID.centreY(i) - c[1]);
                x[i] += Math.round(20 * Math.exp(-d * d / (2 * 250 * 250)));
            }
        }
        return x;
    }

    @Test
    void clustered_counts_take_the_first_significant_peak_of_morans_i() {
        double[] x = blobs();
        BandSelection.Result r = BandSelection.select(new CellCounts(GRID, x, 0, 0), StudyMask.all(GRID));
        assertThat(r.rule()).isEqualTo(BandSelection.Rule.ISA_FIRST_PEAK);
        assertThat(r.rule().slug()).isEqualTo("isa-first-peak");
        assertThat(r.triedBands()).containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        int k = (int) Math.round(r.bandMetres() / 100) - 1;
        double[] z = r.moransZ();
        assertThat(z[k]).isGreaterThan(z[k - 1]).isGreaterThan(z[k + 1]).isGreaterThan(1.96);
        for (int j = 1; j < k; j++) {
            assertThat(z[j] > z[j - 1] && z[j] > z[j + 1]).as("no earlier peak at %d", j).isFalse();
        }
        // Spread 250 m: clustering is strongest at 400 m for these six clusters.
        assertThat(r.bandMetres()).isEqualTo(400);
        for (int j = 0; j < z.length; j++) {
            assertThat(z[j]).isCloseTo(GlobalMoransI.compute(x, StudyMask.all(GRID), r.triedBands()[j]).z(), within(1e-9));
        }
        assertThat(r.reason()).contains("first significant peak").contains("400 m");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void random_counts_have_no_peak_and_fall_back_to_eight_neighbours_for_every_cell() {
        Random rnd = new Random(1);
        double[] x = new double[GRID.cellCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(5);
        }
        BandSelection.Result r = BandSelection.select(new CellCounts(GRID, x, 0, 0), StudyMask.all(GRID));
        assertThat(r.rule()).isEqualTo(BandSelection.Rule.MIN_8_NEIGHBOURS);
        assertThat(r.rule().slug()).isEqualTo("min-8-neighbours");
        // A corner cell has 5 neighbours within 200 m ((1,0) (2,0) (0,1) (0,2) (1,1)) and 10 within 300 m.
        assertThat(r.bandMetres()).isEqualTo(300);
        assertThat(r.reason()).contains("no significant peak").contains("only 5");
    }

    @Test
    void a_steadily_rising_z_score_has_no_peak() {
        double[] x = new double[GRID.cellCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = GRID.col(i);
        }
        BandSelection.Result r = BandSelection.select(new CellCounts(GRID, x, 0, 0), StudyMask.all(GRID));
        assertThat(r.moransZ()).isSorted();
        assertThat(r.rule()).isEqualTo(BandSelection.Rule.MIN_8_NEIGHBOURS);
    }

    @Test
    void a_one_cell_wide_study_area_needs_a_band_of_eight_cells() {
        // A street-like strip: the end cells see neighbours only along it.
        SquareGrid g = new SquareGrid(0, 0, 100, 20, 5);
        boolean[] strip = new boolean[g.cellCount()];
        for (int c = 0; c < 20; c++) {
            strip[g.index(c, 2)] = true;
        }
        double[] same = new double[g.cellCount()];
        java.util.Arrays.fill(same, 3);
        BandSelection.Result r = new BandSelection(StudyMask.of(g, strip), 10).compute(same);
        assertThat(r.rule()).isEqualTo(BandSelection.Rule.MIN_8_NEIGHBOURS);
        assertThat(r.bandMetres()).isEqualTo(800);
        assertThat(r.moransZ()).containsOnly(Double.NaN);
        assertThat(r.reason()).contains("undefined");
    }

    @Test
    void fewer_than_nine_cells_use_the_band_reaching_all_with_a_warning() {
        SquareGrid g = new SquareGrid(0, 0, 100, 4, 2);
        BandSelection.Result r = new BandSelection(StudyMask.all(g), 10).compute(new double[] {1, 0, 2, 0, 5, 0, 0, 1});
        assertThat(r.rule()).isEqualTo(BandSelection.Rule.MIN_8_NEIGHBOURS);
        assertThat(r.bandMetres()).isEqualTo(500);
        assertThat(r.warnings()).singleElement().asString().contains("only 8 study cells");
    }

    @Test
    void the_first_peak_must_be_interior_strict_and_significant() {
        assertThat(BandSelection.firstPeak(new double[] {1, 3, 2, 5, 4})).isEqualTo(1);
        assertThat(BandSelection.firstPeak(new double[] {1, 1.5, 1.2, 3, 2})).isEqualTo(3);
        assertThat(BandSelection.firstPeak(new double[] {5, 4, 3, 2, 1})).isEqualTo(-1);
        assertThat(BandSelection.firstPeak(new double[] {1, 2, 3, 4, 5})).isEqualTo(-1);
        assertThat(BandSelection.firstPeak(new double[] {1, 3, 3, 2, 1})).isEqualTo(-1);
        assertThat(BandSelection.firstPeak(new double[] {Double.NaN, 3, 2})).isEqualTo(-1);
    }

    @Test
    void steps_outside_the_range_are_refused() {
        assertThatThrownBy(() -> new BandSelection(StudyMask.all(GRID), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> new BandSelection(StudyMask.all(GRID), 51)).isInstanceOf(IllegalArgumentException.class);
    }
}
