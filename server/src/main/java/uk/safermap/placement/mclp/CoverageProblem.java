package uk.safermap.placement.mclp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A maximal covering location problem (Church and ReVelle 1974) ready to solve: choose at most
 * k sites, no two in conflict, to maximise the weight of demand within reach of a chosen site.
 *
 * <p>Demand points reached by exactly the same set of sites are merged into one class with
 * their summed weight, as any solution covers all of them or none. On snapped police.uk points
 * this shrinks the problem many times over, which is what lets the exact model prove
 * optimality in seconds. Points no site reaches are dropped and counted in
 * {@link #unreachableWeight}.
 *
 * @param weight         per demand class, its summed weight
 * @param count          per demand class, how many demand points it holds (counting a point given
 *                       with a count as that many)
 * @param cover          per site, the sorted classes it reaches
 * @param conflicts      per site, the sorted sites it cannot be chosen with (same location or
 *                       closer than the minimum separation)
 * @param demandClass    per original demand point, its class, or -1 when no site reaches it
 * @param unreachableWeight weight of the demand points no site reaches
 */
public record CoverageProblem(double[] weight, int[] count, int[][] cover, int[][] conflicts, int[] demandClass,
                              double unreachableWeight) {

    /**
     * Builds the problem from demand points (grid metres, weights) and candidate sites.
     *
     * @param minSeparation metres; sites closer than this conflict (0 for none)
     */
    public static CoverageProblem build(double[] dx, double[] dy, double[] w, Sites sites, Viewshed view,
                                        double minSeparation) {
        int[] ones = new int[dx.length];
        Arrays.fill(ones, 1);
        return build(dx, dy, w, ones, sites, view, minSeparation);
    }

    /**
     * Builds the problem from demand points that each stand for {@code n[i]} incidents at one
     * position with their summed weight {@code w[i]}. Points at one position are reached by the
     * same sites, so they fall in one class whatever their number: merging them first gives the
     * same classes, in the same order (a class is numbered by its first point), with the same
     * weights and counts, from far fewer points.
     *
     * @param minSeparation metres; sites closer than this conflict (0 for none)
     */
    public static CoverageProblem build(double[] dx, double[] dy, double[] w, int[] n, Sites sites, Viewshed view,
                                        double minSeparation) {
        int[][] reached = reached(dx, dy, sites, view);
        int[][] coveringSites = invert(reached, dx.length);
        int[] demandClass = new int[dx.length];
        Map<Key, Integer> classes = new HashMap<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        double unreachable = 0;
        for (int i = 0; i < dx.length; i++) {
            if (coveringSites[i].length == 0) {
                demandClass[i] = -1;
                unreachable += w[i];
                continue;
            }
            int c = classes.computeIfAbsent(new Key(coveringSites[i]), k -> {
                weights.add(0.0);
                counts.add(0);
                return weights.size() - 1;
            });
            demandClass[i] = c;
            weights.set(c, weights.get(c) + w[i]);
            counts.set(c, counts.get(c) + n[i]);
        }
        int[][] cover = new int[sites.size()][];
        for (int s = 0; s < sites.size(); s++) {
            cover[s] = Arrays.stream(reached[s]).map(i -> demandClass[i]).distinct().sorted().toArray();
        }
        return new CoverageProblem(weights.stream().mapToDouble(Double::doubleValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray(), cover, conflicts(sites, minSeparation),
                demandClass, unreachable);
    }

    public int siteCount() {
        return cover.length;
    }

    public int classCount() {
        return weight.length;
    }

    /** The weight of the demand classes the given sites reach together. */
    public double value(int[] chosen) {
        boolean[] hit = new boolean[weight.length];
        double v = 0;
        for (int s : chosen) {
            for (int c : cover[s]) {
                if (!hit[c]) {
                    hit[c] = true;
                    v += weight[c];
                }
            }
        }
        return v;
    }

    /** Whether no two of the given sites conflict. */
    public boolean feasible(int[] chosen) {
        for (int a = 0; a < chosen.length; a++) {
            for (int b = a + 1; b < chosen.length; b++) {
                if (chosen[a] == chosen[b] || Arrays.binarySearch(conflicts[chosen[a]], chosen[b]) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Per site, the demand points it reaches, found through a bucket grid of cell = radius. */
    private static int[][] reached(double[] dx, double[] dy, Sites sites, Viewshed view) {
        BucketGrid buckets = new BucketGrid(dx, dy, view.radius());
        int[][] out = new int[sites.size()][];
        IntList hits = new IntList();
        for (int s = 0; s < sites.size(); s++) {
            hits.clear();
            double sx = sites.x()[s];
            double sy = sites.y()[s];
            double bearing = sites.bearing()[s];
            buckets.near(sx, sy, i -> {
                if (view.sees(sx, sy, bearing, dx[i], dy[i])) {
                    hits.add(i);
                }
            });
            out[s] = hits.toSortedArray();
        }
        return out;
    }

    /** Per demand point, the sites reaching it, in ascending order. */
    private static int[][] invert(int[][] reached, int demands) {
        int[] n = new int[demands];
        for (int[] r : reached) {
            for (int i : r) {
                n[i]++;
            }
        }
        int[][] out = new int[demands][];
        for (int i = 0; i < demands; i++) {
            out[i] = new int[n[i]];
            n[i] = 0;
        }
        for (int s = 0; s < reached.length; s++) {
            for (int i : reached[s]) {
                out[i][n[i]++] = s;
            }
        }
        return out;
    }

    private static int[][] conflicts(Sites sites, double minSeparation) {
        int n = sites.size();
        int[][] out = new int[n][];
        if (minSeparation <= 0) {
            Arrays.fill(out, new int[0]);
            return withSameLocation(out, sites);
        }
        // Cells no finer than 25 m keep the bucket array small over a whole borough.
        BucketGrid buckets = new BucketGrid(sites.x(), sites.y(), Math.max(minSeparation, 25));
        IntList hits = new IntList();
        for (int s = 0; s < n; s++) {
            hits.clear();
            double sx = sites.x()[s];
            double sy = sites.y()[s];
            int loc = sites.location()[s];
            buckets.near(sx, sy, t -> {
                double ex = sites.x()[t] - sx;
                double ey = sites.y()[t] - sy;
                if (sites.location()[t] != loc && ex * ex + ey * ey < minSeparation * minSeparation) {
                    hits.add(t);
                }
            });
            out[s] = hits.toSortedArray();
        }
        return withSameLocation(out, sites);
    }

    /** Adds the pairs that share a location: a camera is one camera whichever way it faces. */
    private static int[][] withSameLocation(int[][] conflicts, Sites sites) {
        Map<Integer, IntList> byLocation = new HashMap<>();
        for (int s = 0; s < sites.size(); s++) {
            byLocation.computeIfAbsent(sites.location()[s], k -> new IntList()).add(s);
        }
        for (IntList group : byLocation.values()) {
            if (group.size() < 2) {
                continue;
            }
            int[] members = group.toSortedArray();
            for (int s : members) {
                IntList merged = new IntList();
                for (int t : conflicts[s]) {
                    merged.add(t);
                }
                for (int t : members) {
                    if (t != s) {
                        merged.add(t);
                    }
                }
                conflicts[s] = Arrays.stream(merged.toSortedArray()).distinct().toArray();
            }
        }
        return conflicts;
    }

    /** A sorted int array as a map key. */
    private record Key(int[] sites) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(sites, k.sites);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sites);
        }

        @Override
        public String toString() {
            return Arrays.toString(sites);
        }
    }
}
