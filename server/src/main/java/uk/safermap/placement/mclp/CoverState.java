package uk.safermap.placement.mclp;

import java.util.Arrays;

/**
 * A set of chosen sites and what it covers, kept current as sites come and go, in the form
 * of Whitaker's (1983) fast interchange: per class how many chosen sites reach it, per site
 * the weight it would add ({@code free}), and per site how many chosen sites forbid it.
 * Adding or removing a site costs the classes it reaches times the sites reaching those.
 */
final class CoverState {

    private final CoverageProblem p;
    private final int[][] sitesOf;
    private final double[] w;
    private final int[] times;
    private final double[] free;
    private final int[] blockers;
    private final boolean[] chosen;
    private final IntList members = new IntList();
    private double value;
    /** Gains below this are rounding in the running sums, not improvements. */
    final double eps;

    CoverState(CoverageProblem p, int[][] sitesOf) {
        this.p = p;
        this.sitesOf = sitesOf;
        this.w = p.weight();
        int n = p.siteCount();
        times = new int[p.classCount()];
        free = new double[n];
        blockers = new int[n];
        chosen = new boolean[n];
        for (int t = 0; t < n; t++) {
            for (int c : p.cover()[t]) {
                free[t] += w[c];
            }
        }
        eps = 1e-9 * Math.max(1, Arrays.stream(w).sum());
    }

    /** Per demand class, the sites reaching it. */
    static int[][] sitesOf(CoverageProblem p) {
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

    void add(int s) {
        chosen[s] = true;
        members.add(s);
        for (int c : p.cover()[s]) {
            if (times[c]++ == 0) {
                value += w[c];
                for (int t : sitesOf[c]) {
                    free[t] -= w[c];
                }
            }
        }
        for (int t : p.conflicts()[s]) {
            blockers[t]++;
        }
    }

    void remove(int s) {
        chosen[s] = false;
        members.removeValue(s);
        for (int c : p.cover()[s]) {
            if (--times[c] == 0) {
                value -= w[c];
                for (int t : sitesOf[c]) {
                    free[t] += w[c];
                }
            }
        }
        for (int t : p.conflicts()[s]) {
            blockers[t]--;
        }
    }

    double value() {
        return value;
    }

    int size() {
        return members.size();
    }

    /** The chosen sites in the order they were added. */
    int[] sites() {
        return members.values();
    }

    /** Makes the chosen set exactly {@code target}, with as few changes as possible. */
    void moveTo(int[] target) {
        boolean[] wanted = new boolean[chosen.length];
        for (int s : target) {
            wanted[s] = true;
        }
        for (int s : sites()) {
            if (!wanted[s]) {
                remove(s);
            }
        }
        for (int s : target) {
            if (!chosen[s]) {
                add(s);
            }
        }
    }

    /**
     * Greedy adding up to {@code k} sites, each time the site adding the most weight (ties to
     * the lower index), among all sites or only {@code pool}; stops when nothing adds weight.
     */
    void fill(int k, int[] pool) {
        while (size() < k) {
            int best = -1;
            double bestGain = eps;
            if (pool == null) {
                for (int t = 0; t < chosen.length; t++) {
                    if (!chosen[t] && blockers[t] == 0 && free[t] > bestGain) {
                        bestGain = free[t];
                        best = t;
                    }
                }
            } else {
                for (int t : pool) {
                    if (!chosen[t] && blockers[t] == 0
                            && (free[t] > bestGain || (free[t] == bestGain && best >= 0 && t < best))) {
                        bestGain = free[t];
                        best = t;
                    }
                }
            }
            if (best < 0) {
                return;
            }
            add(best);
        }
    }

    /**
     * Best-improvement vertex substitution (Teitz and Bart 1968) until no swap helps: removing
     * chosen site s loses the weight only s covers; an outsider t then gains free[t] plus
     * what it shares of that lost weight ({@code extra}, found through the classes' sites), so
     * every candidate costs O(1) per slot.
     *
     * @return swaps made
     */
    int improve(int maxPasses) {
        int n = chosen.length;
        double[] extra = new double[n];
        IntList touched = new IntList();
        int swaps = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            boolean changed = false;
            int[] current = sites();
            for (int s : current) {
                double loss = 0;
                touched.clear();
                for (int c : p.cover()[s]) {
                    if (times[c] == 1) {
                        loss += w[c];
                        for (int t : sitesOf[c]) {
                            if (extra[t] == 0) {
                                touched.add(t);
                            }
                            extra[t] += w[c];
                        }
                    }
                }
                for (int t : p.conflicts()[s]) {
                    blockers[t]--;
                }
                double best = eps;
                int bestSite = -1;
                for (int t = 0; t < n; t++) {
                    if (!chosen[t] && blockers[t] == 0 && free[t] + extra[t] - loss > best) {
                        best = free[t] + extra[t] - loss;
                        bestSite = t;
                    }
                }
                for (int t : p.conflicts()[s]) {
                    blockers[t]++;
                }
                for (int i = 0, m = touched.size(); i < m; i++) {
                    extra[touched.get(i)] = 0;
                }
                if (bestSite >= 0) {
                    remove(s);
                    add(bestSite);
                    swaps++;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return swaps;
    }
}
