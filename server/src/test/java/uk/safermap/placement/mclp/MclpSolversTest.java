package uk.safermap.placement.mclp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The heuristic and the exact model against enumeration on small random instances: the exact
 * optimum equals brute force, the heuristic never beats it, never breaks a constraint, and its
 * reported value is what its sites cover.
 */
class MclpSolversTest {

    private static final ExactMclp EXACT = new ExactMclp();

    /** Demand clustered in a few blobs over a 600 m square; candidate sites on a jittered lattice. */
    static CoverageProblem random(long seed, int demands, int sites, double radius, double fov, double separation) {
        Random r = new Random(seed);
        double[][] centres = new double[4][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {r.nextDouble() * 600, r.nextDouble() * 600};
        }
        double[] dx = new double[demands];
        double[] dy = new double[demands];
        double[] w = new double[demands];
        for (int i = 0; i < demands; i++) {
            double[] c = centres[r.nextInt(centres.length)];
            dx[i] = c[0] + r.nextGaussian() * 60;
            dy[i] = c[1] + r.nextGaussian() * 60;
            w[i] = 1 + r.nextInt(10);
        }
        double[] sx = new double[sites];
        double[] sy = new double[sites];
        for (int j = 0; j < sites; j++) {
            sx[j] = r.nextDouble() * 600;
            sy[j] = r.nextDouble() * 600;
        }
        Sites s = fov >= 360 ? Sites.omnidirectional(sx, sy) : Sites.directional(sx, sy, new double[] {0, 90, 180, 270});
        return CoverageProblem.build(dx, dy, w, s, new Viewshed(radius, fov), separation);
    }

