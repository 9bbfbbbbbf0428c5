package uk.safermap.analysis.nearrepeat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosePairsTest {

    // Four incidents on a line, 50 m apart, and one 1 km away: within 100 m are 0-1, 1-2, 2-3 (50 m)
    // and 0-2, 1-3 (100 m, on the edge).
    private static final double[] X = {0, 50, 100, 150, 1_150};
    private static final double[] Y = {0, 0, 0, 0, 0};

    @Test
    void pairs_within_the_largest_edge_are_found_once_with_their_band() {
        ClosePairs pairs = ClosePairs.find(X, Y, new double[] {60, 100}, Metric.EUCLIDEAN, 100);

        assertThat(pairs.count).isEqualTo(5);
        assertThat(pairs.inBand).containsExactly(3, 2);
        assertThat(pairs.order).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void more_close_pairs_than_allowed_are_refused_with_a_way_out() {
        assertThatThrownBy(() -> ClosePairs.find(X, Y, new double[] {60, 100}, Metric.EUCLIDEAN, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("more than 4 pairs of incidents lie within 100 m of each other; "
                        + "use a smaller largest distance or fewer incidents");
    }
}
