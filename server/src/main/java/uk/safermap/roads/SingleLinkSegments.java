package uk.safermap.roads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the collisions on one road into stretches without a road network: single-linkage
 * clustering (DBSCAN with minPts 1), so two collisions are on one stretch when a chain of
 * collisions joins them with no gap longer than {@code gapMetres}. Along a road this follows the
 * road however it bends, since consecutive collisions on it are close even where the road turns.
 * Union-find over all pairs, O(n^2) per road: a road in one borough carries tens of collisions.
 * Immutable and thread-safe.
 */
final class SingleLinkSegments {

    private final double gapMetres;

    SingleLinkSegments(double gapMetres) {
        if (!(gapMetres > 0) || !Double.isFinite(gapMetres)) {
            throw new IllegalArgumentException("gapMetres must be > 0 and finite, got " + gapMetres);
        }
        this.gapMetres = gapMetres;
    }

    /** The stretches as lists of point indexes, each list in index order, stretches by first index. */
    List<int[]> segments(double[] x, double[] y) {
        int n = x.length;
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        double gap2 = gapMetres * gapMetres;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                if (dx * dx + dy * dy <= gap2) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOfRoot = new int[n];
        Arrays.fill(groupOfRoot, -1);
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (groupOfRoot[r] < 0) {
                groupOfRoot[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOfRoot[r]).add(i);
        }
        return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
