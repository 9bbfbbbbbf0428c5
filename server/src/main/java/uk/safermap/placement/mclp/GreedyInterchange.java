package uk.safermap.placement.mclp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    /** Perturbation rounds of the iterated local search, a fixed number so results are reproducible. */
    private static final int PERTURBATIONS = 60;

    private static final long SEED = 20261122L;

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
        Candidates all = Candidates.of(p, IntStream.range(0, p.siteCount()).toArray());
        int[] first = all.greedy(p, Math.max(k, curveLength), new int[0]);
        double[] curve = cumulative(marginals(p, first));
        int[] chosen = Arrays.copyOf(first, Math.min(k, first.length));
        double greedyValue = p.value(chosen);
        int[][] sitesOf = sitesOf(p);
        int swaps = improve(p, chosen, sitesOf);
        double value = p.value(chosen);
        // Iterated local search (Lourenco, Martin and Stutzle 2003): drop some sites at random,
        // refill greedily, swap to a local optimum again, and move there unless it is worse
        // (equal moves let the search walk across plateaus). The best set seen is kept. The
        // random stream is seeded, so the same input gives the same sites.
        SplittableRandom random = new SplittableRandom(SEED);
        int[] current = chosen;
        double currentValue = value;
        for (int round = 0; round < PERTURBATIONS && chosen.length > 1; round++) {
            int[] trial = all.greedy(p, k, drop(current, 1 + random.nextInt(Math.max(1, current.length / 2)), random));
            swaps += improve(p, trial, sitesOf);
            double trialValue = p.value(trial);
            if (trialValue >= currentValue - EPS) {
                current = trial;
                currentValue = trialValue;
            }
            if (trialValue > value + EPS) {
                chosen = trial;
                value = trialValue;
            }
        }
        int[] ranked = rank(p, chosen);
        double[] marginal = marginals(p, ranked);
        return new Solution(ranked, marginal, Arrays.stream(marginal).sum(), greedyValue, swaps, curve);
    }

    /** Chosen sites in the order greedy would add them: the ranking shown to users. */
    public static int[] rank(CoverageProblem p, int[] chosen) {
        return Candidates.of(p, chosen).greedy(p, chosen.length, new int[0]);
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

    private static double[] cumulative(double[] marginal) {
        double[] out = new double[marginal.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += marginal[i];
            out[i] = sum;
        }
        return out;
    }

    /** The chosen sites minus {@code n} of them picked at random. */
    private static int[] drop(int[] chosen, int n, SplittableRandom random) {
        int[] copy = chosen.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, copy.length - n);
    }

    /**
     * Sites in descending order of the weight they reach alone (ties by index): the start of
     * every lazy greedy run, sorted once per solve.
     */
    private record Candidates(int[] order, double[] total) {

        static Candidates of(CoverageProblem p, int[] pool) {
            double[] total = new double[p.siteCount()];
            for (int s : pool) {
                total[s] = sum(p, s, null);
            }
            int[] order = Arrays.stream(pool).boxed().filter(s -> total[s] > EPS)
                    .sorted(Comparator.<Integer>comparingDouble(s -> -total[s]).thenComparingInt(s -> s))
                    .mapToInt(Integer::intValue).toArray();
            return new Candidates(order, total);
        }

        /**
         * Lazy greedy from the {@code fixed} sites. Untouched sites are read straight from the
         * sorted order; a site whose gain was found stale goes to a queue with its fresh gain,
         * and the next pick is the better of the two heads. Sites that add nothing are not chosen.
         */
        int[] greedy(CoverageProblem p, int k, int[] fixed) {
            double[] gain = new double[p.siteCount()];
            PriorityQueue<Integer> requeued = new PriorityQueue<>(Comparator.<Integer>comparingDouble(s -> -gain[s])
                    .thenComparingInt(s -> s));
            boolean[] hit = new boolean[p.classCount()];
            boolean[] blocked = new boolean[p.siteCount()];
            List<Integer> chosen = new ArrayList<>();
            for (int s : fixed) {
                take(p, s, chosen, blocked, hit);
            }
            int next = 0;
            while (chosen.size() < k) {
                while (next < order.length && blocked[order[next]]) {
                    next++;
                }
                while (!requeued.isEmpty() && blocked[requeued.peek()]) {
                    requeued.poll();
                }
                int s;
                if (next < order.length && (requeued.isEmpty() || before(order[next], total[order[next]],
                        requeued.peek(), gain[requeued.peek()]))) {
                    s = order[next++];
                    gain[s] = total[s];
                } else if (!requeued.isEmpty()) {
                    s = requeued.poll();
                } else {
                    break;
                }
                double fresh = sum(p, s, hit);
                if (fresh < gain[s] - EPS) {
                    gain[s] = fresh;
                    if (fresh > EPS) {
                        requeued.add(s);
                    }
                    continue;
                }
                take(p, s, chosen, blocked, hit);
            }
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }

        private static boolean before(int a, double gainA, int b, double gainB) {
            return gainA > gainB || (gainA == gainB && a < b);
        }
    }

    private static void take(CoverageProblem p, int s, List<Integer> chosen, boolean[] blocked, boolean[] hit) {
        chosen.add(s);
        blocked[s] = true;
        for (int t : p.conflicts()[s]) {
            blocked[t] = true;
        }
        for (int c : p.cover()[s]) {
            hit[c] = true;
        }
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
     * Best-improvement vertex substitution, in place, in the fast form of Whitaker (1983): each
     * site keeps {@code free}, the weight it reaches that no chosen site does, updated as
     * classes become covered or uncovered. Removing chosen site s loses the weight only s
     * covers; an outsider t then gains free[t] plus what it shares of that lost weight
     * ({@code extra}, found through the classes' covering sites), so every candidate costs
     * O(1) per slot.
     */
    private static int improve(CoverageProblem p, int[] chosen, int[][] sitesOf) {
        int n = p.siteCount();
        double[] w = p.weight();
        // Swaps must beat rounding in the running sums, or two equal sets could swap forever.
        double eps = 1e-9 * Math.max(1, Arrays.stream(w).sum());
        int[] times = new int[p.classCount()];
        boolean[] isChosen = new boolean[n];
        int[] blockers = new int[n];
        for (int s : chosen) {
            isChosen[s] = true;
            for (int c : p.cover()[s]) {
                times[c]++;
            }
            for (int t : p.conflicts()[s]) {
                blockers[t]++;
            }
        }
        double[] free = new double[n];
        for (int t = 0; t < n; t++) {
            for (int c : p.cover()[t]) {
                if (times[c] == 0) {
                    free[t] += w[c];
                }
            }
        }
        double[] extra = new double[n];
        boolean[] touched = new boolean[n];
        IntList touchedList = new IntList();
        int swaps = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int slot = 0; slot < chosen.length; slot++) {
                int s = chosen[slot];
                double loss = 0;
                touchedList.clear();
                for (int c : p.cover()[s]) {
                    if (times[c] == 1) {
                        loss += w[c];
                        for (int t : sitesOf[c]) {
                            extra[t] += w[c];
                            if (!touched[t]) {
                                touched[t] = true;
                                touchedList.add(t);
                            }
                        }
                    }
                }
                for (int t : p.conflicts()[s]) {
                    blockers[t]--;
                }
                double best = eps;
                int bestSite = -1;
                for (int t = 0; t < n; t++) {
                    if (!isChosen[t] && blockers[t] == 0 && free[t] + extra[t] - loss > best) {
                        best = free[t] + extra[t] - loss;
                        bestSite = t;
                    }
                }
                for (int t : touchedList.toSortedArray()) {
                    extra[t] = 0;
                    touched[t] = false;
                }
                if (bestSite >= 0) {
                    for (int c : p.cover()[s]) {
                        if (--times[c] == 0) {
                            for (int t : sitesOf[c]) {
                                free[t] += w[c];
                            }
                        }
                    }
                    for (int c : p.cover()[bestSite]) {
                        if (times[c]++ == 0) {
                            for (int t : sitesOf[c]) {
                                free[t] -= w[c];
                            }
                        }
                    }
                    isChosen[s] = false;
                    isChosen[bestSite] = true;
                    chosen[slot] = bestSite;
                    swaps++;
                    changed = true;
                }
                for (int t : p.conflicts()[chosen[slot]]) {
                    blockers[t]++;
                }
            }
            if (!changed) {
                break;
            }
        }
        return swaps;
    }

    /** Per demand class, the sites reaching it. */
    private static int[][] sitesOf(CoverageProblem p) {
        int[] n = new int[p.classCount()];
        for (int[] cover : p.cover()) {
            for (int c : cover) {
                n[c]++;
            }
        }
        int[][] out = new int[p.classCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new int[n[c]];
            n[c] = 0;
        }
        for (int s = 0; s < p.siteCount(); s++) {
            for (int c : p.cover()[s]) {
                out[c][n[c]++] = s;
            }
        }
        return out;
    }
}
