package uk.safermap.analysis.stats;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FalseDiscoveryRateTest {

    /*
     * Hand-worked Benjamini-Hochberg example, m = 10 cells, p-values already sorted:
     *
     *   k    p(k)    k/m*0.10   k/m*0.05   k/m*0.01
     *   1   0.001    0.010 ok   0.005 ok   0.001 ok (equal passes)
     *   2   0.008    0.020 ok   0.010 ok   0.002 -
     *   3   0.039    0.030 -    0.015 -    0.003 -
     *   4   0.041    0.040 -    0.020 -    0.004 -
     *   5   0.042    0.050 ok   0.025 -    0.005 -
     *   6   0.060    0.060 ok   0.030 -    0.006 -   (equal passes)
     *   7   0.074    0.070 -    0.035 -    0.007 -
     *   8   0.205    0.080 -    ...
     *   9   0.212    0.090 -
     *  10   0.216    0.100 -
     *
     * Critical p = largest passing p(k): 90 % -> p(6) = 0.060 (step-up: k = 3 and 4 fail their own
     * test but are carried by k = 6), 95 % -> p(2) = 0.008, 99 % -> p(1) = 0.001.
     * Bins (z > 0): 0.001 -> 3; 0.008 -> 2; 0.039, 0.041, 0.042, 0.060 -> 1; the rest 0.
     * Without FDR (0.10/0.05/0.01): 0.001, 0.008 -> 3; 0.039, 0.041, 0.042 -> 2; 0.060, 0.074 -> 1.
     */
    private static final double[] P = {0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216};

    @Test
    void critical_p_values_match_the_hand_worked_example() {
        assertThat(FalseDiscoveryRate.criticalP(P, 0.10)).isEqualTo(0.060);
        assertThat(FalseDiscoveryRate.criticalP(P, 0.05)).isEqualTo(0.008);
        assertThat(FalseDiscoveryRate.criticalP(P, 0.01)).isEqualTo(0.001);
    }

    @Test
    void the_order_of_the_p_values_does_not_matter() {
        double[] shuffled = {0.212, 0.039, 0.001, 0.216, 0.060, 0.041, 0.205, 0.008, 0.074, 0.042};
        FalseDiscoveryRate.Thresholds t = FalseDiscoveryRate.thresholds(shuffled, null, true);
        assertThat(t).isEqualTo(new FalseDiscoveryRate.Thresholds(0.060, 0.008, 0.001, true));
    }

    @Test
    void bins_match_the_hand_worked_example_with_and_without_fdr() {
        FalseDiscoveryRate.Thresholds fdr = FalseDiscoveryRate.thresholds(P, null, true);
        FalseDiscoveryRate.Thresholds plain = FalseDiscoveryRate.thresholds(P, null, false);
        int[] withFdr = new int[P.length];
        int[] without = new int[P.length];
        for (int i = 0; i < P.length; i++) {
            withFdr[i] = fdr.bin(2.0, P[i]);
            without[i] = plain.bin(2.0, P[i]);
        }
        assertThat(withFdr).containsExactly(3, 2, 1, 1, 1, 1, 0, 0, 0, 0);
        assertThat(without).containsExactly(3, 3, 2, 2, 2, 1, 1, 0, 0, 0);
        assertThat(fdr.classify(-2.0, 0.008)).isEqualTo(HotSpotClass.COLD_95);
        assertThat(fdr.classify(0.0, 0.0)).isEqualTo(HotSpotClass.NOT_SIGNIFICANT);
    }

    @Test
    void only_the_masked_cells_are_tests() {
        // The 0.0001 outside the mask must neither count in m nor pass.
        double[] p = {0.0001, 0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216};
        boolean[] in = {false, true, true, true, true, true, true, true, true, true, true};
        assertThat(FalseDiscoveryRate.thresholds(p, in, true)).isEqualTo(new FalseDiscoveryRate.Thresholds(0.060, 0.008, 0.001, true));
    }

    @Test
    void when_nothing_passes_nothing_is_significant_at_that_level() {
        double[] p = {0.02, 0.5, 0.9};
        // 90 %: 0.02 <= 1/3*0.10 = 0.033 passes; 95 %: 0.02 > 0.0167 and nothing else passes; likewise 99 %.
        FalseDiscoveryRate.Thresholds t = FalseDiscoveryRate.thresholds(p, null, true);
        assertThat(t.p90()).isEqualTo(0.02);
        assertThat(t.p95()).isZero();
        assertThat(t.p99()).isZero();
        assertThat(t.bin(3, 0.02)).isEqualTo(1);
        assertThat(FalseDiscoveryRate.criticalP(new double[] {0.5, 0.6}, 0.05)).isZero();
        assertThat(FalseDiscoveryRate.thresholds(new double[] {0.5, 0.6}, null, true).bin(1, 0.5)).isZero();
    }

    @Test
    void with_no_tests_nothing_passes() {
        assertThat(FalseDiscoveryRate.thresholds(new double[0], null, true)).isEqualTo(new FalseDiscoveryRate.Thresholds(0, 0, 0, true));
    }

    @Test
    void bad_p_values_and_levels_are_refused() {
        assertThatThrownBy(() -> FalseDiscoveryRate.criticalP(new double[] {Double.NaN}, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-values");
        assertThatThrownBy(() -> FalseDiscoveryRate.criticalP(new double[] {1.5}, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FalseDiscoveryRate.criticalP(new double[] {0.5}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> FalseDiscoveryRate.Thresholds.UNCORRECTED.forAlpha(0.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void critical_p_equals_a_full_sort_step_up_on_random_p_values_with_ties(@ForAll long seed) {
        Random rnd = new Random(seed);
        int m = 1 + rnd.nextInt(300);
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            // A mix of strong signals, ties (rounded values) and nulls.
            double u = rnd.nextDouble();
            p[i] = rnd.nextInt(4) == 0 ? Math.pow(u, 6) : Math.round(u * 200) / 200.0;
        }
        for (double alpha : new double[] {0.10, 0.05, 0.01}) {
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double expected = 0;
            for (int k = 1; k <= m; k++) {
                if (sorted[k - 1] <= k * alpha / m) {
                    expected = sorted[k - 1];
                }
            }
            assertThat(FalseDiscoveryRate.criticalP(p, alpha)).isEqualTo(expected);
            assertThat(FalseDiscoveryRate.thresholds(p, null, true).forAlpha(alpha)).isEqualTo(expected);
        }
    }
}
