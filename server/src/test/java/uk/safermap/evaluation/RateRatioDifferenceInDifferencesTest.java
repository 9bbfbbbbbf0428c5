package uk.safermap.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rate-ratio difference in differences against hand-computed values. */
class RateRatioDifferenceInDifferencesTest {

    @Test
    void halved_target_against_a_flat_comparison() {
        // RR = (50/100)/(200/200) = 0.5; SE = sqrt(1/100 + 1/50 + 1/200 + 1/200) = sqrt(0.04) = 0.2;
        // 95 %: exp(ln 0.5 -/+ 1.959964 * 0.2) = 0.33783 .. 0.74002.
        RateRatioDifferenceInDifferences.Result r = RateRatioDifferenceInDifferences.estimate(100, 50, 200, 200, 1, 0.95);
        assertThat(r.rateRatio()).isCloseTo(0.5, within(1e-12));
        assertThat(r.standardError()).isCloseTo(0.2, within(1e-12));
        assertThat(r.lower()).isCloseTo(0.5 * Math.exp(-1.959964 * 0.2), within(1e-6));
        assertThat(r.upper()).isCloseTo(0.5 * Math.exp(1.959964 * 0.2), within(1e-6));
        assertThat(r.excludesNoChange()).isTrue();
        // Expected after = 100 * 200/200 = 100; recorded 50; prevented 50 = 50 * (1/0.5 - 1).
        assertThat(r.prevented()).isCloseTo(50, within(1e-9));
        assertThat(r.preventedLower()).isCloseTo(50 * (1 / r.upper() - 1), within(1e-9));
        assertThat(r.preventedUpper()).isCloseTo(50 * (1 / r.lower() - 1), within(1e-9));
    }

    @Test
    void dispersion_widens_the_interval_by_its_square_root() {
        RateRatioDifferenceInDifferences.Result plain = RateRatioDifferenceInDifferences.estimate(100, 50, 200, 200, 1, 0.95);
        RateRatioDifferenceInDifferences.Result wide = RateRatioDifferenceInDifferences.estimate(100, 50, 200, 200, 4, 0.95);
        assertThat(wide.standardError()).isCloseTo(2 * plain.standardError(), within(1e-12));
        assertThat(RateRatioDifferenceInDifferences.estimate(100, 50, 200, 200, 0.3, 0.95).dispersion()).isEqualTo(1);
    }

    @Test
    void dispersion_is_the_pooled_pearson_statistic_of_monthly_counts() {
        // Mean 10; (100 + 100 + 100 + 100) / 10 = 40 over 3 degrees of freedom.
        assertThat(RateRatioDifferenceInDifferences.dispersion(new int[] {0, 20, 0, 20})).isCloseTo(40.0 / 3,
                within(1e-12));
        // Steadier than Poisson is floored at 1; an empty or one-month series adds nothing.
        assertThat(RateRatioDifferenceInDifferences.dispersion(new int[] {10, 10, 10}, new int[] {0, 0},
                new int[] {5})).isEqualTo(1);
    }

    @Test
    void a_zero_count_has_no_rate_ratio() {
        assertThatThrownBy(() -> RateRatioDifferenceInDifferences.estimate(10, 0, 10, 10, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
