package uk.safermap.patrol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safermap.patrol.routing.PatrolProblem;
import uk.safermap.patrol.routing.PatrolRouter;
import uk.safermap.patrol.routing.PatrolSolution;
import uk.safermap.patrol.routing.StraightLineTravel;
import uk.safermap.patrol.routing.VisitWindow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repeat visits within a shift on generated places where the answer is known: the riskiest
 * places come round again between {@code minGapMinutes} and {@code revisitMinutes} apart, every
 * leg is walkable at the stated speed, no unit sits at base while a top place is overdue, and the
 * seed decides the times.
 */
class DosageTest {

    private static final double WALK = 4.5 / 3.6;
    private static final int DWELL = 12 * 60;
    private static final long SHIFT = 8 * 3600;
    private static final Dosage.Parameters RULE = Dosage.Parameters.DEFAULTS;

    /** Stop 0 is the base at the origin; hot spots 1..n in a 2 km square, risk falling with rank. */
    private static PatrolProblem problem(int units, int hotspots, long placesSeed, long timesSeed) {
        SplittableRandom r = new SplittableRandom(placesSeed);
        double[] x = new double[hotspots + 1];
        double[] y = new double[hotspots + 1];
        double[] prize = new double[hotspots + 1];
        boolean[] must = new boolean[hotspots + 1];
        for (int i = 1; i <= hotspots; i++) {
            x[i] = r.nextDouble(-1000, 1000);
            y[i] = r.nextDouble(-1000, 1000);
            prize[i] = 100.0 / i;
            must[i] = i <= Math.ceil(hotspots / 4.0);
        }
        StraightLineTravel travel = new StraightLineTravel(x, y, 1.3);
        PatrolProblem single = new PatrolProblem(travel, WALK, new int[units], new int[units], prize, must, DWELL,
                SHIFT);
        return new Dosage(RULE, DWELL, SHIFT).withRepeats(single, 1, hotspots, timesSeed);
    }

