package uk.safermap.analysis.nearrepeat;

/**
 * The Knox table by looking at every pair, written straight from the band definition (first band whose
 * upper edge is at least the value, else the open last band), as a reference for the fast counting.
 */
final class BruteForceKnox {

    private BruteForceKnox() {
    }

    static long[][] table(double[] x, double[] y, int[] day, double[] distanceEdges, int[] dayEdges, Metric metric) {
        long[][] table = new long[distanceEdges.length + 1][dayEdges.length + 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double d = metric == Metric.EUCLIDEAN
                        ? Math.hypot(x[i] - x[j], y[i] - y[j])
                        : Math.abs(x[i] - x[j]) + Math.abs(y[i] - y[j]);
                table[band(d, distanceEdges)][band(Math.abs((long) day[i] - day[j]), dayEdges)]++;
            }
        }
        return table;
    }

    private static int band(double value, double[] edges) {
        int b = 0;
        while (b < edges.length && value > edges[b]) {
            b++;
        }
        return b;
    }

    private static int band(long value, int[] edges) {
        int b = 0;
        while (b < edges.length && value > edges[b]) {
            b++;
        }
        return b;
    }
}
