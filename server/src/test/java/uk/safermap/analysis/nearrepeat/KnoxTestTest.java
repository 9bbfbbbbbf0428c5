package uk.safermap.analysis.nearrepeat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KnoxTestTest {

    private static final double[] METRES = {0, 100, 200};
    private static final int[] DAYS = {0, 7, 14};

    // Five incidents. Bands: same location [0,0], (0,100], (100,200], more than 200 m;
    // same day [0,0], 1-7, 8-14, more than 14 days.
    //   A (0, 0) day 0     B (0, 0) day 3     C (60, 80) day 7     D (0, 150) day 20     E (300, 0) day 7
    //
    // pair  Euclidean        Manhattan   lag   Euclidean band     Manhattan band   time band
    // A-B     0                0          3    same location      same location    1-7
    // A-C   100 (3-4-5)      140          7    (0,100] on edge    (100,200]        1-7 on edge
    // A-D   150              150         20    (100,200]          (100,200]        more than 14
    // A-E   300              300          7    more than 200      more than 200    1-7
    // B-C   100              140          4    (0,100]            (100,200]        1-7
    // B-D   150              150         17    (100,200]          (100,200]        more than 14
    // B-E   300              300          4    more than 200      more than 200    1-7
    // C-D    92.2 (60, 70)   130         13    (0,100]            (100,200]        8-14
    // C-E   253.0 (240, 80)  320          0    more than 200      more than 200    same day
    // D-E   335.4 (300, 150) 450         13    more than 200      more than 200    8-14
    private static final double[] X = {0, 0, 60, 0, 300};
    private static final double[] Y = {0, 0, 80, 150, 0};
    private static final int[] DAY = {0, 3, 7, 20, 7};

    private static KnoxResult knox(double[] x, double[] y, int[] day, int permutations, long seed) {
        return new KnoxTest(METRES, DAYS, permutations, seed, Metric.EUCLIDEAN).run(x, y, day);
    }

    @Test
    void five_incidents_fill_the_hand_computed_euclidean_table() {
        KnoxResult r = knox(X, Y, DAY, 99, 1);

        assertThat(r.observed()).isDeepEqualTo(new long[][] {
                {0, 1, 0, 0},
                {0, 2, 1, 0},
                {0, 0, 0, 2},
                {1, 2, 1, 0}});
        assertThat(r.pairCount()).isEqualTo(10);
        assertThat(r.closePairCount()).isEqualTo(6);
        assertThat(r.incidents()).isEqualTo(5);
    }

    @Test
    void manhattan_distance_moves_the_diagonal_pairs_out_by_one_band() {
        KnoxResult r = new KnoxTest(METRES, DAYS, 99, 1, Metric.MANHATTAN).run(X, Y, DAY);

        assertThat(r.observed()).isDeepEqualTo(new long[][] {
                {0, 1, 0, 0},
                {0, 0, 0, 0},
                {0, 2, 1, 2},
                {1, 2, 1, 0}});
        assertThat(r.metric()).isEqualTo(Metric.MANHATTAN);
    }

    @Test
    void a_pair_exactly_on_both_edges_is_in_the_nearer_bands_and_just_past_them_in_the_next() {
        KnoxResult onEdges = knox(new double[] {0, 0}, new double[] {0, 100}, new int[] {10, 17}, 9, 1);
        KnoxResult pastEdges = knox(new double[] {0, 0}, new double[] {0, 100.001}, new int[] {10, 18}, 9, 1);

        assertThat(onEdges.observed(1, 1)).isEqualTo(1);
        assertThat(pastEdges.observed(2, 2)).isEqualTo(1);
    }

    @Test
    void expected_and_p_match_the_exact_distribution_over_all_120_permutations_of_five_days() {
        long[][] observed = BruteForceKnox.table(X, Y, DAY, METRES, DAYS, Metric.EUCLIDEAN);
        double[][] exactMean = new double[4][4];
        double[][] exactP = new double[4][4];
        List<int[]> all = permutations(DAY);
        for (int[] days : all) {
            long[][] t = BruteForceKnox.table(X, Y, days, METRES, DAYS, Metric.EUCLIDEAN);
            for (int s = 0; s < 4; s++) {
                for (int u = 0; u < 4; u++) {
                    exactMean[s][u] += t[s][u] / (double) all.size();
                    exactP[s][u] += t[s][u] >= observed[s][u] ? 1.0 / all.size() : 0;
                }
            }
        }

        KnoxResult r = knox(X, Y, DAY, 9_999, 42);

        // Monte Carlo error with 9,999 permutations: about 0.01 on a mean count, 0.005 on p.
        for (int s = 0; s < 4; s++) {
            for (int u = 0; u < 4; u++) {
                assertThat(r.expected(s, u)).as("expected[%d][%d]", s, u).isCloseTo(exactMean[s][u], within(0.05));
                assertThat(r.p(s, u)).as("p[%d][%d]", s, u).isCloseTo(exactP[s][u], within(0.02));
            }
        }
        // The exact mean is the Knox expectation from the margins: 3 pairs within (0,100] x 5 of 10 pairs at 1-7 days.
        assertThat(exactMean[1][1]).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void expected_converges_to_the_product_of_the_margins_over_all_pairs() {
        Random random = new Random(3);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] day = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = 470_000 + random.nextInt(40) * 25.0;
            y[i] = 318_000 + random.nextInt(40) * 25.0;
            day[i] = random.nextInt(120);
        }
        KnoxResult r = knox(x, y, day, 999, 5);
        long[][] observed = r.observed();
        long total = r.pairCount();

        for (int s = 0; s < 4; s++) {
            for (int u = 0; u < 4; u++) {
                double inRow = 0;
                double inColumn = 0;
                for (int k = 0; k < 4; k++) {
                    inRow += observed[s][k];
                    inColumn += observed[k][u];
                }
                double knoxExpectation = inRow * inColumn / total;
                if (knoxExpectation >= 20) {
                    assertThat(r.expected(s, u)).as("expected[%d][%d]", s, u)
                            .isCloseTo(knoxExpectation, within(0.03 * knoxExpectation));
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_result_and_another_seed_other_expected_counts() {
        Incidents data = randomIncidents(new Random(11), 400, 2_000, 365);

        KnoxResult first = knox(data.x, data.y, data.day, 99, 2024);
        KnoxResult again = knox(data.x, data.y, data.day, 99, 2024);
        KnoxResult other = knox(data.x, data.y, data.day, 99, 2025);

        assertThat(again).isEqualTo(first);
        assertThat(other.observed()).isDeepEqualTo(first.observed());
        assertThat(other.expected()).isNotEqualTo(first.expected());
        assertThat(other.seed()).isEqualTo(2025);
    }

    @Test
    void spreading_the_permutations_over_threads_gives_the_identical_result() throws Exception {
        Incidents data = randomIncidents(new Random(13), 600, 1_500, 120);
        KnoxTest test = new KnoxTest(new double[] {0, 100, 200, 400}, new int[] {0, 7, 14, 28}, 199, 77,
                Metric.EUCLIDEAN);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertThat(test.run(data.x, data.y, data.day, pool)).isEqualTo(test.run(data.x, data.y, data.day));
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> test.run(data.x, data.y, data.day, null)).hasMessageContaining("executor");
    }

    @Test
    void a_planted_near_repeat_pattern_is_over_represented_within_100_m_and_7_days() {
        Random random = new Random(7);
        int originators = 200;
        double[] x = new double[2 * originators];
        double[] y = new double[2 * originators];
        int[] day = new int[2 * originators];
        for (int i = 0; i < originators; i++) {
            x[i] = 465_000 + random.nextDouble() * 10_000;
            y[i] = 312_000 + random.nextDouble() * 10_000;
            day[i] = random.nextInt(730);
            double angle = random.nextDouble() * 2 * Math.PI;
            double radius = 5 + random.nextDouble() * 90;
            x[originators + i] = x[i] + radius * Math.cos(angle);
            y[originators + i] = y[i] + radius * Math.sin(angle);
            day[originators + i] = day[i] + 1 + random.nextInt(7);
        }

        KnoxResult r = new KnoxTest(new double[] {0, 100, 200, 400}, new int[] {0, 7, 14, 28}, 99, 3,
                Metric.EUCLIDEAN).run(x, y, day);

        assertThat(r.observed(1, 1)).isGreaterThanOrEqualTo(originators);
        assertThat(r.ratio(1, 1)).isGreaterThan(10);
        assertThat(r.p(1, 1)).isEqualTo(0.01);
        assertThat(r.significant(1, 1)).isTrue();
        // Followers came within a week, so the same distances at more than 28 days are under-represented.
        assertThat(r.ratio(1, 4)).isLessThan(1);
        assertThat(r.significant(1, 4)).isFalse();
        assertThat(r.ratio(4, 4)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void random_incidents_give_knox_ratios_near_one() {
        Incidents data = randomIncidents(new Random(5), 2_000, 2_000, 365);

        KnoxResult r = new KnoxTest(new double[] {0, 100, 200, 400}, new int[] {0, 7, 14, 28}, 99, 8,
                Metric.EUCLIDEAN).run(data.x, data.y, data.day);

        int checked = 0;
        for (int s = 0; s < 5; s++) {
            for (int u = 0; u < 5; u++) {
                if (r.expected(s, u) >= 400) {
                    assertThat(r.ratio(s, u)).as("ratio[%d][%d]", s, u).isCloseTo(1.0, within(0.15));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
        assertThat(r.expected(1, 1)).isGreaterThan(300);
    }

    @Test
    void incidents_all_on_one_day_are_never_more_clustered_than_chance() {
        KnoxResult r = knox(X, Y, new int[] {5, 5, 5, 5, 5}, 99, 1);

        for (int s = 0; s < 4; s++) {
            assertThat(r.p()[s]).containsOnly(1.0);
            assertThat(r.significant()[s]).containsOnly(false);
            assertThat(r.observed(s, 0)).isEqualTo((long) r.expected(s, 0));
        }
        assertThat(r.ratio(1, 0)).isEqualTo(1.0);
        assertThat(r.ratio(1, 1)).isNaN();
        assertThat(r.notes()).anyMatch(n -> n.contains("undefined"));
    }

    @Test
    void fewer_than_19_permutations_are_noted_and_flag_no_cell() {
        KnoxResult few = knox(X, Y, DAY, 18, 1);
        KnoxResult enough = knox(X, Y, DAY, 19, 1);

        assertThat(few.notes()).anyMatch(n -> n.contains("18 permutations") && n.contains("at least 19"));
        assertThat(few.smallestPossibleP()).isGreaterThan(KnoxResult.SIGNIFICANCE_LEVEL);
        for (boolean[] row : few.significant()) {
            assertThat(row).containsOnly(false);
        }
        assertThat(enough.notes()).noneMatch(n -> n.contains("at least 19"));
        assertThat(enough.smallestPossibleP()).isEqualTo(0.05);
    }

    @Test
    void observed_and_expected_each_sum_to_all_pairs() {
        Incidents data = randomIncidents(new Random(2), 500, 3_000, 200);

        KnoxResult r = knox(data.x, data.y, data.day, 49, 4);

        double observed = 0;
        double expected = 0;
        for (int s = 0; s < 4; s++) {
            for (int u = 0; u < 4; u++) {
                observed += r.observed(s, u);
                expected += r.expected(s, u);
            }
        }
        assertThat(observed).isEqualTo(500 * 499 / 2);
        assertThat(expected).isCloseTo(500 * 499 / 2, within(1e-6));
    }

    @Test
    void incidents_further_apart_than_the_largest_edge_all_land_in_the_last_row() {
        KnoxResult r = knox(new double[] {0, 1_000, 2_000}, new double[] {0, 0, 0}, new int[] {0, 1, 30}, 19, 1);

        assertThat(r.closePairCount()).isZero();
        assertThat(r.observed()[3]).containsExactly(0, 1, 0, 2);
        assertThat(r.notes()).anyMatch(n -> n.contains("No two incidents are within 200 m"));
    }

    @Test
    void a_huge_extent_with_tiny_bands_still_counts_every_pair() {
        double[] x = {0, 0.5, 1e9, 1e9 + 0.25, 5e8, 5e8};
        double[] y = {0, 0, 1e9, 1e9, 3e8, 3e8};
        int[] day = {0, 1, 2, 2, 9, 9};
        double[] metres = {0, 0.3, 1};

        KnoxResult r = new KnoxTest(metres, DAYS, 9, 1, Metric.EUCLIDEAN).run(x, y, day);

        assertThat(r.observed()).isDeepEqualTo(BruteForceKnox.table(x, y, day, metres, DAYS, Metric.EUCLIDEAN));
        assertThat(r.closePairCount()).isEqualTo(3);
    }

    @Test
    void bands_are_labelled_with_their_exact_intervals() {
        KnoxTest test = new KnoxTest(new double[] {0, 100, 200, 400}, new int[] {0, 7, 14, 28}, 99, 1,
                Metric.EUCLIDEAN);

        assertThat(test.spaceBands()).extracting(KnoxBand::label).containsExactly(
                "same location", "over 0 to 100 m", "over 100 to 200 m", "over 200 to 400 m", "more than 400 m");
        assertThat(test.spaceBands()).extracting(KnoxBand::interval).containsExactly(
                "[0, 0]", "(0, 100]", "(100, 200]", "(200, 400]", "(400, inf)");
        assertThat(test.timeBands()).extracting(KnoxBand::label).containsExactly(
                "same day", "1-7 days", "8-14 days", "15-28 days", "more than 28 days");
        assertThat(test.timeBands()).extracting(KnoxBand::interval).containsExactly(
                "[0, 0]", "(0, 7]", "(7, 14]", "(14, 28]", "(28, inf)");
        assertThat(test.spaceBands().get(1).contains(100)).isTrue();
        assertThat(test.spaceBands().get(1).contains(0)).isFalse();
        assertThat(test.spaceBands().get(0).contains(0)).isTrue();
    }

    @Test
    void a_first_edge_above_zero_makes_a_closed_first_band_and_single_days_read_as_one_day() {
        KnoxTest test = new KnoxTest(new double[] {50, 125.5}, new int[] {0, 1, 2}, 99, 1, Metric.EUCLIDEAN);
        KnoxTest weekly = new KnoxTest(new double[] {50}, new int[] {7, 14}, 99, 1, Metric.EUCLIDEAN);

        assertThat(test.spaceBands()).extracting(KnoxBand::label)
                .containsExactly("0 to 50 m", "over 50 to 125.5 m", "more than 125.5 m");
        assertThat(test.timeBands()).extracting(KnoxBand::label)
                .containsExactly("same day", "1 day", "2 days", "more than 2 days");
        assertThat(weekly.timeBands()).extracting(KnoxBand::label)
                .containsExactly("0-7 days", "8-14 days", "more than 14 days");
        assertThat(weekly.timeBands()).extracting(KnoxBand::interval)
                .containsExactly("[0, 7]", "(7, 14]", "(14, inf)");
    }

    @Test
    void bad_parameters_are_rejected_with_the_accepted_range() {
        assertThatThrownBy(() -> new KnoxTest(new double[] {0, 200, 100}, DAYS, 99, 1, Metric.EUCLIDEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new KnoxTest(new double[] {-1, 100}, DAYS, 99, 1, Metric.EUCLIDEAN))
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new KnoxTest(new double[] {0, Double.NaN}, DAYS, 99, 1, Metric.EUCLIDEAN))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new KnoxTest(new double[0], DAYS, 99, 1, Metric.EUCLIDEAN))
                .hasMessageContaining("distance edges must be 1..20");
        assertThatThrownBy(() -> new KnoxTest(METRES, new int[] {0, 7, 7}, 99, 1, Metric.EUCLIDEAN))
                .hasMessageContaining("day edges must be >= 0 and strictly increasing");
        assertThatThrownBy(() -> new KnoxTest(METRES, null, 99, 1, Metric.EUCLIDEAN))
                .hasMessageContaining("day edges must be 1..20");
        assertThatThrownBy(() -> new KnoxTest(METRES, DAYS, 0, 1, Metric.EUCLIDEAN))
                .hasMessage("permutations must be 1..9999, got 0");
        assertThatThrownBy(() -> new KnoxTest(METRES, DAYS, 10_000, 1, Metric.EUCLIDEAN))
                .hasMessage("permutations must be 1..9999, got 10000");
        assertThatThrownBy(() -> new KnoxTest(METRES, DAYS, 99, 1, null))
                .hasMessageContaining("metric");
    }

    @Test
    void bad_input_is_rejected_before_any_work() {
        KnoxTest test = new KnoxTest(METRES, DAYS, 99, 1, Metric.EUCLIDEAN);

        assertThatThrownBy(() -> test.run(new double[] {0}, new double[] {0}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("incidents must be 2..1000000, got 1");
        assertThatThrownBy(() -> test.run(new double[] {0, 1}, new double[] {0}, new int[] {0, 1}))
                .hasMessageContaining("one value per incident");
        double[] infinite = {0, Double.POSITIVE_INFINITY};
        assertThatThrownBy(() -> test.run(infinite, new double[] {0, 0}, new int[] {0, 1}))
                .hasMessageContaining("incident 1");
        int[] extremeDays = {Integer.MIN_VALUE, Integer.MAX_VALUE};
        assertThatThrownBy(() -> test.run(new double[] {0, 1}, new double[] {0, 0}, extremeDays))
                .hasMessageContaining("day numbers must span at most");
    }

    @Test
    void the_result_is_an_immutable_value() {
        KnoxResult r = knox(X, Y, DAY, 19, 1);

        r.observed()[0][1] = 99;
        r.p()[0][1] = -1;

        assertThat(r.observed(0, 1)).isEqualTo(1);
        assertThat(r.p(0, 1)).isPositive();
    }

    private record Incidents(double[] x, double[] y, int[] day) {
    }

    /** Uniform over a square of the given side in metres, days uniform over the given span. */
    private static Incidents randomIncidents(Random random, int n, double sideMetres, int days) {
        double[] x = new double[n];
        double[] y = new double[n];
        int[] day = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = 470_000 + random.nextDouble() * sideMetres;
            y[i] = 316_000 + random.nextDouble() * sideMetres;
            day[i] = 19_000 + random.nextInt(days);
        }
        return new Incidents(x, y, day);
    }

    private static List<int[]> permutations(int[] values) {
        List<int[]> out = new ArrayList<>();
        permute(values.clone(), 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }
}
