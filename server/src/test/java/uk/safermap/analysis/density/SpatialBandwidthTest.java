package uk.safermap.analysis.density;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpatialBandwidthTest {

    private static final double SQRT_1_OVER_LN2 = 1.2011224087864498;

    @Test
    void a_square_with_its_centre_takes_the_standard_distance() {
        // Mean centre (100, 100). Distances: 0 and four times sqrt(2) * 100 = 141.42.
        // SD = sqrt(4 * 20000 / 5) = 126.49; Dm = 141.42, sqrt(1/ln 2) * Dm = 169.86; SD is smaller.
        // h = 0.9 * 126.49 * 5^-0.2 = 0.9 * 126.49 * 0.72478 = 82.51 m.
        SpatialBandwidth.Estimate e = SpatialBandwidth.silverman(
                new double[] {0, 200, 0, 200, 100}, new double[] {0, 0, 200, 200, 100}, null);

        assertThat(e.standardDistance()).isCloseTo(126.491, within(1e-3));
        assertThat(e.medianDistance()).isCloseTo(141.421, within(1e-3));
        assertThat(e.count()).isEqualTo(5);
        assertThat(e.metres()).isCloseTo(82.510, within(1e-3));
    }

    @Test
    void an_outlier_hands_the_rule_to_the_median_distance() {
        // Mean centre (1708.33, 1708.33). Five points near the origin at about 2,346 m from it and
        // one at (10000, 10000), 11,726 m away, so SD = 5,244 m. The median of the six distances is
        // the mean of the 3rd and 4th, both that of (50, 50): 2,346.30 m; * 1.20112 = 2,818.20 < SD.
        // h = 0.9 * 2818.20 * 6^-0.2 = 0.9 * 2818.20 * 0.69883 = 1,772.49 m.
        SpatialBandwidth.Estimate e = SpatialBandwidth.silverman(
                new double[] {0, 100, 0, 100, 50, 10_000}, new double[] {0, 0, 100, 100, 50, 10_000}, null);

        assertThat(e.standardDistance()).isCloseTo(5244.43, within(0.01));
        assertThat(e.medianDistance()).isCloseTo(2346.30, within(0.01));
        assertThat(e.metres()).isCloseTo(0.9 * SQRT_1_OVER_LN2 * 2346.3032 * Math.pow(6, -0.2), within(0.01));
        assertThat(e.metres()).isCloseTo(1772.49, within(0.01));
    }

    @Test
    void a_weight_counts_like_that_many_copies_of_the_point() {
        // (0, 0) three times and (300, 400) once: mean (75, 100); distances 125 (x3) and 375;
        // SD = sqrt((3 * 125^2 + 375^2) / 4) = 216.51; weighted median 125 (weight 3 of 4 at 125);
        // h = 0.9 * min(216.51, 1.20112 * 125) * 4^-0.2 = 0.9 * 150.14 * 0.757858 = 102.41 m.
        SpatialBandwidth.Estimate weighted = SpatialBandwidth.silverman(
                new double[] {0, 300}, new double[] {0, 400}, new double[] {3, 1});
        SpatialBandwidth.Estimate copies = SpatialBandwidth.silverman(
                new double[] {0, 0, 0, 300}, new double[] {0, 0, 0, 400}, null);

        assertThat(weighted.metres()).isCloseTo(102.41, within(0.01));
        assertThat(weighted.count()).isEqualTo(4);
        assertThat(copies.metres()).isCloseTo(weighted.metres(), within(1e-9));
        assertThat(copies.standardDistance()).isCloseTo(216.506, within(1e-3));
    }

    @Test
    void the_description_shows_the_numbers() {
        SpatialBandwidth.Estimate e = SpatialBandwidth.silverman(
                new double[] {0, 300, 0, 300}, new double[] {0, 0, 400, 400}, null);

        assertThat(e.describe()).isEqualTo(SpatialBandwidth.RULE + "; SD=250.0 m, Dm=250.0 m, n=4.00000 -> h=170.5 m");
    }

    @Test
    void the_inputs_are_not_reordered() {
        double[] x = {300, 0, 100};
        double[] y = {0, 0, 0};
        SpatialBandwidth.silverman(x, y, null);

        assertThat(x).containsExactly(300, 0, 100);
    }

    @Test
    void empty_or_mismatched_input_is_refused() {
        assertThatThrownBy(() -> SpatialBandwidth.silverman(new double[0], new double[0], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpatialBandwidth.silverman(new double[2], new double[3], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpatialBandwidth.silverman(new double[2], new double[2], new double[] {0, 0}))
                .hasMessageContaining("weights");
    }
}
