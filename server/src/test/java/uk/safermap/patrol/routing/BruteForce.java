package uk.safermap.patrol.routing;

/**
 * The exact answer for one unit by enumeration: every ordered subset of the hot spots that
 * returns to base within the shift; the most prize, then the shortest route. O(n! e) for n hot
 * spots, so for n up to about 8.
 */
final class BruteForce {

    double prize = -1;
    double metres = Double.POSITIVE_INFINITY;

    static BruteForce best(PatrolProblem problem) {
        BruteForce best = new BruteForce();
        int[] hotspots = problem.hotspots().stream().mapToInt(Integer::intValue).toArray();
        best.extend(problem, hotspots, new boolean[hotspots.length], problem.unitStart()[0], 0, 0, 0);
        return best;
    }

    private void extend(PatrolProblem p, int[] hotspots, boolean[] used, int at, long seconds, double metresSoFar,
                        double prizeSoFar) {
        int end = p.unitEnd()[0];
        long back = seconds + p.travelSeconds(at, end);
        if (back <= p.horizonSeconds()) {
            double total = metresSoFar + p.travel().metres(at, end);
            if (prizeSoFar > prize + 1e-9 || (Math.abs(prizeSoFar - prize) <= 1e-9 && total < metres)) {
                prize = prizeSoFar;
                metres = total;
            }
        }
        for (int k = 0; k < hotspots.length; k++) {
            if (!used[k]) {
                int s = hotspots[k];
                long arrive = seconds + p.travelSeconds(at, s) + p.dwellSeconds();
                if (arrive + p.travelSeconds(s, end) > p.horizonSeconds()) {
                    continue;
                }
                used[k] = true;
                extend(p, hotspots, used, s, arrive, metresSoFar + p.travel().metres(at, s), prizeSoFar + p.prize()[s]);
                used[k] = false;
            }
        }
    }
}
