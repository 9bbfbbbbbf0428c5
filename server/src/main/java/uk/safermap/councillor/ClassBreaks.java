package uk.safermap.councillor;

import java.util.Arrays;

/**
 * Class breaks for a choropleth: the upper bound of each class, ascending, the last being the
 * maximum. Quantiles put about the same number of areas in each class; natural breaks (Jenks
 * 1967, Fisher's exact dynamic programme) minimise the spread within classes. With fewer
 * distinct values than classes, each distinct value is its own class.
 */
public final class ClassBreaks {

    private ClassBreaks() {
    }

    public static double[] quantile(double[] values, int classes) {
        double[] v = distinctSorted(values);
        if (v.length <= classes) {
            return v;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[classes];
        for (int k = 1; k <= classes; k++) {
            // The value at the k/classes quantile, by the nearest-rank rule.
            int rank = (int) Math.ceil((double) k * sorted.length / classes);
            out[k - 1] = sorted[Math.max(0, rank - 1)];
        }
        return Arrays.stream(out).distinct().toArray();
    }

    /** Fisher-Jenks: the partition of the sorted values into classes with least within-class squared deviation. */
    public static double[] naturalBreaks(double[] values, int classes) {
        double[] v = distinctSorted(values);
        if (v.length <= classes) {
            return v;
        }
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double[] prefix = new double[n + 1];
        double[] prefixSq = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
            prefixSq[i + 1] = prefixSq[i] + x[i] * x[i];
        }
        // cost[k][j]: least squared deviation of x[0..j) in k classes; cut[k][j]: start of the last class.
        double[][] cost = new double[classes + 1][n + 1];
        int[][] cut = new int[classes + 1][n + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= classes; k++) {
            for (int j = k; j <= n; j++) {
                for (int i = k - 1; i < j; i++) {
                    double c = cost[k - 1][i] + deviation(prefix, prefixSq, i, j);
                    if (c < cost[k][j]) {
                        cost[k][j] = c;
                        cut[k][j] = i;
                    }
                }
            }
        }
        double[] out = new double[classes];
        for (int k = classes, j = n; k >= 1; k--) {
            out[k - 1] = x[j - 1];
            j = cut[k][j];
        }
        return out;
    }

    /** Squared deviation of x[i..j) from its mean, from prefix sums. */
    private static double deviation(double[] prefix, double[] prefixSq, int i, int j) {
        double sum = prefix[j] - prefix[i];
        return prefixSq[j] - prefixSq[i] - sum * sum / (j - i);
    }

    /** The class (0-based) of a value, given the breaks. */
    public static int classOf(double value, double[] breaks) {
        for (int k = 0; k < breaks.length; k++) {
            if (value <= breaks[k]) {
                return k;
            }
        }
        return breaks.length - 1;
    }

    private static double[] distinctSorted(double[] values) {
        return Arrays.stream(values).distinct().sorted().toArray();
    }
}
