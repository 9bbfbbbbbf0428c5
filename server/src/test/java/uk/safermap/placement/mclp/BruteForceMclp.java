package uk.safermap.placement.mclp;

/** The MCLP optimum by trying every feasible set of at most k sites: the reference for small instances. */
final class BruteForceMclp {

    private BruteForceMclp() {
    }

    /** The best covered weight over all conflict-free sets of at most k sites. */
    static double optimum(CoverageProblem p, int k) {
        return best(p, k, 0, new int[k], 0);
    }

    private static double best(CoverageProblem p, int k, int from, int[] chosen, int size) {
        int[] current = java.util.Arrays.copyOf(chosen, size);
        double best = p.value(current);
        if (size == k) {
            return best;
        }
        for (int s = from; s < p.siteCount(); s++) {
            chosen[size] = s;
            if (p.feasible(java.util.Arrays.copyOf(chosen, size + 1))) {
                best = Math.max(best, best(p, k, s + 1, chosen, size + 1));
            }
        }
        return best;
    }
}
