package uk.safermap.patrol.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The OR-Tools patrol router against brute force on small problems, and the rules every plan
 * keeps: the shift window, dwell, the unit count, must-visit places and seeded variation.
 */
class PatrolRouterTest {

    private static final double WALK = 4.5 / 3.6;
    private static final int DWELL = 12 * 60;

    /** Stop 0 is the base at the origin; the rest are hot spots in a 2 km square around it. */
    private static StraightLineTravel randomStops(int hotspots, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[hotspots + 1];
        double[] y = new double[hotspots + 1];
        for (int i = 1; i <= hotspots; i++) {
            x[i] = r.nextDouble(-1000, 1000);
            y[i] = r.nextDouble(-1000, 1000);
        }
        return new StraightLineTravel(x, y, 1.3);
    }

    private static double[] prizes(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        for (int i = 1; i < n; i++) {
            p[i] = r.nextDouble(1, 10);
        }
        return p;
    }

    private static PatrolProblem oneUnit(TravelModel travel, double[] prize, long horizonSeconds) {
        return new PatrolProblem(travel, WALK, new int[] {0}, new int[] {0}, prize, null, DWELL, horizonSeconds);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void with_one_unit_and_six_hot_spots_the_route_is_the_brute_force_optimum(long seed) {
        TravelModel travel = randomStops(6, seed);
        PatrolProblem problem = oneUnit(travel, prizes(7, seed), 8 * 3600);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        assertThat(solution.visitCount()).isEqualTo(6);
        BruteForce best = BruteForce.best(problem);
        // Costs are rounded to tenths of a second (12.5 cm at walking pace) per leg.
        assertThat(solution.metres(travel)).isCloseTo(best.metres, within(1.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void when_the_shift_is_too_short_the_plan_collects_the_most_risk_that_fits(long seed) {
        TravelModel travel = randomStops(6, seed);
        // 75 minutes: room for about three 12-minute visits and the walking between them.
        PatrolProblem problem = oneUnit(travel, prizes(7, seed), 75 * 60);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        BruteForce best = BruteForce.best(problem);
        assertThat(solution.prize(problem.prize())).isCloseTo(best.prize, within(1e-9));
        assertThat(solution.visitCount()).isLessThan(6);
        assertThat(solution.routes().get(0).returnSeconds()).isLessThanOrEqualTo(75 * 60);
    }

    @Test
    void every_unit_leaves_at_the_start_dwells_and_is_back_by_the_end_of_the_shift() {
        TravelModel travel = randomStops(40, 99);
        long horizon = 3 * 3600;
        PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0, 0, 0}, new int[] {0, 0, 0},
                prizes(41, 99), null, DWELL, horizon);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        assertThat(solution.routes()).hasSize(3);
        Set<Integer> seen = new HashSet<>();
        for (PatrolSolution.UnitRoute route : solution.routes()) {
            long t = 0;
            int at = 0;
            for (int k = 0; k < route.stops().length; k++) {
                int stop = route.stops()[k];
                assertThat(seen.add(stop)).as("stop %d visited once", stop).isTrue();
                t += problem.travelSeconds(at, stop);
                assertThat(route.arrivalSeconds()[k]).isEqualTo(t);
                t += DWELL;
                at = stop;
            }
            assertThat(route.returnSeconds()).isEqualTo(t + problem.travelSeconds(at, 0)).isLessThanOrEqualTo(horizon);
        }
        assertThat(seen.size() + solution.unvisited().length).isEqualTo(40);
        assertThat(solution.unvisited()).isNotEmpty();
    }

    @Test
    void units_share_the_places_when_one_could_walk_them_all() {
        TravelModel travel = randomStops(12, 31);
        PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0, 0, 0}, new int[] {0, 0, 0},
                prizes(13, 31), null, DWELL, 8 * 3600);

        PatrolSolution solution = PatrolRouter.deterministic().solve(problem);

        assertThat(solution.visitCount()).isEqualTo(12);
        assertThat(solution.routes()).allSatisfy(r -> assertThat(r.stops()).hasSizeBetween(2, 6));
    }

