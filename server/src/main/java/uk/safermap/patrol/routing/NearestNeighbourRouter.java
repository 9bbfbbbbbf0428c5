package uk.safermap.patrol.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The simple baseline a planner would draw by hand: the unit that is free earliest goes to the
 * nearest hot spot not yet visited that still lets it get back to base by the end of the shift;
 * a unit with no such place goes home. Prizes are ignored. O(units + stops^2).
 *
 * <p>Used by the benchmark to show what the optimising {@link PatrolRouter} gains. Stateless and
 * thread-safe.
 */
public final class NearestNeighbourRouter {

    private NearestNeighbourRouter() {
    }

    public static PatrolSolution solve(PatrolProblem problem) {
        List<Integer> open = new ArrayList<>(problem.hotspots());
        int units = problem.units();
        int[] at = problem.unitStart().clone();
        long[] free = new long[units];
        boolean[] done = new boolean[units];
        List<List<Integer>> stops = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            stops.add(new ArrayList<>());
        }
        while (true) {
            int u = earliest(free, done);
            if (u < 0) {
                break;
            }
            int next = nearestFeasible(problem, u, at[u], free[u], open);
            if (next < 0) {
                done[u] = true;
                continue;
            }
            open.remove(Integer.valueOf(next));
            stops.get(u).add(next);
            free[u] += problem.travelSeconds(at[u], next) + problem.dwellSeconds();
            at[u] = next;
        }
        List<PatrolSolution.UnitRoute> routes = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            int[] order = stops.get(u).stream().mapToInt(Integer::intValue).toArray();
            routes.add(PatrolSolution.UnitRoute.timed(problem, u, order));
        }
        return new PatrolSolution(routes, open.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    private static int earliest(long[] free, boolean[] done) {
        int best = -1;
        for (int u = 0; u < free.length; u++) {
            if (!done[u] && (best < 0 || free[u] < free[best])) {
                best = u;
            }
        }
        return best;
    }

    private static int nearestFeasible(PatrolProblem problem, int unit, int from, long now, List<Integer> open) {
        int best = -1;
        double bestMetres = Double.POSITIVE_INFINITY;
        for (int s : open) {
            long back = now + problem.travelSeconds(from, s) + problem.dwellSeconds()
                    + problem.travelSeconds(s, problem.unitEnd()[unit]);
            double metres = problem.travel().metres(from, s);
            if (back <= problem.horizonSeconds() && metres < bestMetres) {
                best = s;
                bestMetres = metres;
            }
        }
        return best;
    }
}
