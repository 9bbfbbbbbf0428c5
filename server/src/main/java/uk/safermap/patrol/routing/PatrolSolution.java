package uk.safermap.patrol.routing;

import java.util.List;

/**
 * Routes for every unit of a {@link PatrolProblem}, and the hot spots left out.
 *
 * @param routes    one per unit, in unit order
 * @param unvisited hot spot stops no unit visits, in index order
 */
public record PatrolSolution(List<UnitRoute> routes, int[] unvisited) {

    /**
     * One unit's route.
     *
     * @param stops          hot spot stops in visiting order (bases not included)
     * @param arrivalSeconds arrival at each stop, seconds after the shift start; dwell follows
     * @param returnSeconds  arrival back at the end base
     */
    public record UnitRoute(int unit, int start, int end, int[] stops, long[] arrivalSeconds, long returnSeconds) {

        /** A unit's route through these stops, leaving at the shift start and travelling without waiting. */
        public static UnitRoute timed(PatrolProblem problem, int unit, int[] stops) {
            long[] arrival = new long[stops.length];
            int at = problem.unitStart()[unit];
            long t = 0;
            for (int k = 0; k < stops.length; k++) {
                t += problem.travelSeconds(at, stops[k]);
                arrival[k] = t;
                t += problem.dwellSeconds();
                at = stops[k];
            }
            int end = problem.unitEnd()[unit];
            return new UnitRoute(unit, problem.unitStart()[unit], end, stops.clone(), arrival,
                    t + problem.travelSeconds(at, end));
        }

        /** The route's length in metres, base to base. */
        public double metres(TravelModel travel) {
            double sum = 0;
            int at = start;
            for (int s : stops) {
                sum += travel.metres(at, s);
                at = s;
            }
            return sum + travel.metres(at, end);
        }
    }

    /** All routes' length in metres. */
    public double metres(TravelModel travel) {
        return routes.stream().mapToDouble(r -> r.metres(travel)).sum();
    }

    public int visitCount() {
        return routes.stream().mapToInt(r -> r.stops().length).sum();
    }

    /** The prizes of the visited stops. */
    public double prize(double[] prize) {
        return routes.stream().flatMapToInt(r -> java.util.Arrays.stream(r.stops())).mapToDouble(s -> prize[s]).sum();
    }
}
