package uk.safermap.privacy;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The disclosure rules on their own: rounding, surface parameters, filters and the published period. */
class DisclosurePolicyTest {

    private final DisclosurePolicy policy = DisclosurePolicy.standard();

    @Test
    void counts_round_half_up_to_multiples_of_five() {
        assertThat(new int[] {policy.round(0), policy.round(2), policy.round(3), policy.round(7), policy.round(8),
                policy.round(12)}).containsExactly(0, 0, 5, 5, 10, 10);
        assertThat(policy.shown(0)).isNull();
        assertThat(policy.shown(5)).isEqualTo(5);
    }

    @Test
    void surfaces_are_never_finer_than_the_policy() {
        assertThat(policy.bandwidth(OptionalDouble.of(100))).isEqualTo(1000);
        assertThat(policy.bandwidth(OptionalDouble.empty())).isEqualTo(1000);
        assertThat(policy.bandwidth(OptionalDouble.of(1500))).isEqualTo(1500);
        assertThat(policy.cell(OptionalDouble.of(10))).isEqualTo(100);
    }

    @Test
    void a_place_a_date_or_a_period_out_of_bounds_is_refused_whatever_the_data() {
        LocalDateTime june = YearMonth.of(2025, 6).atDay(1).atStartOfDay();
        policy.checkSurfaceFilter(false, Optional.of(june), Optional.of(june.plusMonths(1)));
        assertThatThrownBy(() -> policy.checkSurfaceFilter(true, Optional.empty(), Optional.empty()))
                .hasMessageContaining("bbox and area are not available");
        assertThatThrownBy(() -> policy.checkSurfaceFilter(false, Optional.of(june.plusDays(3)), Optional.empty()))
                .hasMessageContaining("from must be a whole month");
        assertThatThrownBy(() -> policy.checkPeriod(YearMonth.of(2010, 1), YearMonth.of(2025, 1)))
                .hasMessageContaining("at most 120 months");
    }

    @Test
    void one_or_two_incidents_in_a_square_weigh_nothing_and_squares_do_not_move_with_the_data() {
        DisclosurePolicy.RoundedSquares one = policy.roundedSquares(new double[] {481_010}, new double[] {327_020},
                new int[] {7}, new byte[] {2});
        assertThat(one.weight()).isEmpty();
        // Three in one square, month and category count 5 at the square's centre; three spread over
        // three categories count nothing.
        DisclosurePolicy.RoundedSquares same = policy.roundedSquares(new double[] {481_010, 481_100, 481_240},
                new double[] {327_020, 327_200, 327_001}, new int[] {7, 7, 7}, new byte[] {2, 2, 2});
        assertThat(same.x()).containsExactly(481_250);
        assertThat(same.y()).containsExactly(327_250);
        assertThat(same.total()).isEqualTo(5);
        assertThat(policy.roundedSquares(new double[] {481_010, 481_100, 481_240},
                new double[] {327_020, 327_200, 327_001}, new int[] {7, 7, 7}, new byte[] {1, 2, 3}).total()).isZero();
    }

    @Test
    void the_published_period_ignores_months_with_fewer_incidents_than_the_threshold() {
        int june = 2025 * 12 + 5;
        int[] months = {june, june, june, june, june, june + 1, june + 3};
        assertThat(policy.publishedPeriod(months)).contains(new DisclosurePolicy.Period(YearMonth.of(2025, 6),
                YearMonth.of(2025, 6)));
        assertThat(policy.publishedPeriod(new int[] {june})).isEmpty();
    }

    /** The first and last month holding at least the threshold, as counting month by month in a map gives. */
    @net.jqwik.api.Property(tries = 100)
    void the_published_period_is_the_first_and_last_month_reaching_the_threshold(@net.jqwik.api.ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[] months = new int[r.nextInt(400)];
        int base = 2020 * 12 + r.nextInt(12);
        int spread = 1 + r.nextInt(60);
        for (int k = 0; k < months.length; k++) {
            months[k] = base + (r.nextInt(10) == 0 ? r.nextInt(spread * 3) - spread : r.nextInt(spread));
        }
        java.util.Map<Integer, Integer> perMonth = new java.util.TreeMap<>();
        for (int m : months) {
            perMonth.merge(m, 1, Integer::sum);
        }
        java.util.List<Integer> reaching = perMonth.entrySet().stream().filter(e -> e.getValue() >= policy.threshold())
                .map(java.util.Map.Entry::getKey).toList();
        Optional<DisclosurePolicy.Period> expected = reaching.isEmpty() ? Optional.empty()
                : Optional.of(new DisclosurePolicy.Period(uk.safermap.domain.MonthIndex.month(reaching.get(0)),
                        uk.safermap.domain.MonthIndex.month(reaching.get(reaching.size() - 1))));
        assertThat(policy.publishedPeriod(months)).isEqualTo(expected);
    }
}
