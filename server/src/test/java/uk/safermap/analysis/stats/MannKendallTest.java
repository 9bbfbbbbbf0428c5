package uk.safermap.analysis.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MannKendallTest {

    @Test
    void s_variance_z_p_and_tau_match_a_hand_worked_series_with_ties() {
        /*
         * x = 1, 3, 2, 3, 5, 4, 4, 6 (n = 8; ties: two 3s, two 4s).
         * S, by first element of each pair: 1: +7; 3: -1 0 +1 +1 +1 +1 = +3; 2: +5; 3: +4;
         * 5: -1 -1 +1 = -1; 4: 0 +1 = +1; 4: +1.  S = 20.
         * Var S = (8*7*21 - 2*(2*1*9)) / 18 = (1176 - 36) / 18 = 63.333...
         * z = (20 - 1) / sqrt(63.333) = 2.387467; p = 2 (1 - Phi(2.387467)) = 0.016965.
         * tau-b = 20 / sqrt((28 - 2) * 28) = 0.741249 (scipy.stats.kendalltau(range(8), x) gives 0.7412493).
         */
        MannKendall.Result r = MannKendall.test(new double[] {1, 3, 2, 3, 5, 4, 4, 6});
        assertThat(r.n()).isEqualTo(8);
        assertThat(r.s()).isEqualTo(20);
        assertThat(r.varianceS()).isCloseTo(1140.0 / 18, within(1e-12));
        assertThat(r.z()).isCloseTo(2.3874672772626644, within(1e-12));
        assertThat(r.p()).isCloseTo(0.016964912953587128, within(1e-12));
        assertThat(r.tau()).isCloseTo(0.7412493166611012, within(1e-12));
        assertThat(r.trend(0.05)).isEqualTo(1);
        assertThat(r.trend(0.01)).isZero();
    }

    @Test
    void a_falling_series_without_ties_has_tau_minus_one() {
        // n = 5 strictly decreasing: S = -10, Var = 5*4*15/18 = 16.667, z = (-10 + 1)/4.0825 = -2.2045, p = 0.02749.
        MannKendall.Result r = MannKendall.test(new double[] {9, 7, 4, 2, 1});
        assertThat(r.s()).isEqualTo(-10);
        assertThat(r.tau()).isEqualTo(-1.0);
        assertThat(r.z()).isCloseTo(-9 / Math.sqrt(300.0 / 18), within(1e-12));
        assertThat(r.p()).isCloseTo(0.027486, within(1e-6));
        assertThat(r.trend(0.05)).isEqualTo(-1);
    }

    @Test
    void degenerate_series_have_no_trend() {
        for (double[] series : new double[][] {{}, {3}, {2, 2, 2, 2}}) {
            MannKendall.Result r = MannKendall.test(series);
            assertThat(r.s()).isZero();
            assertThat(r.z()).isZero();
            assertThat(r.p()).isEqualTo(1.0);
            assertThat(r.tau()).isZero();
            assertThat(r.trend(0.5)).isZero();
        }
    }

    @Test
    void nan_is_refused() {
        assertThatThrownBy(() -> MannKendall.test(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
