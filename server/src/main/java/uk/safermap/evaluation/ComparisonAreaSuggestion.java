package uk.safermap.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Suggests comparison areas: the candidates whose monthly counts before the intervention were
 * most like the target's in trend and level. A comparison area stands for what would have
 * happened without the intervention, so it should have been moving as the target was (the
 * parallel-trends assumption of difference in differences) at a similar level.
 *
 * <p>Per series: the level is the monthly mean and the trend the least-squares slope divided by
 * the mean, times 12 (relative change per year). A candidate's distance is
 * {@code |trend - target trend| + |ln(level / target level)| / 2}: a 10 % a year difference in
 * trend weighs as much as a level 22 % apart. Candidates with no incident before are never
 * suggested. A heuristic, not a synthetic control: the page shows both series so the reader
 * can judge the match. Immutable.
 */
public final class ComparisonAreaSuggestion {

    /** One candidate with its pre-period level, trend and distance from the target. */
    public record Candidate(int index, double level, double trend, double distance) {
    }

    private ComparisonAreaSuggestion() {
    }

    /**
     * @param target     the target's monthly counts before the intervention
     * @param candidates per candidate, its monthly counts over the same months
     * @param k          how many to suggest, at least 1
     * @return up to k candidates, nearest first
     */
    public static List<Candidate> nearest(int[] target, int[][] candidates, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("suggest at least one comparison area, got " + k);
        }
        if (target.length < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 months, got " + target.length);
        }
        double targetLevel = Math.max(mean(target), 0.5);
        double targetTrend = trend(target);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i].length != target.length) {
                throw new IllegalArgumentException("candidate " + i + " has " + candidates[i].length
                        + " months, the target " + target.length);
            }
            double level = mean(candidates[i]);
            if (level <= 0) {
                continue;
            }
            double trend = trend(candidates[i]);
            double distance = Math.abs(trend - targetTrend) + Math.abs(Math.log(level / targetLevel)) / 2;
            out.add(new Candidate(i, level, trend, distance));
        }
        out.sort(Comparator.comparingDouble(Candidate::distance).thenComparingInt(Candidate::index));
        return out.subList(0, Math.min(k, out.size()));
    }

    static double mean(int[] y) {
        double s = 0;
        for (int v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** Least-squares slope per month over the mean, times 12; 0 for an empty series. */
    static double trend(int[] y) {
        double mean = mean(y);
        if (mean <= 0) {
            return 0;
        }
        double mx = (y.length - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int x = 0; x < y.length; x++) {
            sxy += (x - mx) * (y[x] - mean);
            sxx += (x - mx) * (x - mx);
        }
        return 12 * (sxy / sxx) / mean;
    }
}
