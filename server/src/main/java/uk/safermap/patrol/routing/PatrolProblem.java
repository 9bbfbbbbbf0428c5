package uk.safermap.patrol.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shift's patrol routing problem: units leave their start bases at the shift start, visit
 * hot spots, stay {@code dwellSeconds} at each, and are back at their end bases by the end of
 * the shift. Each hot spot is visited at most once and carries a prize (its risk for the shift);
 * a plan earns the prizes of the places it visits, so when the shift is too short for all of them
 * it leaves out the least valuable. {@code mustVisit} places are left out only if they cannot fit.
 *
 * <p>Stops are the travel model's indices. Those named as a start or end base are bases; every
 * other stop is a hot spot.
 *
 * @param speedMetresPerSecond travel speed
 * @param unitStart            start base of each unit
 * @param unitEnd              end base of each unit
 * @param prize                value of visiting each stop (ignored for bases), at least 0
 * @param mustVisit            stops whose visit outranks any prize (the top-risk places), may be null
 * @param horizonSeconds       the shift's real length
 * @param preferredArrival     for each stop, the second of the shift it is best visited at (when it
 *                             is busiest), or -1 for no preference; may be null
 */
public record PatrolProblem(TravelModel travel, double speedMetresPerSecond, int[] unitStart, int[] unitEnd,
                            double[] prize, boolean[] mustVisit, int dwellSeconds, long horizonSeconds,
                            long[] preferredArrival) {

    /** A problem without preferred visiting times. */
    public PatrolProblem(TravelModel travel, double speedMetresPerSecond, int[] unitStart, int[] unitEnd,
                         double[] prize, boolean[] mustVisit, int dwellSeconds, long horizonSeconds) {
        this(travel, speedMetresPerSecond, unitStart, unitEnd, prize, mustVisit, dwellSeconds, horizonSeconds, null);
    }

    public PatrolProblem {
        int n = travel.size();
        if (unitStart.length == 0 || unitStart.length != unitEnd.length) {
            throw new IllegalArgumentException("at least one unit, each with a start and an end base, is needed");
        }
        if (!(speedMetresPerSecond > 0) || dwellSeconds < 0 || horizonSeconds <= 0) {
            throw new IllegalArgumentException("speed and shift length must be positive and dwell not negative");
        }
        if (prize.length != n || (mustVisit != null && mustVisit.length != n)
                || (preferredArrival != null && preferredArrival.length != n)) {
            throw new IllegalArgumentException("prize, mustVisit and preferredArrival need one entry per stop (" + n
                    + ")");
        }
        for (int s : unitStart) {
            checkStop(s, n);
        }
        for (int s : unitEnd) {
            checkStop(s, n);
        }
        for (double p : prize) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("prizes must be finite and not negative, got " + p);
            }
        }
        mustVisit = mustVisit == null ? new boolean[n] : mustVisit.clone();
        if (preferredArrival == null) {
            preferredArrival = new long[n];
            java.util.Arrays.fill(preferredArrival, -1);
        } else {
            preferredArrival = preferredArrival.clone();
        }
        prize = prize.clone();
        unitStart = unitStart.clone();
        unitEnd = unitEnd.clone();
    }

    private static void checkStop(int s, int n) {
        if (s < 0 || s >= n) {
            throw new IllegalArgumentException("base " + s + " is not a stop 0.." + (n - 1));
        }
    }

    public int units() {
        return unitStart.length;
    }

    public boolean isBase(int stop) {
        return Arrays.stream(unitStart).anyMatch(s -> s == stop) || Arrays.stream(unitEnd).anyMatch(s -> s == stop);
    }

    /** The hot spot stops, in index order. */
    public List<Integer> hotspots() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < travel.size(); i++) {
            if (!isBase(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether any stop has a preferred visiting time. */
    public boolean hasPreferredTimes() {
        return java.util.Arrays.stream(preferredArrival).anyMatch(t -> t >= 0);
    }

    /** Whole seconds of travel, rounded up so a plan never runs over the shift. */
    public long travelSeconds(int from, int to) {
        return (long) Math.ceil(travel.metres(from, to) / speedMetresPerSecond - 1e-9);
    }
}
