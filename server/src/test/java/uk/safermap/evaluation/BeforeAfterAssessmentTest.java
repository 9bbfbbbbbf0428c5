package uk.safermap.evaluation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import uk.safermap.councillor.RoundedCells;
import uk.safermap.domain.Category;
import uk.safermap.placement.HarmWeights;
import uk.safermap.privacy.DisclosurePolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment on generated monthly Poisson counts with a planted effect: 12 months before, a
 * one-month gap and 12 after; the target falls by 40 % after, the comparison does not change,
 * and the buffer rises (displacement) or falls (diffusion).
 */
class BeforeAfterAssessmentTest {

    private static final int BEFORE = 12;
    private static final int GAP = 1;
    private static final int AFTER = 12;
    private static final int MONTHS = BEFORE + GAP + AFTER;
    private static final int CATEGORIES = Category.values().length;

    /** Monthly means per area before, and the factor applied after the gap. */
    private record Plant(double target, double buffer, double comparison, double targetFactor, double bufferFactor) {
    }

    /** Incidents per area and month drawn from Poisson counts; half burglary, half ASB. */
    private static RoundedCells generate(Plant p, long seed, int base) {
        UniformRandomProvider rng = new SplittableRandom(seed)::nextLong;
        List<int[]> rows = new ArrayList<>();
        double[] means = {p.target(), p.buffer(), p.comparison()};
        double[] factors = {p.targetFactor(), p.bufferFactor(), 1};
        for (int a = 0; a < 3; a++) {
            for (int m = 0; m < MONTHS; m++) {
                double mean = means[a] * (m >= BEFORE + GAP ? factors[a] : 1);
                int n = mean == 0 ? 0 : PoissonDistribution.of(mean).createSampler(rng).sample();
                for (int i = 0; i < n; i++) {
                    rows.add(new int[] {a, m, i % 2 == 0 ? Category.BURGLARY.ordinal()
                            : Category.ANTI_SOCIAL_BEHAVIOUR.ordinal()});
                }
            }
        }
        int[] area = rows.stream().mapToInt(r -> r[0]).toArray();
        int[] month = rows.stream().mapToInt(r -> r[1]).toArray();
        byte[] category = new byte[rows.size()];
        for (int i = 0; i < category.length; i++) {
            category[i] = (byte) rows.get(i)[2];
        }
        Disclosure d = base == 1 ? Disclosure.EXACT : Disclosure.of(DisclosurePolicy.standard());
        return d.cells(3, MONTHS, CATEGORIES, area, month, category);
    }

    private static Assessment assess(RoundedCells cells, int threshold, Double cost) {
        boolean[] all = new boolean[CATEGORIES];
        Arrays.fill(all, true);
        return BeforeAfterAssessment.assess(new BeforeAfterAssessment.Input(cells, BEFORE, GAP, AFTER, all,
                HarmWeights.harm().byOrdinal(), "harm", threshold, 0.95, 20, cost));
    }

    @Test
    void a_planted_fall_with_a_rise_around_it_is_recovered_and_read_as_displacement() {
        Assessment a = assess(generate(new Plant(40, 30, 200, 0.6, 1.4), 7, 1), 0, 25_000.0);
        assertThat(a.estimate().lower()).isLessThan(0.6);
        assertThat(a.estimate().upper()).isGreaterThan(0.6).isLessThan(1);
        assertThat(a.estimate().excludesNoChange()).isTrue();
        assertThat(a.displacement().wdq()).isNegative();
        assertThat(a.displacement().reading()).startsWith("displacement");
        assertThat(a.warnings()).isEmpty();
        // Expected after about 40 x 12 = 480, recorded about 0.6 x 480 = 288: about 190 prevented.
        assertThat(a.valueForMoney().crimesPrevented()).isBetween(120.0, 260.0);
        assertThat(a.valueForMoney().costPerCrime()).isCloseTo(25_000 / a.valueForMoney().crimesPrevented(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.harm().ratio()).isLessThan(1);
        assertThat(a.summary()).anySatisfy(s -> assertThat(s).contains("unlikely to be chance"));
    }

    @Test
    void a_planted_fall_with_a_fall_around_it_is_read_as_diffusion_of_benefit() {
        Assessment a = assess(generate(new Plant(40, 30, 200, 0.6, 0.7), 11, 1), 0, null);
        assertThat(a.displacement().wdq()).isPositive();
        assertThat(a.displacement().reading()).isEqualTo("diffusion");
        assertThat(a.valueForMoney()).isNull();
    }

    @Test
    void intervals_cover_the_planted_effect_and_no_effect_about_as_often_as_they_claim() {
        int coverEffect = 0;
        int coverNone = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            Assessment effect = assess(generate(new Plant(40, 30, 200, 0.6, 1.0), 1000 + seed, 1), 0, null);
            coverEffect += effect.estimate().lower() <= 0.6 && 0.6 <= effect.estimate().upper() ? 1 : 0;
            Assessment none = assess(generate(new Plant(40, 30, 200, 1.0, 1.0), 5000 + seed, 1), 0, null);
            coverNone += none.estimate().lower() <= 1 && 1 <= none.estimate().upper() ? 1 : 0;
        }
        // Nominal 95 %; the dispersion estimate from Poisson months is 1 or a little above, so
        // coverage is at or a little over nominal. 90 % leaves room for 400 runs' sampling error.
        assertThat(coverEffect / (double) runs).isGreaterThan(0.9);
        assertThat(coverNone / (double) runs).isGreaterThan(0.9);
    }

    @Test
    void no_effect_gives_an_interval_containing_no_change_and_says_it_cannot_be_told_from_chance() {
        Assessment a = assess(generate(new Plant(40, 30, 200, 1.0, 1.0), 3, 1), 0, 10_000.0);
        assertThat(a.estimate().lower()).isLessThan(1);
        assertThat(a.estimate().upper()).isGreaterThan(1);
        assertThat(a.summary()).anySatisfy(s -> assertThat(s).contains("cannot be told apart from chance"));
        assertThat(a.valueForMoney().costPerCrimeUpper()).isNull();
    }

    @Test
    void too_few_incidents_give_a_plain_warning() {
        Assessment a = assess(generate(new Plant(1.5, 1, 200, 0.6, 1.0), 5, 1), 0, null);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("Too few incidents to say much"));
    }

    @Test
    void an_empty_target_gets_no_estimate_and_says_why() {
        Assessment a = assess(generate(new Plant(0, 5, 200, 1, 1), 5, 1), 0, 1_000.0);
        assertThat(a.estimate()).isNull();
        assertThat(a.valueForMoney()).isNull();
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("No estimate"));
    }

    @Test
    void with_rounded_cells_every_count_is_a_multiple_of_five_and_small_ones_are_suppressed() {
        Assessment a = assess(generate(new Plant(40, 0.05, 200, 0.6, 1.0), 9, 5), 5, null);
        for (Integer v : new Integer[] {a.target().before(), a.target().after(), a.comparison().before(),
                a.comparison().after()}) {
            assertThat(v % 5).isZero();
        }
        assertThat(a.buffer().before()).isNull();
        assertThat(a.displacement()).isNull();
        assertThat(a.estimate().upper()).isLessThan(1);
    }
}
