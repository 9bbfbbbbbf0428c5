package uk.safermap.placement.mclp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The MCLP heuristic: greedy adding (Church and ReVelle 1974), vertex substitution (Teitz and
 * Bart 1968) in Whitaker's (1983) fast form, inside an iterated local search (Lourenco, Martin
 * and Stutzle 2003). Greedy alone is within 1 - 1/e of the optimum for coverage; the swaps and
 * restarts close most of the rest, and the exact model reports what is left.
 *
 * <p>The random stream is seeded and ties go to the lower site index, so the same input gives
 * the same sites.
 */
public final class GreedyInterchange {

    /** Swap passes before giving up; each pass that changes nothing ends the search earlier. */
    private static final int MAX_PASSES = 100;

    /** Perturbation rounds of the iterated local search, a fixed number so results are reproducible. */
    private static final int PERTURBATIONS = 80;

    private static final long SEED = 20261122L;

    /**
     * Chosen sites in the order greedy would add them (rank 1 first), with the weight each adds
     * to those before it, and the total.
     *
     * @param greedyValue the covered weight of plain greedy with k sites, before any swap
     * @param swaps       swaps made during the search, accepted or not
     * @param greedyCurve the covered weight after greedy's 1st, 2nd ... pick, up to {@code curveLength}
     *                    sites (before swaps): the diminishing-returns curve
     */
    public record Solution(int[] sites, double[] marginal, double value, double greedyValue, int swaps,
                           double[] greedyCurve) {
    }

    /**
     * @param k           at most this many sites (fewer when conflicts or coverage run out)
     * @param curveLength how many greedy steps to record for the coverage curve
     */
    public Solution solve(CoverageProblem p, int k, int curveLength) {
        int[][] sitesOf = CoverState.sitesOf(p);
        CoverState state = new CoverState(p, sitesOf);
        double[] curve = new double[Math.max(k, curveLength)];
        int steps = 0;
        double greedyValue = 0;
        while (steps < curve.length) {
            state.fill(steps + 1, null);
            if (state.size() == steps) {
                break;
            }
            curve[steps++] = state.value();
            if (steps == k) {
                greedyValue = state.value();
            }
        }
        if (steps < k) {
            greedyValue = state.value();
        }
        curve = Arrays.copyOf(curve, steps);
        state.moveTo(Arrays.copyOf(state.sites(), Math.min(k, state.size())));
        int swaps = state.improve(MAX_PASSES);
        int[] best = state.sites();
        double bestValue = state.value();
        // Drop some sites at random, refill greedily, swap to a local optimum, and move there
        // unless it is worse (equal moves let the search cross plateaus); keep the best seen.
        SplittableRandom random = new SplittableRandom(SEED);
        int[] current = best;
        double currentValue = bestValue;
        for (int round = 0; round < PERTURBATIONS && current.length > 1; round++) {
            for (int s : dropped(current, 1 + random.nextInt(Math.max(1, current.length / 2)), random)) {
                state.remove(s);
            }
            state.fill(k, null);
            swaps += state.improve(MAX_PASSES);
            if (state.value() >= currentValue - state.eps) {
                current = state.sites();
                currentValue = state.value();
                if (currentValue > bestValue + state.eps) {
                    best = current;
                    bestValue = currentValue;
                }
            } else {
                state.moveTo(current);
            }
        }
        int[] ranked = rank(p, best);
        double[] marginal = marginals(p, ranked);
        return new Solution(ranked, marginal, Arrays.stream(marginal).sum(), greedyValue, swaps, curve);
    }

    /** Chosen sites in the order greedy would add them: the ranking shown to users. */
    public static int[] rank(CoverageProblem p, int[] chosen) {
        CoverState state = new CoverState(p, CoverState.sitesOf(p));
        state.fill(chosen.length, chosen);
        return state.sites();
    }

    /** The weight each site adds to those before it. */
    public static double[] marginals(CoverageProblem p, int[] ordered) {
        boolean[] hit = new boolean[p.classCount()];
        double[] out = new double[ordered.length];
        for (int r = 0; r < ordered.length; r++) {
            for (int c : p.cover()[ordered[r]]) {
                if (!hit[c]) {
                    hit[c] = true;
                    out[r] += p.weight()[c];
                }
            }
        }
        return out;
    }

    /** {@code n} of the sites, picked at random. */
    private static int[] dropped(int[] sites, int n, SplittableRandom random) {
        int[] copy = sites.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, n);
    }
}
