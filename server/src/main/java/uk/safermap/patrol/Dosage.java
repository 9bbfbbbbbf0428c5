package uk.safermap.patrol;

import uk.safermap.domain.InvalidInputException;
import uk.safermap.patrol.routing.PatrolProblem;
import uk.safermap.patrol.routing.VisitWindow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dose of the riskiest places within one shift: when each is to be visited again.
 *
 * <p>Koper (1995) found that a stop of 10-15 minutes deters longest and that the deterrence wears
 * off, so the highest-risk places are revisited about every 90-120 minutes at unpredictable times.
 * The rule here:
 * <ul>
 *   <li>Visits to one place start between {@code minGapMinutes} and {@code revisitMinutes} apart:
 *       each visit has a window of (R - G) / 2 minutes, and windows start (R + G) / 2 apart, so any
 *       choice within two neighbouring windows keeps the gap in [G, R].</li>
 *   <li>The riskiest places get repeat visits, as many as the units can serve in one cycle
 *       ({@link #repeatPlaces}); they are all must-visit, so the plan keeps their dose before it
 *       adds single visits to lesser places.</li>
 *   <li>The places take turns round the cycle, in a random (seeded) order from a random start:
 *       place i's first window opens at (offset + slot(i) x cycle / places) mod cycle, or when the
 *       nearest base can reach it if later, so the first visit comes within R of the shift start;
 *       windows follow every cycle while a visit still leaves time to get back to base.</li>
 * </ul>
 * The seed makes the times unpredictable to offenders but reproducible for the plan.
 */
public final class Dosage {

    /**
     * @param revisitMinutes the longest gap between the starts of two visits to a repeat place;
     *                       0 for one visit per place (no repeats)
     * @param minGapMinutes  the shortest such gap
     */
    public record Parameters(int revisitMinutes, int minGapMinutes) {

        /** Koper's "about every two hours", at least 75 minutes apart so visits are not bunched. */
        public static final Parameters DEFAULTS = new Parameters(120, 75);

        public Parameters {
            if (revisitMinutes < 0) {
                throw new InvalidInputException("revisitMinutes must be 0 (single visits) or more, got "
                        + revisitMinutes);
            }
            if (revisitMinutes != 0 && (minGapMinutes < 1 || minGapMinutes >= revisitMinutes)) {
                throw new InvalidInputException("minGapMinutes must be at least 1 and less than revisitMinutes ("
                        + revisitMinutes + "), got " + minGapMinutes);
            }
        }

        boolean repeats() {
            return revisitMinutes > 0;
        }

        long cycleSeconds() {
            return (revisitMinutes + minGapMinutes) * 30L;
        }

        long widthSeconds() {
            return (revisitMinutes - minGapMinutes) * 30L;
        }
    }

    /** The share of the units' time repeat visits may take. */
    static final double LOAD = 0.6;

    private final Parameters parameters;
    private final int dwellSeconds;
    private final long horizonSeconds;

    public Dosage(Parameters parameters, int dwellSeconds, long horizonSeconds) {
        this.parameters = parameters;
        this.dwellSeconds = dwellSeconds;
        this.horizonSeconds = horizonSeconds;
    }

    /**
     * How many of the riskiest places get repeat visits: places in rank order while their work
     * per cycle (a visit plus the walk in from the nearest other place, doubled because a loop
     * rarely runs between nearest neighbours only) fits in {@value #LOAD} of the units' time per
     * cycle; the rest is for standing patrols and for lining visits up with their windows. At
     * least the top place, if there is one.
     *
     * @param nearestSeconds for each hot spot, highest risk first, the travel from the nearest
     *                       other hot spot or base
     */
    int repeatPlaces(int units, long[] nearestSeconds) {
        if (!parameters.repeats() || nearestSeconds.length == 0) {
            return 0;
        }
        double budget = LOAD * units * parameters.cycleSeconds();
        double used = 0;
        int k = 0;
        while (k < nearestSeconds.length) {
            used += dwellSeconds + 2.0 * nearestSeconds[k];
            if (used > budget && k > 0) {
                break;
            }
            k++;
        }
        return k;
    }

    /**
     * The problem with the dose added: the riskiest hot spots ({@link #repeatPlaces}) become
     * must-visit places with repeat windows; everything else is as given.
     *
     * @param single       the problem with one visit per place, hot spots from {@code firstHotspot}
     *                     on, highest risk first
     * @param firstHotspot the stop of the riskiest hot spot
     * @param selected     the number of hot spots
     */
    public PatrolProblem withRepeats(PatrolProblem single, int firstHotspot, int selected, long seed) {
        int n = single.travel().size();
        long[] reach = new long[n];
        long[] back = new long[n];
        for (int s = 0; s < n; s++) {
            reach[s] = Long.MAX_VALUE;
            back[s] = Long.MAX_VALUE;
            for (int u = 0; u < single.units(); u++) {
                reach[s] = Math.min(reach[s], single.travelSeconds(single.unitStart()[u], s));
                back[s] = Math.min(back[s], single.travelSeconds(s, single.unitEnd()[u]));
            }
        }
        long[] nearest = new long[selected];
        for (int k = 0; k < selected; k++) {
            int stop = firstHotspot + k;
            nearest[k] = Long.MAX_VALUE;
            for (int other = 0; other < n; other++) {
                if (other != stop) {
                    nearest[k] = Math.min(nearest[k], single.travelSeconds(other, stop));
                }
            }
        }
        int repeat = repeatPlaces(single.units(), nearest);
        boolean[] must = single.mustVisit().clone();
        for (int k = 0; k < repeat; k++) {
            must[firstHotspot + k] = true;
        }
        return new PatrolProblem(single.travel(), single.speedMetresPerSecond(), single.unitStart(),
                single.unitEnd(), single.prize(), must, single.dwellSeconds(), single.horizonSeconds(),
                single.preferredArrival(), windows(repeat, firstHotspot, reach, back, seed));
    }

    /**
     * The visit windows of each stop: repeat windows for the first {@code repeat} hot spots
     * (stops {@code firstHotspot} on, highest risk first), none for the other stops.
     *
     * @param reachSeconds travel from the nearest start base to each stop
     * @param backSeconds  travel from each stop to the nearest end base
     */
    private List<List<VisitWindow>> windows(int repeat, int firstHotspot, long[] reachSeconds, long[] backSeconds,
                                    long seed) {
        int stops = reachSeconds.length;
        List<List<VisitWindow>> out = new ArrayList<>(Collections.nCopies(stops, List.<VisitWindow>of()));
        SplittableRandom random = new SplittableRandom(seed);
        // Staggered phases: the places take turns round the cycle in a random order from a random
        // start, so their windows open one after another and a unit can chain them; independent
        // random phases put windows of far-apart places together and no unit could serve both.
        int[] order = shuffled(repeat, random);
        long offset = random.nextLong(parameters.cycleSeconds());
        for (int k = 0; k < repeat; k++) {
            int stop = firstHotspot + k;
            long phase = (offset + order[k] * parameters.cycleSeconds() / repeat) % parameters.cycleSeconds();
            long latestOpen = horizonSeconds - dwellSeconds - backSeconds[stop];
            List<VisitWindow> windows = new ArrayList<>();
            for (long open = Math.max(phase, reachSeconds[stop]); open <= latestOpen;
                 open += parameters.cycleSeconds()) {
                windows.add(new VisitWindow(open, Math.min(open + parameters.widthSeconds(), latestOpen)));
            }
            out.set(stop, windows);
        }
        return out;
    }

    /** 0..n-1 in a random order (Fisher-Yates). */
    private static int[] shuffled(int n, SplittableRandom random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