    @Test
    void seeded_plans_vary_with_the_seed_repeat_with_it_and_keep_the_must_visit_places() {
        TravelModel travel = randomStops(30, 5);
        double[] prize = prizes(31, 5);
        boolean[] must = new boolean[31];
        for (int i = 1; i <= 5; i++) {
            must[i] = true;
        }
        // Two units, 2 hours: not every place fits, so the lesser ones compete.
        PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0, 0}, new int[] {0, 0}, prize, must, DWELL,
                2 * 3600);

        List<String> plans = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            PatrolSolution s = router(seed).solve(problem);
            Set<Integer> visited = s.routes().stream().flatMapToInt(r -> Arrays.stream(r.stops())).boxed()
                    .collect(Collectors.toSet());
            assertThat(visited).as("seed %d keeps the top-risk places", seed).contains(1, 2, 3, 4, 5);
            plans.add(describe(s));
            assertThat(describe(router(seed).solve(problem))).as("same seed, same plan").isEqualTo(plans.get(plans.size() - 1));
        }
        assertThat(new HashSet<>(plans)).as("four seeds give different plans").hasSizeGreaterThan(1);
    }

    @Test
    void a_place_with_a_busiest_time_is_visited_near_it_waiting_if_need_be() {
        TravelModel travel = randomStops(6, 41);
        long[] preferred = {-1, -1, -1, 6 * 3600, -1, -1, 30 * 60};
        PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0}, new int[] {0}, prizes(7, 41), null,
                DWELL, 8 * 3600, preferred);

        PatrolSolution.UnitRoute route = PatrolRouter.deterministic().solve(problem).routes().get(0);

        assertThat(route.stops()).hasSize(6);
        List<Integer> order = Arrays.stream(route.stops()).boxed().toList();
        long late = route.arrivalSeconds()[order.indexOf(3)];
        long early = route.arrivalSeconds()[order.indexOf(6)];
        assertThat(late).isBetween(6 * 3600 - PatrolRouter.PREFERRED_TOLERANCE_SECONDS,
                6 * 3600 + PatrolRouter.PREFERRED_TOLERANCE_SECONDS);
        assertThat(early).isLessThanOrEqualTo(30 * 60 + PatrolRouter.PREFERRED_TOLERANCE_SECONDS);
        // Waiting is allowed, never arriving before the travel allows, and the unit is home in time.
        long t = 0;
        int at = 0;
        for (int k = 0; k < route.stops().length; k++) {
            t += problem.travelSeconds(at, route.stops()[k]);
            assertThat(route.arrivalSeconds()[k]).isGreaterThanOrEqualTo(t);
            t = route.arrivalSeconds()[k] + DWELL;
            at = route.stops()[k];
        }
        assertThat(route.returnSeconds()).isGreaterThanOrEqualTo(t + problem.travelSeconds(at, 0))
                .isLessThanOrEqualTo(8 * 3600);
    }

    @Test
    void the_router_beats_the_nearest_neighbour_baseline_when_everything_fits() {
        for (long seed = 21; seed <= 24; seed++) {
            TravelModel travel = randomStops(30, seed);
            PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0, 0}, new int[] {0, 0},
                    prizes(31, seed), null, DWELL, 8 * 3600);
            PatrolSolution ours = PatrolRouter.deterministic().solve(problem);
            PatrolSolution baseline = NearestNeighbourRouter.solve(problem);
            assertThat(ours.visitCount()).isEqualTo(baseline.visitCount()).isEqualTo(30);
            assertThat(ours.metres(travel)).isLessThan(baseline.metres(travel));
        }
    }

    @Test
    void a_unit_that_cannot_reach_its_end_base_in_the_shift_is_refused() {
        StraightLineTravel travel = new StraightLineTravel(new double[] {0, 10_000, 50}, new double[] {0, 0, 0}, 1.0);
        PatrolProblem problem = new PatrolProblem(travel, WALK, new int[] {0}, new int[] {1}, new double[] {0, 0, 1},
                null, DWELL, 3600);
        assertThatThrownBy(() -> PatrolRouter.deterministic().solve(problem))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit 1");
    }

    private static PatrolRouter router(long seed) {
        return new PatrolRouter(PatrolRouter.DEFAULT_SOLUTION_LIMIT, Duration.ofSeconds(30), OptionalLong.of(seed));
    }

    private static String describe(PatrolSolution s) {
        return s.routes().stream().map(r -> Arrays.toString(r.stops())).collect(Collectors.joining("|"));
    }
}