    /** The visit starts at a stop, in time order, over all units. */
    private static List<Long> visitsTo(PatrolSolution solution, int stop) {
        List<Long> out = new ArrayList<>();
        for (PatrolSolution.UnitRoute r : solution.routes()) {
            for (int k = 0; k < r.stops().length; k++) {
                if (r.stops()[k] == stop) {
                    out.add(r.arrivalSeconds()[k]);
                }
            }
        }
        out.sort(Long::compare);
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void the_top_places_come_round_again_between_the_minimum_gap_and_the_revisit_interval(long seed) {
        PatrolProblem problem = problem(2, 12, seed, seed);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        assertThat(problem.visitWindows().get(1)).isNotEmpty();
        assertThat(problem.visitWindows().get(2)).isNotEmpty();
        for (int stop = 1; stop <= 12; stop++) {
            List<VisitWindow> windows = problem.visitWindows().get(stop);
            if (windows.isEmpty()) {
                continue;
            }
            assertThat(problem.mustVisit()[stop]).isTrue();
            List<Long> visits = visitsTo(solution, stop);
            // An eight-hour shift holds four visits or more at a 97.5-minute cycle.
            assertThat(visits).as("stop %d", stop).hasSize(windows.size()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(visits.get(0)).isLessThanOrEqualTo(RULE.revisitMinutes() * 60L);
            for (int k = 1; k < visits.size(); k++) {
                long gap = visits.get(k) - visits.get(k - 1);
                assertThat(gap).as("stop %d gap %d", stop, k).isBetween(RULE.minGapMinutes() * 60L,
                        RULE.revisitMinutes() * 60L);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void every_leg_is_feasible_at_the_stated_speed_and_units_are_back_by_the_end(long seed) {
        PatrolProblem problem = problem(3, 20, seed, seed);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        for (PatrolSolution.UnitRoute r : solution.routes()) {
            int at = r.start();
            long free = 0;
            for (int k = 0; k < r.stops().length; k++) {
                assertThat(r.arrivalSeconds()[k]).isGreaterThanOrEqualTo(free + problem.travelSeconds(at,
                        r.stops()[k]));
                free = r.arrivalSeconds()[k] + DWELL;
                at = r.stops()[k];
            }
            assertThat(r.returnSeconds()).isGreaterThanOrEqualTo(free + problem.travelSeconds(at, r.end()))
                    .isLessThanOrEqualTo(SHIFT);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void no_unit_is_back_at_base_while_a_top_place_is_overdue(long seed) {
        PatrolProblem problem = problem(2, 12, seed, seed);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        for (PatrolSolution.UnitRoute r : solution.routes()) {
            long home = r.returnSeconds();
            for (int stop = 1; stop <= 12; stop++) {
                if (problem.visitWindows().get(stop).isEmpty()) {
                    continue;
                }
                // Overdue: more than revisitMinutes since the last visit while one could still be made.
                long latestVisit = SHIFT - DWELL - problem.travelSeconds(stop, 0);
                long last = visitsTo(solution, stop).stream().filter(t -> t <= home).mapToLong(Long::longValue)
                        .max().orElse(0);
                long next = visitsTo(solution, stop).stream().filter(t -> t > home).mapToLong(Long::longValue)
                        .min().orElse(latestVisit);
                assertThat(Math.min(next, latestVisit) - last).as("unit %d home at %d, stop %d", r.unit(), home, stop)
                        .isLessThanOrEqualTo(RULE.revisitMinutes() * 60L);
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_plan_and_another_seed_other_times_and_order() {
        PatrolSolution a = PatrolRouter.deterministic().solve(problem(2, 12, 8, 100));
        PatrolSolution b = PatrolRouter.deterministic().solve(problem(2, 12, 8, 100));
        PatrolSolution c = PatrolRouter.deterministic().solve(problem(2, 12, 8, 101));

        for (int u = 0; u < 2; u++) {
            assertThat(b.routes().get(u).stops()).containsExactly(a.routes().get(u).stops());
            assertThat(b.routes().get(u).arrivalSeconds()).containsExactly(a.routes().get(u).arrivalSeconds());
        }
        boolean sameOrder = true;
        for (int u = 0; u < 2; u++) {
            sameOrder &= Arrays.equals(a.routes().get(u).stops(), c.routes().get(u).stops());
        }
        assertThat(sameOrder).isFalse();
        assertThat(visitsTo(c, 1)).isNotEqualTo(visitsTo(a, 1));
    }

    @Test
    void repeat_places_are_as_many_as_the_units_can_serve_in_one_cycle() {
        Dosage dosage = new Dosage(RULE, DWELL, SHIFT);
        // Two units, a 97.5-minute cycle at 60 % load: 7,020 s. Each place takes a 720 s visit plus
        // twice a 240 s walk in: 1,200 s, so five places fit and a sixth would not.
        long[] fourMinutesApart = new long[60];
        Arrays.fill(fourMinutesApart, 240);
        assertThat(dosage.repeatPlaces(2, fourMinutesApart)).isEqualTo(5);
        assertThat(dosage.repeatPlaces(2, Arrays.copyOf(fourMinutesApart, 3))).isEqualTo(3);
        // A place too far for any cycle still gets its dose: the top place always repeats.
        assertThat(dosage.repeatPlaces(1, new long[] {10_000, 10})).isEqualTo(1);
        assertThat(new Dosage(new Dosage.Parameters(0, 0), DWELL, SHIFT).repeatPlaces(4, fourMinutesApart)).isZero();
    }

    @Test
    void a_minimum_gap_not_below_the_revisit_interval_is_refused() {
        assertThatThrownBy(() -> new Dosage.Parameters(90, 90)).hasMessageContaining("less than revisitMinutes");
        assertThatThrownBy(() -> new Dosage.Parameters(-5, 1)).hasMessageContaining("revisitMinutes must be 0");
    }

    @Test
    void a_seeded_router_still_keeps_the_windows() {
        PatrolProblem problem = problem(2, 12, 9, 9);
        PatrolSolution solution = new PatrolRouter(PatrolRouter.DEFAULT_SOLUTION_LIMIT, PatrolRouter.DEFAULT_TIME_LIMIT,
                OptionalLong.of(5)).solve(problem);
        List<Long> top = visitsTo(solution, 1);
        List<VisitWindow> windows = problem.visitWindows().get(1);
        assertThat(top).hasSize(windows.size());
        for (int k = 0; k < top.size(); k++) {
            assertThat(top.get(k)).isBetween(windows.get(k).open(), windows.get(k).close());
        }
    }
}
