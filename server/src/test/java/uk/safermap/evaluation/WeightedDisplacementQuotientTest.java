package uk.safermap.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed examples of the Bowers and Johnson (2003) quotient. The paper's own worked
 * numbers were not available to us, so each case is worked out by hand in its comment from
 * WDQ = (Da/Ca - Db/Cb) / (Ra/Ca - Rb/Cb).
 */
class WeightedDisplacementQuotientTest {

    @Test
    void target_halved_and_buffer_up_by_the_same_number_is_complete_displacement_of_minus_one() {
        // success = 50/100 - 100/100 = -0.5; buffer = 150/100 - 100/100 = +0.5; WDQ = 0.5 / -0.5 = -1.
        WeightedDisplacementQuotient.Result r = WeightedDisplacementQuotient.of(100, 50, 100, 150, 100, 100);
        assertThat(r.successMeasure()).isCloseTo(-0.5, within(1e-12));
        assertThat(r.bufferMeasure()).isCloseTo(0.5, within(1e-12));
        assertThat(r.wdq()).isCloseTo(-1, within(1e-12));
        assertThat(r.reading()).isEqualTo(WeightedDisplacementQuotient.Reading.DISPLACEMENT_SMALLER_THAN_DIRECT);
    }

    @Test
    void buffer_falling_too_is_diffusion_of_benefit() {
        // success = 100/400 - 200/400 = -0.25; buffer = 60/400 - 80/400 = -0.05; WDQ = -0.05 / -0.25 = 0.2.
        WeightedDisplacementQuotient.Result r = WeightedDisplacementQuotient.of(200, 100, 80, 60, 400, 400);
        assertThat(r.wdq()).isCloseTo(0.2, within(1e-12));
        assertThat(r.reading()).isEqualTo(WeightedDisplacementQuotient.Reading.DIFFUSION);
    }

    @Test
    void the_control_scales_each_period_so_a_falling_control_is_allowed_for() {
        // success = 60/200 - 120/300 = 0.30 - 0.40 = -0.10;
        // buffer  = 90/200 - 50/300  = 0.45 - 0.1667 = 0.2833; WDQ = -2.833: displacement beyond the benefit.
        WeightedDisplacementQuotient.Result r = WeightedDisplacementQuotient.of(120, 60, 50, 90, 300, 200);
        assertThat(r.successMeasure()).isCloseTo(-0.1, within(1e-12));
        assertThat(r.wdq()).isCloseTo(-(0.45 - 50.0 / 300) / 0.1, within(1e-12));
        assertThat(r.reading()).isEqualTo(WeightedDisplacementQuotient.Reading.DISPLACEMENT_GREATER_THAN_DIRECT);
    }

    @Test
    void a_buffer_gain_larger_than_the_target_gain_is_diffusion_greater_than_direct() {
        // success = 80/100 - 100/100 = -0.2; buffer = 50/100 - 100/100 = -0.5; WDQ = 2.5.
        WeightedDisplacementQuotient.Result r = WeightedDisplacementQuotient.of(100, 80, 100, 50, 100, 100);
        assertThat(r.wdq()).isCloseTo(2.5, within(1e-12));
        assertThat(r.reading()).isEqualTo(WeightedDisplacementQuotient.Reading.DIFFUSION_GREATER_THAN_DIRECT);
    }

    @Test
    void no_fall_in_the_target_relative_to_control_is_not_read() {
        WeightedDisplacementQuotient.Result r = WeightedDisplacementQuotient.of(100, 110, 100, 150, 100, 100);
        assertThat(r.wdq()).isNull();
        assertThat(r.reading()).isEqualTo(WeightedDisplacementQuotient.Reading.NO_SUCCESS);
    }

    @Test
    void an_empty_control_period_is_refused() {
        assertThatThrownBy(() -> WeightedDisplacementQuotient.of(10, 5, 10, 10, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control area");
    }
}
