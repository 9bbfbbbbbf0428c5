package uk.safermap.placement.mclp;

import java.util.function.IntConsumer;

/**
 * Points bucketed on a square grid of side {@code cell}, for "everything within one cell of
 * here" queries: the 3 x 3 block of buckets around a position holds every point within
 * {@code cell} metres of it. Stored as counting-sorted index arrays (no per-bucket objects).
 */
final class BucketGrid {

    private final double minX;
    private final double minY;
    private final double cell;
    private final int cols;
    private final int rows;
    private final int[] start;
    private final int[] members;

    BucketGrid(double[] x, double[] y, double cell) {
        this.cell = cell;
        double[] extent = bounds(x, y);
        minX = extent[0];
        minY = extent[1];
        cols = (int) Math.floor((extent[2] - extent[0]) / cell) + 1;
        rows = (int) Math.floor((extent[3] - extent[1]) / cell) + 1;
        if ((long) cols * rows > 50_000_000L) {
            throw new IllegalArgumentException("points spread over " + cols + " x " + rows + " cells of " + cell
                    + " m: too many for one grid");
        }
        start = new int[cols * rows + 1];
        int[] bucket = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            bucket[i] = col(x[i]) + cols * row(y[i]);
            start[bucket[i] + 1]++;
        }
        for (int b = 0; b < cols * rows; b++) {
            start[b + 1] += start[b];
        }
        members = new int[x.length];
        int[] fill = start.clone();
        for (int i = 0; i < x.length; i++) {
            members[fill[bucket[i]]++] = i;
        }
    }

    /** {minX, minY, maxX, maxY} of the points; all 0 when there are none. */
    static double[] bounds(double[] x, double[] y) {
        if (x.length == 0) {
            return new double[4];
        }
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) {
            b[0] = Math.min(b[0], x[i]);
            b[1] = Math.min(b[1], y[i]);
            b[2] = Math.max(b[2], x[i]);
            b[3] = Math.max(b[3], y[i]);
        }
        return b;
    }

    /** Calls {@code visit} with every point in the 3 x 3 buckets around (px, py). */
    void near(double px, double py, IntConsumer visit) {
        int c = (int) Math.floor((px - minX) / cell);
        int r = (int) Math.floor((py - minY) / cell);
        for (int rr = Math.max(r - 1, 0); rr <= Math.min(r + 1, rows - 1); rr++) {
            for (int cc = Math.max(c - 1, 0); cc <= Math.min(c + 1, cols - 1); cc++) {
                int b = cc + cols * rr;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    visit.accept(members[k]);
                }
            }
        }
    }

    private int col(double x) {
        return (int) Math.floor((x - minX) / cell);
    }

    private int row(double y) {
        return (int) Math.floor((y - minY) / cell);
    }
}
