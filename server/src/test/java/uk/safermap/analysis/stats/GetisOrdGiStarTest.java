package uk.safermap.analysis.stats;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GetisOrdGiStarTest {

    @Property(tries = 100)
    void gi_star_equals_the_pairwise_reference_on_random_grids_with_irregular_masks(@ForAll long seed) {
        Random rnd = new Random(seed);
        double cell = new double[] {50, 100, 200, 37.5}[rnd.nextInt(4)];
        SquareGrid g = new SquareGrid(475_000, 319_000, cell, 2 + rnd.nextInt(20), 2 + rnd.nextInt(20));
        boolean[] mask = new boolean[g.cellCount()];
        double[] x = new double[g.cellCount()];
        double keep = 0.4 + 0.6 * rnd.nextDouble();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextDouble() < keep;
            // Mostly empty cells with the odd cluster, as crime counts are; counts outside the mask must not matter.
            x[i] = rnd.nextDouble() < 0.3 ? rnd.nextInt(30) : 0;
        }
        mask[rnd.nextInt(mask.length)] = true;
        x[rnd.nextInt(mask.length)] = 7;
        StudyMask m = StudyMask.of(g, mask);
        double band = rnd.nextDouble() * 6 * cell;
        GetisOrdGiStar.Result r = new GetisOrdGiStar(m, band, true).compute(x);
        double[] ref = GiStarReference.z(g, mask, x, band);
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                assertThat(r.z()[i]).isNaN();
                assertThat(r.classOf(i)).isNull();
            } else if (Double.isFinite(ref[i])) {
                assertThat(r.z()[i]).as("z at cell %d", i).isCloseTo(ref[i], within(1e-9));
                assertThat(r.p()[i]).as("p at cell %d", i).isCloseTo(GiStarReference.p(ref[i]), within(1e-9));
            } else {
                // Reference divides 0 by 0 (all values equal, one cell, or the band reaches every cell).
                assertThat(r.z()[i]).isZero();
                assertThat(r.p()[i]).isEqualTo(1.0);
            }
        }
    }

    @Test
    void gi_star_is_the_exact_permutation_z_score_of_the_neighbourhood_sum() {
        // Under randomisation, sum_j w_ij x_pi(j) over all n! permutations has mean Xbar W_i and variance
        // S^2 (n W_i - W_i^2) / (n - 1): Gi* is that standardised sum. Checked by enumerating all 6! permutations.
        SquareGrid g = new SquareGrid(0, 0, 100, 3, 2);
        double[] x = {0, 1, 3, 0, 2, 5};
        GetisOrdGiStar.Result r = new GetisOrdGiStar(StudyMask.all(g), 100, false).compute(x);
        int[] neighboursOf0 = {0, 1, 3}; // itself, east, north
        double sum = 0;
        double sum2 = 0;
        int count = 0;
        for (int[] perm : permutations(6)) {
            double local = 0;
            for (int j : neighboursOf0) {
                local += x[perm[j]];
            }
            sum += local;
            sum2 += local * local;
            count++;
        }
        double mean = sum / count;
        double sd = Math.sqrt(sum2 / count - mean * mean);
        double observed = x[0] + x[1] + x[3];
        assertThat(r.z()[0]).isCloseTo((observed - mean) / sd, within(1e-12));
        assertThat(r.neighbours()[0]).isEqualTo(3);
        assertThat(r.neighbours()[4]).isEqualTo(4); // top middle: itself, west, east, south
    }

    @Test
    void a_planted_cluster_is_a_99_percent_hot_spot_and_empty_cells_far_away_are_not_significant() {
        SquareGrid g = new SquareGrid(475_000, 319_000, 100, 30, 30);
        double[] x = new double[g.cellCount()];
        Random rnd = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(3);
        }
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                x[g.index(15 + dc, 15 + dr)] = 25;
            }
        }
        GetisOrdGiStar.Result r = GetisOrdGiStar.run(new CellCounts(g, x, 0, 0), StudyMask.all(g), 300);
        assertThat(r.classOf(g.index(15, 15))).isEqualTo(HotSpotClass.HOT_99);
        assertThat(r.classOf(g.index(2, 2))).isEqualTo(HotSpotClass.NOT_SIGNIFICANT);
        assertThat(r.thresholds().corrected()).isTrue();
        assertThat(r.n()).isEqualTo(900);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.classCounts()[HotSpotClass.HOT_99.ordinal()]).isGreaterThanOrEqualTo(9);
    }

    @Test
    void the_study_area_decides_which_empty_cells_take_part() throws Exception {
        // The same counts against a tight study area (the cluster and its surroundings) and against a
        // large, mostly empty one: the large area has a lower mean, so the cluster reads hotter.
        SquareGrid g = new SquareGrid(0, 0, 100, 40, 40);
        double[] x = new double[g.cellCount()];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                x[g.index(c, r)] = (r * 7 + c * 3) % 5;
            }
        }
        x[g.index(5, 5)] = 20;
        StudyMask tight = StudyMask.of(g, new WKTReader().read("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"));
        StudyMask wide = StudyMask.all(g);
        GetisOrdGiStar.Result t = GetisOrdGiStar.run(new CellCounts(g, x, 0, 0), tight, 150);
        GetisOrdGiStar.Result w = GetisOrdGiStar.run(new CellCounts(g, x, 0, 0), wide, 150);
        assertThat(t.n()).isEqualTo(100);
        assertThat(w.n()).isEqualTo(1600);
        assertThat(w.mean()).isLessThan(t.mean());
        assertThat(w.z()[g.index(5, 5)]).isGreaterThan(t.z()[g.index(5, 5)]);
        assertThat(w.warnings()).anyMatch(m -> m.contains("empty"));
        assertThat(t.warnings()).noneMatch(m -> m.contains("empty"));
        assertThat(w.emptyFraction()).isGreaterThan(0.5);
    }

    @Test
    void all_equal_counts_give_nothing_significant_and_a_message() {
        SquareGrid g = new SquareGrid(0, 0, 100, 8, 8);
        double[] x = new double[64];
        GetisOrdGiStar.Result zero = new GetisOrdGiStar(StudyMask.all(g), 300, true).compute(x);
        assertThat(zero.sd()).isZero();
        assertThat(zero.z()).containsOnly(0.0);
        assertThat(zero.p()).containsOnly(1.0);
        assertThat(zero.classes()).containsOnly(HotSpotClass.NOT_SIGNIFICANT);
        assertThat(zero.warnings()).anyMatch(m -> m.contains("same value"));
        java.util.Arrays.fill(x, 4);
        assertThat(new GetisOrdGiStar(StudyMask.all(g), 300, true).compute(x).classes()).containsOnly(HotSpotClass.NOT_SIGNIFICANT);
    }

    @Test
    void a_single_cell_or_an_empty_study_area_gives_messages_not_exceptions() {
        SquareGrid one = SquareGrid.covering(new Envelope(475_150, 475_150, 319_150, 319_150), 100);
        GetisOrdGiStar.Result r = new GetisOrdGiStar(StudyMask.all(one), 300, true).compute(new double[] {5});
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.z()[0]).isZero();
        assertThat(r.classOf(0)).isEqualTo(HotSpotClass.NOT_SIGNIFICANT);
        assertThat(r.warnings()).anyMatch(m -> m.contains("only 1 cells"));

        SquareGrid g = new SquareGrid(0, 0, 100, 3, 3);
        GetisOrdGiStar.Result none = new GetisOrdGiStar(StudyMask.of(g, new boolean[9]), 300, true).compute(new double[9]);
        assertThat(none.n()).isZero();
        assertThat(none.z()).containsOnly(Double.NaN);
        assertThat(none.warnings()).singleElement().asString().contains("no cell centre");
    }

    @Test
    void a_band_reaching_every_cell_or_smaller_than_a_cell_is_reported() {
        SquareGrid g = new SquareGrid(0, 0, 100, 6, 6);
        double[] x = new double[36];
        x[7] = 3;
        x[20] = 9;
        GetisOrdGiStar.Result whole = new GetisOrdGiStar(StudyMask.all(g), 10_000, true).compute(x);
        assertThat(whole.z()).containsOnly(0.0);
        assertThat(whole.warnings()).anyMatch(m -> m.contains("reaches every study cell"));
        GetisOrdGiStar.Result self = new GetisOrdGiStar(StudyMask.all(g), 50, true).compute(x);
        assertThat(self.neighbours()).containsOnly(1);
        assertThat(self.warnings()).anyMatch(m -> m.contains("smaller than the cell"));
        // With only itself as neighbour, Gi* is the plain z-score of the cell: (9 - mean) / sd.
        assertThat(self.z()[20]).isCloseTo((9 - self.mean()) / self.sd(), within(1e-12));
    }

    @Test
    void invalid_parameters_are_refused_with_the_parameter_named() {
        SquareGrid g = new SquareGrid(0, 0, 100, 3, 3);
        assertThatThrownBy(() -> new GetisOrdGiStar(StudyMask.all(g), -5, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandMetres");
        assertThatThrownBy(() -> new GetisOrdGiStar(StudyMask.all(g), 300, true).compute(new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values");
        SquareGrid other = new SquareGrid(0, 0, 50, 3, 3);
        assertThatThrownBy(() -> GetisOrdGiStar.run(new CellCounts(other, new double[9], 0, 0), StudyMask.all(g), 300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same grid");
    }

    static java.util.List<int[]> permutations(int n) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int k, java.util.List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = 0; v < cur.length; v++) {
            if (!used[v]) {
                used[v] = true;
                cur[k] = v;
                permute(cur, used, k + 1, out);
                used[v] = false;
            }
        }
    }
}
