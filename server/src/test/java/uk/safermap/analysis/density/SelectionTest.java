package uk.safermap.analysis.density;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SelectionTest {

    @Property
    void the_median_by_selection_equals_the_median_by_sorting(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 20) Integer> ints) {
        // Small integers, so that ties are common.
        double[] values = ints.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

        assertThat(Selection.weightedMedian(values, null)).isEqualTo(expected);
    }

    @Property
    void a_weighted_median_equals_the_median_of_the_expanded_sample(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 10) Integer> ints,
            @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 1, max = 4) Integer> counts) {
        double[] values = new double[ints.size()];
        double[] weights = new double[ints.size()];
        List<Double> expanded = new ArrayList<>();
        for (int k = 0; k < ints.size(); k++) {
            values[k] = ints.get(k);
            weights[k] = counts.get(k);
            for (int c = 0; c < counts.get(k); c++) {
                expanded.add(values[k]);
            }
        }
        double[] plain = expanded.stream().mapToDouble(Double::doubleValue).toArray();

        assertThat(Selection.weightedMedian(values, weights)).isEqualTo(Selection.weightedMedian(plain, null));
    }

    @Property
    void percentiles_interpolate_between_order_statistics_like_numpy(
            @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 100) Double> list,
            @ForAll @DoubleRange(min = 0, max = 100) double q1,
            @ForAll @DoubleRange(min = 0, max = 100) double q2) {
        double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        double[] got = Selection.percentiles(values, new double[] {q1, q2});

        assertThat(got[0]).isCloseTo(byRank(sorted, q1), within(1e-9));
        assertThat(got[1]).isCloseTo(byRank(sorted, q2), within(1e-9));
    }

    @Property
    void percentiles_of_the_positive_values_by_histogram_equal_those_by_selection(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -3, max = 40) Integer> exponents,
            @ForAll @DoubleRange(min = 0, max = 100) double q1,
            @ForAll @DoubleRange(min = 0, max = 100) double q2) {
        // Values spread over many powers of two, with zeros, negatives and ties.
        double[] values = new double[exponents.size()];
        for (int k = 0; k < values.length; k++) {
            int e = exponents.get(k);
            values[k] = e <= 0 ? e : Math.pow(2, e - 20) * (1 + (k % 3) / 7.0);
        }
        double[] positive = Arrays.stream(values).filter(v -> v > 0).toArray();
        double[] original = values.clone();

        double[] got = Selection.percentilesOfPositive(values, new double[] {q1, q2});

        assertThat(values).containsExactly(original);
        if (positive.length == 0) {
            assertThat(got).containsOnly(Double.NaN);
        } else {
            double[] expected = Selection.percentiles(positive, new double[] {q1, q2});
            assertThat(got[0]).isCloseTo(expected[0], within(1e-12 * Math.abs(expected[0])));
            assertThat(got[1]).isCloseTo(expected[1], within(1e-12 * Math.abs(expected[1])));
        }
    }

    private static double byRank(double[] sorted, double q) {
        double rank = q / 100 * (sorted.length - 1);
        int k = (int) Math.floor(rank);
        return k + 1 < sorted.length ? sorted[k] + (rank - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
    }
}
