package uk.safermap.councillor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassBreaksTest {

    @Test
    void natural_breaks_split_at_the_gaps() {
        double[] values = {1, 2, 3, 20, 21, 22, 50, 52};
        assertThat(ClassBreaks.naturalBreaks(values, 3)).containsExactly(3, 22, 52);
    }

    @Test
    void natural_breaks_match_a_brute_force_partition() {
        double[] values = {4, 9, 1, 15, 16, 3, 30, 8, 33, 2, 17};
        double[] breaks = ClassBreaks.naturalBreaks(values, 3);
        double best = Double.POSITIVE_INFINITY;
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double[] bestBreaks = null;
        for (int i = 1; i < sorted.length - 1; i++) {
            for (int j = i + 1; j < sorted.length; j++) {
                double c = ssd(sorted, 0, i) + ssd(sorted, i, j) + ssd(sorted, j, sorted.length);
                if (c < best) {
                    best = c;
                    bestBreaks = new double[] {sorted[i - 1], sorted[j - 1], sorted[sorted.length - 1]};
                }
            }
        }
        assertThat(breaks).containsExactly(bestBreaks);
    }

    private static double ssd(double[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= to - from;
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (x[i] - mean) * (x[i] - mean);
        }
        return s;
    }

    @Test
    void quantiles_hold_about_equal_numbers_and_few_values_are_their_own_classes() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(ClassBreaks.quantile(values, 5)).containsExactly(2, 4, 6, 8, 10);
        assertThat(ClassBreaks.quantile(new double[] {5, 5, 10}, 5)).containsExactly(5, 10);
        assertThat(ClassBreaks.classOf(5, new double[] {2, 4, 6, 8, 10})).isEqualTo(2);
        assertThat(ClassBreaks.classOf(11, new double[] {2, 4, 6, 8, 10})).isEqualTo(4);
    }
}