    @Property(tries = 60)
    void exact_equals_enumeration_and_greedy_interchange_never_beats_it(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 4) int k,
            @ForAll @DoubleRange(min = 40, max = 200) double radius,
            @ForAll @DoubleRange(min = 0, max = 150) double separation) {
        CoverageProblem p = random(seed, 120, 12, radius, 360, separation);
        double optimum = BruteForceMclp.optimum(p, k);
        GreedyInterchange.Solution h = new GreedyInterchange().solve(p, k, k);
        ExactMclp.Outcome e = EXACT.solve(p, k, h.sites(), Duration.ofSeconds(20));

        assertThat(e.status()).isEqualTo(ExactMclp.Status.OPTIMAL);
        assertThat(e.value()).isCloseTo(optimum, within(1e-6));
        assertThat(p.feasible(e.sites())).isTrue();
        assertThat(e.sites().length).isLessThanOrEqualTo(k);

        assertThat(h.value()).isLessThanOrEqualTo(optimum + 1e-6);
        assertThat(h.value()).isCloseTo(p.value(h.sites()), within(1e-6));
        assertThat(p.feasible(h.sites())).isTrue();
        assertThat(h.sites().length).isLessThanOrEqualTo(k);
        assertThat(h.value()).isGreaterThanOrEqualTo(h.greedyValue() - 1e-9);
        // Greedy's guarantee, which the swaps only improve on.
        assertThat(h.value()).isGreaterThanOrEqualTo((1 - 1 / Math.E) * optimum - 1e-6);
        assertThat(EXACT.relaxation(p, k).bound()).isGreaterThanOrEqualTo(optimum - 1e-6);
    }

    @Property(tries = 30)
    void directional_cameras_take_one_bearing_per_location(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 3) int k) {
        CoverageProblem p = random(seed, 80, 5, 150, 90, 0);
        double optimum = BruteForceMclp.optimum(p, k);
        GreedyInterchange.Solution h = new GreedyInterchange().solve(p, k, k);
        ExactMclp.Outcome e = EXACT.solve(p, k, h.sites(), Duration.ofSeconds(20));
        assertThat(e.value()).isCloseTo(optimum, within(1e-6));
        for (int[] sites : new int[][] {h.sites(), e.sites()}) {
            // Site index / 4 is the location (four bearings each).
            assertThat(Arrays.stream(sites).map(s -> s / 4).distinct().count()).isEqualTo(sites.length);
        }
    }

    @Test
    void marginal_gains_are_in_rank_order_and_sum_to_the_value() {
        CoverageProblem p = random(7, 400, 40, 100, 360, 0);
        GreedyInterchange.Solution h = new GreedyInterchange().solve(p, 6, 10);
        assertThat(h.marginal()).hasSize(6);
        for (int i = 1; i < h.marginal().length; i++) {
            assertThat(h.marginal()[i]).isLessThanOrEqualTo(h.marginal()[i - 1] + 1e-9);
        }
        assertThat(Arrays.stream(h.marginal()).sum()).isCloseTo(h.value(), within(1e-9));
        assertThat(h.greedyCurve()).hasSize(10);
        for (int i = 1; i < h.greedyCurve().length; i++) {
            // The curve rises by less each step: diminishing returns.
            assertThat(h.greedyCurve()[i]).isGreaterThanOrEqualTo(h.greedyCurve()[i - 1]);
            if (i > 1) {
                assertThat(h.greedyCurve()[i] - h.greedyCurve()[i - 1])
                        .isLessThanOrEqualTo(h.greedyCurve()[i - 1] - h.greedyCurve()[i - 2] + 1e-9);
            }
        }
    }

    @Test
    void the_same_input_gives_the_same_sites() {
        CoverageProblem p = random(11, 500, 60, 90, 360, 50);
        int[] first = new GreedyInterchange().solve(p, 5, 5).sites();
        int[] again = new GreedyInterchange().solve(random(11, 500, 60, 90, 360, 50), 5, 5).sites();
        assertThat(again).containsExactly(first);
    }

    @Test
    void interchange_escapes_the_greedy_trap() {
        // Site 0 reaches both halves thinly and greedy takes it first; sites 1 and 2 each reach
        // one half fully. With k = 2 the optimum is {1, 2}; greedy alone ends at {0, 1} or {0, 2}.
        double[] dx = {0, 1, 2, 100, 101, 102, 50};
        double[] dy = new double[dx.length];
        double[] w = {1, 1, 1, 1, 1, 1, 3.5};
        Sites s = Sites.omnidirectional(new double[] {51, 1, 101}, new double[] {0, 0, 0});
        CoverageProblem p = CoverageProblem.build(dx, dy, w, s, Viewshed.allRound(50), 0);
        GreedyInterchange.Solution h = new GreedyInterchange().solve(p, 2, 2);
        assertThat(h.greedyValue()).isLessThan(h.value());
        assertThat(h.swaps()).isPositive();
        assertThat(h.value()).isCloseTo(BruteForceMclp.optimum(p, 2), within(1e-9));
    }

    @Test
    void demand_reached_by_the_same_sites_is_merged_and_the_rest_counted_unreachable() {
        double[] dx = {0, 0, 0, 10, 500};
        double[] dy = {0, 0, 1, 0, 500};
        double[] w = {1, 2, 3, 4, 5};
        Sites s = Sites.omnidirectional(new double[] {0, 30}, new double[] {0, 0});
        CoverageProblem p = CoverageProblem.build(dx, dy, w, s, Viewshed.allRound(25), 0);
        // {0,1,2} are reached by site 0 only; 3 by both; 4 by none.
        assertThat(p.classCount()).isEqualTo(2);
        assertThat(p.unreachableWeight()).isEqualTo(5);
        assertThat(p.demandClass()[0]).isEqualTo(p.demandClass()[2]);
        assertThat(p.demandClass()[4]).isEqualTo(-1);
        assertThat(p.weight()[p.demandClass()[0]]).isEqualTo(6);
        assertThat(p.count()[p.demandClass()[0]]).isEqualTo(3);
    }

    @Test
    void a_sector_sees_only_within_half_its_field_of_view_of_the_bearing() {
        Viewshed v = new Viewshed(100, 90);
        assertThat(v.sees(0, 0, 0, 0, 50)).isTrue();
        assertThat(v.sees(0, 0, 0, 30, 50)).isTrue();
        assertThat(v.sees(0, 0, 0, 60, 50)).isFalse();
        assertThat(v.sees(0, 0, 0, 0, -50)).isFalse();
        assertThat(v.sees(0, 0, 350, -5, 50)).isTrue();
        assertThat(v.sees(0, 0, 90, 50, 0)).isTrue();
        assertThat(v.sees(0, 0, 90, 0, 101)).isFalse();
    }
}
