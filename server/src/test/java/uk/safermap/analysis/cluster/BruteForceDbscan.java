package uk.safermap.analysis.cluster;

/**
 * DBSCAN by the definitions, O(n^2) time: the reference {@link Dbscan} must equal point for point.
 * Same neighbourhood predicate ({@code dx*dx + dy*dy <= eps*eps}, the point itself included), same
 * numbering (by smallest input index of a core point) and same border rule (smallest cluster id
 * among the core points within eps).
 */
final class BruteForceDbscan {

    private BruteForceDbscan() {
    }

    static Clustering cluster(double[] x, double[] y, double eps, int minPoints) {
        int n = x.length;
        double epsSq = eps * eps;
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (within(x, y, i, j, epsSq)) {
                    count++;
                }
            }
            core[i] = count >= minPoints;
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (core[i] && core[j] && within(x, y, i, j, epsSq)) {
                    root[find(root, i)] = find(root, j);
                }
            }
        }
        int[] idOfRoot = new int[n];
        java.util.Arrays.fill(idOfRoot, -1);
        int[] labels = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i] && idOfRoot[find(root, i)] < 0) {
                idOfRoot[find(root, i)] = clusters++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                labels[i] = idOfRoot[find(root, i)];
                continue;
            }
            labels[i] = Clustering.NOISE;
            for (int j = 0; j < n; j++) {
                if (core[j] && within(x, y, i, j, epsSq)) {
                    int id = idOfRoot[find(root, j)];
                    labels[i] = labels[i] == Clustering.NOISE ? id : Math.min(labels[i], id);
                }
            }
        }
        return new Clustering(labels, core, clusters);
    }

    private static boolean within(double[] x, double[] y, int i, int j, double epsSq) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        return dx * dx + dy * dy <= epsSq;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }
}
