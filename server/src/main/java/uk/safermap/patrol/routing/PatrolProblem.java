package uk.safermap.patrol.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One shift's patrol routing problem: units leave their start bases at the shift start, visit
 * hot spots, stay {@code dwellSeconds} at each, and are back at their end bases by the end of
 * the shift. Each hot spot is visited at most once and carries a prize (its risk for the shift);
 * a plan earns the prizes of the places it visits, so when the shift is too short for all of them
 * it leaves out the least valuable. {@code mustVisit} places are left out only if they cannot fit.
 *
 * <p><b>Repeat visits.</b> A place with {@code visitWindows} is visited once in each of its
 * windows (the dose of the riskiest places, see {@code uk.safermap.patrol.Dosage}); every window
 * is a separate optional visit with the place's prize, and must-visit places must fill all their
 * windows that fit. Between visits units may wait on their beat (a standing patrol near the next
 * place) to arrive in a window, but they always leave base at the shift start. A place without
 * windows is visited at most once, at any time.
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
 * @param visitWindows         for each stop, the windows of its repeat visits in time order, or an
 *                             empty list for a single visit at any time; may be null (no repeats)
 */
public record PatrolProblem(TravelModel travel, double speedMetresPerSecond, int[] unitStart, int[] unitEnd,
                            double[] prize, boolean[] mustVisit, int dwellSeconds, long horizonSeconds,
                            long[] preferredArrival, List<List<VisitWindow>> visitWindows) {

    /** A problem without repeat visits. */
    public PatrolProblem(TravelModel travel, double speedMetresPerSecond, int[] unitStart, int[] unitEnd,
                         double[] prize, boolean[] mustVisit, int dwellSeconds, long horizonSeconds,
                         long[] preferredArrival) {
        this(travel, speedMetresPerSecond, unitStart, unitEnd, prize, mustVisit, dwellSeconds, horizonSeconds,
                preferredArrival, null);
    }

    /** A problem without preferred visiting times. */
    public PatrolProblem(TravelModel travel, double speedMetresPerSecond, int[] unitStart, int[] unitEnd,
                         double[] prize, boolean[] mustVisit, int dwellSeconds, long horizonSeconds) {
        this(travel, speedMetresPerSecond, unitStart, unitEnd, prize, mustVisit, dwellSeconds, horizonSeconds, null,
                null);
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
        if (visitWindows == null) {
            visitWindows = Collections.nCopies(n, List.of());
        } else if (visitWindows.size() != n) {
            throw new IllegalArgumentException("visitWindows needs one entry per stop (" + n + ")");
        } else {
            visitWindows = visitWindows.stream().map(List::copyOf).toList();
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
        return Arrays.stream(preferredArrival).anyMatch(t -> t >= 0);
    }

    /** Whether any place has repeat visits in windows. */
    public boolean hasVisitWindows() {
        return visitWindows.stream().anyMatch(w -> !w.isEmpty());
    }

    /** Whole seconds of travel, rounded up so a plan never runs over the shift. */
    public long travelSeconds(int from, int to) {
        return (long) Math.ceil(travel.metres(from, to) / speedMetresPerSecond - 1e-9);
    }
}
