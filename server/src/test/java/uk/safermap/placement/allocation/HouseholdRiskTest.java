package uk.safermap.placement.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The risk formula on hand-worked cases. */
class HouseholdRiskTest {

    private final HouseholdRisk risk = new HouseholdRisk(400, 56, 200);

    @Test
    void near_repeat_weight_falls_linearly_with_distance_and_age() {
        // One burglary 100 m from unit 0's only sample point, 14 days ago: (1 - 100/400)(1 - 14/56) = 0.5625.
        // Unit 1 is 500 m away (outside D) and gets nothing.
        HouseholdRisk.Scores s = risk.score(2, new int[] {0, 1}, new double[] {0, 600}, new double[] {0, 0},
                new double[] {100}, new double[] {0}, new double[] {14}, new double[0], new double[0]);
        assertThat(s.nearRepeat()[0]).isCloseTo(0.5625, within(1e-12));
        assertThat(s.nearRepeat()[1]).isZero();
        // Scaled to mean 1 over the units, with no density term: 2 and 0.
        assertThat(s.risk()).containsExactly(2.0, 0.0);
    }

    @Test
    void old_burglaries_do_not_count_and_density_uses_the_quartic_kernel() {
        // The burglary is 60 days old (past T = 56); a theft 100 m away adds (1 - 0.25)^2 = 0.5625.
        HouseholdRisk.Scores s = risk.score(2, new int[] {0, 1}, new double[] {0, 1000}, new double[] {0, 0},
                new double[] {0}, new double[] {0}, new double[] {60}, new double[] {100}, new double[] {0});
        assertThat(s.nearRepeat()).containsExactly(0.0, 0.0);
        assertThat(s.density()[0]).isCloseTo(0.5625, within(1e-12));
        assertThat(s.risk()[0]).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void a_unit_risk_is_the_mean_over_its_sample_points_and_both_terms_count_equally() {
        // Unit 0 has two sample points, one on the burglary (1.0) and one 400 m off (0): mean 0.5.
        // Unit 1 sits on a theft. Each term is scaled to mean 1 and the two are averaged.
        HouseholdRisk.Scores s = risk.score(2, new int[] {0, 0, 1}, new double[] {0, 400, 5000},
                new double[] {0, 0, 0}, new double[] {0}, new double[] {0}, new double[] {0},
                new double[] {5000}, new double[] {0});
        assertThat(s.nearRepeat()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(s.density()[1]).isCloseTo(1.0, within(1e-12));
        assertThat(s.risk()[0]).isCloseTo((2.0 + 0.0) / 2, within(1e-12));
        assertThat(s.risk()[1]).isCloseTo((0.0 + 2.0) / 2, within(1e-12));
    }
}
