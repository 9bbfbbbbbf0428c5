package uk.safermap.analysis.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of a {@link Dbscan} run, one entry per input point.
 *
 * <p>{@code labels[i]} is the cluster of point {@code i}, numbered {@code 0 .. clusterCount - 1},
 * or {@link #NOISE}; {@code core[i]} says whether point {@code i} is a core point. A labelled
 * point that is not core is a border point.
 *
 * <p>The arrays are owned by the record and are not copied (a million points would mean copying
 * 5 MB on every access); callers must not modify them. Equality compares their contents, so two
 * clusterings are equal when they label every point the same way.
 *
 * @param labels cluster id of each point, or {@link #NOISE}
 * @param core whether each point is a core point
 * @param clusterCount number of clusters; every id in {@code 0 .. clusterCount - 1} has a core point
 */
public record Clustering(int[] labels, boolean[] core, int clusterCount) {

    /** The label of a point that belongs to no cluster. */
    public static final int NOISE = -1;

    public Clustering {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(core, "core");
        if (labels.length != core.length) {
            throw new IllegalArgumentException("labels and core must have the same length, got "
                    + labels.length + " and " + core.length);
        }
        if (clusterCount < 0) {
            throw new IllegalArgumentException("clusterCount must be >= 0, got " + clusterCount);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < NOISE || labels[i] >= clusterCount || (core[i] && labels[i] == NOISE)) {
                throw new IllegalArgumentException("point " + i + " has label " + labels[i] + (core[i] ? " (core)" : "")
                        + "; labels must be in -1.." + (clusterCount - 1) + " and core points must be in a cluster");
            }
        }
    }

    /** An all-noise clustering of {@code n} points. */
    static Clustering allNoise(int n) {
        int[] labels = new int[n];
        Arrays.fill(labels, NOISE);
        return new Clustering(labels, new boolean[n], 0);
    }

    /** The number of points clustered. */
    public int size() {
        return labels.length;
    }

    public boolean isNoise(int point) {
        return labels[point] == NOISE;
    }

    /** Number of points (core and border) in each cluster, indexed by cluster id. */
    public int[] sizes() {
        int[] sizes = new int[clusterCount];
        for (int label : labels) {
            if (label != NOISE) {
                sizes[label]++;
            }
        }
        return sizes;
    }

    public int noiseCount() {
        int count = 0;
        for (int label : labels) {
            if (label == NOISE) {
                count++;
            }
        }
        return count;
    }

    public int coreCount() {
        int count = 0;
        for (boolean c : core) {
            if (c) {
                count++;
            }
        }
        return count;
    }

    /**
     * The indexes of the points of each cluster in ascending order, indexed by cluster id. One
     * counting sort, O(n), so prefer it to filtering the labels once per cluster.
     */
    public int[][] members() {
        return members(labels, clusterCount);
    }

    /**
     * The indexes of the items of each group in ascending order, indexed by group, given each
     * item's group in {@code 0 .. groups - 1} or {@link #NOISE} for none: one counting sort.
     */
    public static int[][] members(int[] labels, int groups) {
        int[] sizes = new int[groups];
        for (int label : labels) {
            if (label != NOISE) {
                sizes[label]++;
            }
        }
        int[][] members = new int[groups][];
        for (int c = 0; c < groups; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] filled = new int[groups];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label != NOISE) {
                members[label][filled[label]++] = i;
            }
        }
        return members;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering other
                && clusterCount == other.clusterCount
                && Arrays.equals(labels, other.labels)
                && Arrays.equals(core, other.core);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(labels) + Arrays.hashCode(core)) + clusterCount;
    }

    /**
     * A summary, with the labels of up to 50 points (core points starred); more would swamp a log
     * line or a test failure.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Clustering[points=").append(size())
                .append(", clusters=").append(clusterCount)
                .append(", core=").append(coreCount())
                .append(", noise=").append(noiseCount());
        if (size() <= 50) {
            out.append(", labels=[");
            for (int i = 0; i < labels.length; i++) {
                out.append(i == 0 ? "" : ", ").append(labels[i]).append(core[i] ? "*" : "");
            }
            out.append(']');
        }
        return out.append(']').toString();
    }
}
