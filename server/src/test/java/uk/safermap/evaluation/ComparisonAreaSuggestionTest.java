package uk.safermap.evaluation;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ComparisonAreaSuggestionTest {

    private static int[] rising(int from, int step) {
        return IntStream.range(0, 12).map(m -> from + step * m).toArray();
    }

    @Test
    void the_area_moving_like_the_target_comes_first_then_the_same_trend_at_another_level_then_a_flat_one() {
        int[] target = rising(10, 1);
        int[][] candidates = {new int[12], rising(10, 0), rising(20, 2), rising(10, 1)};
        var best = ComparisonAreaSuggestion.nearest(target, candidates, 3);
        assertThat(best).extracting(ComparisonAreaSuggestion.Candidate::index).containsExactly(3, 2, 1);
        assertThat(best.get(0).distance()).isCloseTo(0, within(1e-12));
        // Same relative trend at twice the level: ln 2 / 2.
        assertThat(best.get(1).distance()).isCloseTo(Math.log(2) / 2, within(1e-12));
        // Slope 1 a month over a mean of 15.5, per year.
        assertThat(ComparisonAreaSuggestion.trend(target)).isCloseTo(12 / 15.5, within(1e-12));
    }

    @Test
    void areas_without_incidents_before_are_never_suggested() {
        var best = ComparisonAreaSuggestion.nearest(rising(10, 1), new int[][] {new int[12], new int[12]}, 2);
        assertThat(best).isEmpty();
    }

    @Test
    void series_must_be_alike_in_length() {
        assertThatThrownBy(() -> ComparisonAreaSuggestion.nearest(rising(1, 1), new int[][] {new int[3]}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
