package uk.safermap.analysis.stats;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.CountCube;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmergingHotSpotsTest {

    /** 15 x 15 cells of 100 m; the 150 m band makes each cell's neighbourhood its 3 x 3 block. */
    private static final SquareGrid GRID = new SquareGrid(475_000, 319_000, 100, 15, 15);
    private static final int CENTRE = GRID.index(7, 7);
    private static final int CORNER = GRID.index(0, 0);

    /**
     * A cube of 12 monthly steps: every cell holds {@code background}, except the 3 x 3 block around the
     * centre, which holds {@code block[t]} in step t.
     */
    private static double[][] cube(double background, double... block) {
        double[][] counts = new double[block.length][GRID.cellCount()];
        for (int t = 0; t < block.length; t++) {
            Arrays.fill(counts[t], background);
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    counts[t][GRID.index(7 + dc, 7 + dr)] = block[t];
                }
            }
        }
        return counts;
    }

    private static double[] parse(String block) {
        return Arrays.stream(block.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static EmergingHotSpots.Result run(double[][] counts, int timeLag) {
        var p = new EmergingHotSpots.Parameters(150, timeLag, 0.10, 0.05);
        return new EmergingHotSpots(StudyMask.all(GRID), p).compute(counts);
    }

    private static EmergingHotSpots.Location at(EmergingHotSpots.Result r, int cell) {
        return r.locations().stream().filter(l -> l.cell() == cell).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        // background, block counts per month (12 steps), category of the block centre; time lag 0 so each
        // month stands alone, which makes the patterns easy to plant.
        "2,  2 2 2 2 2 2 2 2 2 2 2 30,            new-hot-spot",
        "2,  2 2 2 2 2 2 2 2 2 30 30 30,          consecutive-hot-spot",
        "2,  20 22 24 26 28 30 32 34 36 38 40 42, intensifying-hot-spot",
        "2,  30 30 30 30 30 30 30 30 30 30 30 30, persistent-hot-spot",
        "2,  42 40 38 36 34 32 30 28 26 24 22 20, diminishing-hot-spot",
        "2,  2 2 30 2 2 30 2 2 2 2 2 30,          sporadic-hot-spot",
        "10, 10 10 10 0 10 10 10 10 10 10 10 40,  oscillating-hot-spot",
        "2,  30 30 30 30 30 30 30 30 30 30 30 2,  historical-hot-spot",
        "10, 10 10 10 10 10 10 10 10 10 10 10 0,  new-cold-spot",
        "10, 10 10 10 10 10 10 10 10 10 0 0 0,    consecutive-cold-spot",
        "10, 6 6 5 5 4 4 3 3 2 2 1 0,             intensifying-cold-spot",
        "10, 0 0 0 0 0 0 0 0 0 0 0 0,             persistent-cold-spot",
        "10, 0 0 1 1 2 2 3 3 4 4 5 6,             diminishing-cold-spot",
        "10, 10 0 10 10 0 10 10 10 10 10 10 0,    sporadic-cold-spot",
        "10, 10 10 10 40 10 10 10 10 10 10 10 0,  oscillating-cold-spot",
        "10, 0 0 0 0 0 0 0 0 0 0 0 10,            historical-cold-spot",
        "10, 10 10 10 10 10 10 10 10 10 10 10 10, no-pattern",
    })
    void each_category_comes_from_a_planted_cube(double background, String block, String slug) {
        double[][] counts = cube(background, parse(block));
        if (slug.equals("no-pattern")) {
            // A uniform cube has no variation at all; give it some elsewhere so the statistic is defined.
            counts[5][CORNER] = 30;
        }
        EmergingHotSpots.Result r = run(counts, 0);
        EmergingHotSpots.Location centre = at(r, CENTRE);
        assertThat(centre.category().slug()).isEqualTo(slug);
        // Consistency: the category is the classification of the location's own bins and z trend.
        int[] sig = new int[r.steps()];
        double[] z = new double[r.steps()];
        for (int t = 0; t < r.steps(); t++) {
            int bin = r.classes()[t][CENTRE].bin();
            sig[t] = Integer.signum(bin);
            z[t] = r.z()[t][CENTRE];
        }
        assertThat(centre.trend()).isEqualTo(MannKendall.test(z));
        assertThat(EmergingCategory.classify(sig, centre.trend(), 0.05)).isEqualTo(centre.category());
        assertThat(centre.hotBins()).isEqualTo((int) Arrays.stream(sig).filter(s -> s == 1).count());
        assertThat(centre.finalClass()).isEqualTo(r.classes()[r.steps() - 1][CENTRE]);
    }

    @Test
    void with_the_default_one_step_time_lag_a_steady_hot_spot_is_persistent_and_a_growing_one_intensifying() {
        // With lag 1 the first and last months have one neighbouring month instead of two, so their z
        // differs from the middle months; symmetric ends leave the Mann-Kendall S at 0.
        EmergingHotSpots.Result steady = EmergingHotSpots.run(
                new CountCube(GRID, cube(2, parse("30 30 30 30 30 30 30 30 30 30 30 30")), 0, 0), StudyMask.all(GRID), 150);
        assertThat(steady.parameters().timeLag()).isEqualTo(1);
        assertThat(at(steady, CENTRE).category()).isEqualTo(EmergingCategory.PERSISTENT_HOT_SPOT);
        assertThat(at(steady, CENTRE).trend().s()).isZero();
        assertThat(at(steady, CORNER).category()).isEqualTo(EmergingCategory.NO_PATTERN);

        EmergingHotSpots.Result growing = EmergingHotSpots.run(
                new CountCube(GRID, cube(2, parse("20 22 24 26 28 30 32 34 36 38 40 42")), 0, 0), StudyMask.all(GRID), 150);
        assertThat(at(growing, CENTRE).category()).isEqualTo(EmergingCategory.INTENSIFYING_HOT_SPOT);
        assertThat(growing.warnings()).isEmpty();
        assertThat(growing.categoryCounts()[EmergingCategory.INTENSIFYING_HOT_SPOT.ordinal()]).isGreaterThanOrEqualTo(1);
    }

    @Property(tries = 40)
    void space_time_gi_star_equals_the_pairwise_reference(@ForAll long seed) {
        Random rnd = new Random(seed);
        SquareGrid g = new SquareGrid(0, 0, 100, 2 + rnd.nextInt(8), 2 + rnd.nextInt(8));
        int steps = 1 + rnd.nextInt(6);
        int lag = rnd.nextInt(3);
        double band = rnd.nextDouble() * 400;
        boolean[] mask = new boolean[g.cellCount()];
        double[][] x = new double[steps][g.cellCount()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextDouble() < 0.75;
        }
        mask[0] = true;
        for (double[] layer : x) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = rnd.nextDouble() < 0.3 ? rnd.nextInt(12) : 0;
            }
        }
        x[0][0] = 5;
        EmergingHotSpots.Result r = new EmergingHotSpots(StudyMask.of(g, mask),
                new EmergingHotSpots.Parameters(band, lag, 0.05, 0.10)).compute(x);
        // Reference: every (cell, step) bin against every other, from the formula.
        int n = 0;
        double sum = 0;
        double sum2 = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    n++;
                    sum += x[t][i];
                    sum2 += x[t][i] * x[t][i];
                }
            }
        }
        double mean = sum / n;
        double s = Math.sqrt(sum2 / n - mean * mean);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < mask.length; i++) {
                if (!mask[i]) {
                    assertThat(r.z()[t][i]).isNaN();
                    continue;
                }
                double local = 0;
                double w = 0;
                for (int u = 0; u < steps; u++) {
                    for (int j = 0; j < mask.length; j++) {
                        double d = Math.hypot(g.centreX(i) - g.centreX(j), g.centreY(i) - g.centreY(j));
                        if (mask[j] && Math.abs(u - t) <= lag && d <= band * (1 + BandStencil.TOLERANCE)) {
                            local += x[u][j];
                            w++;
                        }
                    }
                }
                double z = (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
                if (Double.isFinite(z)) {
                    assertThat(r.z()[t][i]).as("z at step %d cell %d", t, i).isCloseTo(z, within(1e-9));
                } else {
                    assertThat(r.z()[t][i]).isZero();
                }
            }
        }
        assertThat(r.locations()).hasSize(StudyMask.of(g, mask).size());
    }

    @Test
    void an_all_zero_cube_gives_no_pattern_and_a_message() {
        EmergingHotSpots.Result r = run(new double[12][GRID.cellCount()], 1);
        assertThat(r.locations()).allMatch(l -> l.category() == EmergingCategory.NO_PATTERN);
        assertThat(r.warnings()).anyMatch(m -> m.contains("same value"));
    }

    @Test
    void one_time_step_gives_new_hot_spots_and_a_message() {
        EmergingHotSpots.Result r = run(cube(2, 30), 1);
        assertThat(r.steps()).isEqualTo(1);
        assertThat(at(r, CENTRE).category()).isEqualTo(EmergingCategory.NEW_HOT_SPOT);
        assertThat(at(r, CENTRE).trend().p()).isEqualTo(1.0);
        assertThat(r.warnings()).anyMatch(m -> m.contains("one time step"));
    }

    @Test
    void a_single_cell_and_few_steps_give_messages_not_exceptions() {
        SquareGrid one = new SquareGrid(0, 0, 200, 1, 1);
        EmergingHotSpots.Result r = EmergingHotSpots.run(
                CountCube.of(one, new double[] {10, 10, 50}, new double[] {10, 10, 50}, new int[] {0, 1, 1}, 3),
                StudyMask.all(one), 400);
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.locations()).singleElement().extracting(EmergingHotSpots.Location::category)
                .isEqualTo(EmergingCategory.NO_PATTERN);
        assertThat(r.warnings()).anyMatch(m -> m.contains("only 3 time steps")).anyMatch(m -> m.contains("only 1 cells"));

        EmergingHotSpots.Result none = EmergingHotSpots.run(new CountCube(one, new double[2][1], 0, 0),
                StudyMask.of(one, new boolean[1]), 400);
        assertThat(none.locations()).isEmpty();
        assertThat(none.warnings()).singleElement().asString().contains("no cell centre");
    }

    @Test
    void invalid_parameters_are_refused_with_the_parameter_named() {
        assertThatThrownBy(() -> new EmergingHotSpots.Parameters(-1, 1, 0.1, 0.05)).hasMessageContaining("bandMetres");
        assertThatThrownBy(() -> new EmergingHotSpots.Parameters(400, -1, 0.1, 0.05)).hasMessageContaining("timeLag");
        assertThatThrownBy(() -> new EmergingHotSpots.Parameters(400, 1, 0.2, 0.05)).hasMessageContaining("binAlpha");
        assertThatThrownBy(() -> new EmergingHotSpots.Parameters(400, 1, 0.1, 0)).hasMessageContaining("trendAlpha");
        assertThatThrownBy(() -> run(new double[0][], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run(new double[2][3], 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one value per grid cell");
    }
}
