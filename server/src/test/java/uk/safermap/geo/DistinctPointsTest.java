package uk.safermap.geo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Distinct positions against a list search, in first-occurrence order, with counts and sums. */
class DistinctPointsTest {

    @Test
    void positions_are_numbered_in_first_occurrence_order_with_their_counts_and_sums() {
        double[] x = {5, 1, 5, 2, 1, 5};
        double[] y = {5, 1, 5, 2, 1, 6};
        DistinctPoints d = DistinctPoints.of(x, y);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.x()).containsExactly(5, 1, 2, 5);
        assertThat(d.y()).containsExactly(5, 1, 2, 6);
        assertThat(d.counts()).containsExactly(2, 2, 1, 1);
        assertThat(d.sums(new double[] {1, 10, 100, 1000, 10000, 100000})).containsExactly(101, 10010, 1000, 100000);
        assertThat(d.pointOf(4)).isEqualTo(1);
        assertThat(d.firstPoints()).containsExactly(0, 1, 3, 5);
        assertThat(d.perPoint(new int[] {10, 11, 12, 13})).containsExactly(10, 11, 10, 12, 11, 13);
    }

    @Test
    void members_pick_the_points_looked_at_and_sums_want_one_value_each() {
        DistinctPoints d = DistinctPoints.of(new double[] {0, 1, 0}, new double[] {0, 1, 0}, new int[] {2, 1});
        assertThat(d.x()).containsExactly(0, 1);
        // Numbered among the members, in the order given.
        assertThat(d.firstPoints()).containsExactly(0, 1);
        assertThat(d.counts()).containsExactly(1, 1);
        assertThatThrownBy(() -> d.perPoint(new int[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one value per position");
        assertThatThrownBy(() -> d.sums(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one value per point");
    }

    /** Many more positions than the first table holds, with repeats: the same as searching a list. */
    @Property(tries = 20)
    void the_same_as_a_list_search(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                   @ForAll @IntRange(min = 0, max = 5000) int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 470_000 + r.nextInt(80);
            y[i] = 315_000 + r.nextInt(40);
        }
        DistinctPoints d = DistinctPoints.of(x, y);
        List<double[]> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int found = -1;
            for (int p = 0; p < seen.size() && found < 0; p++) {
                found = seen.get(p)[0] == x[i] && seen.get(p)[1] == y[i] ? p : -1;
            }
            if (found < 0) {
                seen.add(new double[] {x[i], y[i]});
                found = seen.size() - 1;
            }
            assertThat(d.pointOf(i)).isEqualTo(found);
        }
        assertThat(d.size()).isEqualTo(seen.size());
        int[] counts = new int[d.size()];
        int[] first = new int[d.size()];
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            counts[d.pointOf(i)]++;
            first[d.pointOf(i)] = first[d.pointOf(i)] < 0 ? i : first[d.pointOf(i)];
        }
        assertThat(d.counts()).isEqualTo(counts);
        assertThat(d.firstPoints()).isEqualTo(first);
    }
}
