package uk.safermap.placement.mclp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The MCLP heuristic: greedy adding (Church and ReVelle 1974) followed by vertex substitution
 * (Teitz and Bart 1968): swap a chosen site for an unchosen one while that raises the covered
 * weight. Greedy alone is within 1 - 1/e of the optimum for coverage; the swaps close most of
 * the remaining gap in practice, and the exact model reports what is left.
 *
 * <p>Greedy is lazy (Minoux 1978): coverage gains only shrink as sites are added, so a stale
 * gain at the head of the queue is recomputed and reinserted rather than rescanning every site.
 * Ties go to the lower site index, so the result is deterministic.
 */
public final class GreedyInterchange {

    private static final double EPS = 1e-9;

    /** Swap passes before giving up; each pass that changes nothing ends the search earlier. */
    private static final int MAX_PASSES = 100;

    /**
     * Chosen sites in the order greedy would add them (rank 1 first), with the weight each adds
     * to those before it, and the total.
     *
     * @param greedyCurve the covered weight after greedy's 1st, 2nd ... pick, up to {@code curveLength}
     *                    sites (before swaps): the diminishing-returns curve
     */
    public record Solution(int[] sites, double[] marginal, double value, double greedyValue, int swaps,
                           double[] greedyCurve) {
    }

    /**
     * @param k           at most this many sites (fewer when conflicts or coverage run out)
     * @param curveLength how many greedy steps to record for the coverage curve (at least k)
     */
    public Solution solve(CoverageProblem p, int k, int curveLength) {
        double[] curve = greedyCurve(p, Math.max(k, curveLength));
        int[] greedy = greedy(p, k, null);
        double greedyValue = p.value(greedy);
        int[] chosen = greedy.clone();
        int swaps = improve(p, chosen);
        int[] ranked = greedy(p, chosen.length, chosen);
        double[] marginal = marginals(p, ranked);
        return new Solution(ranked, marginal, Arrays.stream(marginal).sum(), greedyValue, swaps,
                Arrays.copyOf(curve, Math.min(curve.length, Math.max(k, curveLength))));
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

    private double[] greedyCurve(CoverageProblem p, int steps) {
        int[] order = greedy(p, steps, null);
        double[] marginal = marginals(p, order);
        double[] curve = new double[order.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            sum += marginal[i];
            curve[i] = sum;
        }
        return curve;
    }

    /**
     * Lazy greedy over all sites, or only over {@code among} when given (to rank a chosen set).
     * Sites that add nothing are not chosen.
     */
    static int[] greedy(CoverageProblem p, int k, int[] among) {
        double[] gain = new double[p.siteCount()];
        PriorityQueue<Integer> queue = new PriorityQueue<>(Comparator.<Integer>comparingDouble(s -> -gain[s])
                .thenComparingInt(s -> s));
        int[] pool = among != null ? among : java.util.stream.IntStream.range(0, p.siteCount()).toArray();
        for (int s : pool) {
            gain[s] = sum(p, s, null);
            if (gain[s] > EPS) {
                queue.add(s);
            }
        }
        boolean[] hit = new boolean[p.classCount()];
        boolean[] blocked = new boolean[p.siteCount()];
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k && !queue.isEmpty()) {
            int s = queue.poll();
            if (blocked[s]) {
                continue;
            }
            double fresh = sum(p, s, hit);
            if (fresh < gain[s] - EPS) {
                gain[s] = fresh;
                if (fresh > EPS) {
                    queue.add(s);
                }
                continue;
            }
            chosen.add(s);
            blocked[s] = true;
            for (int t : p.conflicts()[s]) {
                blocked[t] = true;
            }
            for (int c : p.cover()[s]) {
                hit[c] = true;
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Weight site s reaches that is not yet {@code hit} (all of it when hit is null). */
    private static double sum(CoverageProblem p, int s, boolean[] hit) {
        double v = 0;
        for (int c : p.cover()[s]) {
            if (hit == null || !hit[c]) {
                v += p.weight()[c];
            }
        }
        return v;
    }

    /**
     * Best-improvement vertex substitution, in place. For each chosen site s, its loss is the
     * weight only s covers; an outsider's gain counts classes covered by nobody or by s alone.
     * Outsiders are tried in descending order of their own total weight, stopping once that
     * total cannot beat the best swap found (gain never exceeds total).
     */
    private int improve(CoverageProblem p, int[] chosen) {
        int n = p.siteCount();
        double[] total = new double[n];
        for (int s = 0; s < n; s++) {
            total[s] = sum(p, s, null);
        }
        Integer[] byTotal = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(s -> -total[s]).thenComparingInt(s -> s))
                .toArray(Integer[]::new);
        int[] times = new int[p.classCount()];
        for (int s : chosen) {
            for (int c : p.cover()[s]) {
                times[c]++;
            }
        }
        int[] blockers = new int[n];
        boolean[] isChosen = new boolean[n];
        for (int s : chosen) {
            isChosen[s] = true;
            for (int t : p.conflicts()[s]) {
                blockers[t]++;
            }
        }
        boolean[] onlyS = new boolean[p.classCount()];
        int swaps = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int slot = 0; slot < chosen.length; slot++) {
                int s = chosen[slot];
                double loss = 0;
                for (int c : p.cover()[s]) {
                    if (times[c] == 1) {
                        onlyS[c] = true;
                        loss += p.weight()[c];
                    }
                }
                for (int t : p.conflicts()[s]) {
                    blockers[t]--;
                }
                double best = EPS;
                int bestSite = -1;
                for (int t : byTotal) {
                    if (total[t] - loss <= best) {
                        break;
                    }
                    if (isChosen[t] || blockers[t] > 0) {
                        continue;
                    }
                    double gain = 0;
                    for (int c : p.cover()[t]) {
                        if (times[c] == 0 || onlyS[c]) {
                            gain += p.weight()[c];
                        }
                    }
                    if (gain - loss > best) {
                        best = gain - loss;
                        bestSite = t;
                    }
                }
                for (int c : p.cover()[s]) {
                    onlyS[c] = false;
                }
                int keep = bestSite >= 0 ? bestSite : s;
                if (bestSite >= 0) {
                    for (int c : p.cover()[s]) {
                        times[c]--;
                    }
                    for (int c : p.cover()[bestSite]) {
                        times[c]++;
                    }
                    isChosen[s] = false;
                    isChosen[bestSite] = true;
                    chosen[slot] = bestSite;
                    swaps++;
                    changed = true;
                }
                for (int t : p.conflicts()[keep]) {
                    blockers[t]++;
                }
            }
            if (!changed) {
                break;
            }
        }
        return swaps;
    }
}
