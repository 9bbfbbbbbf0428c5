package uk.safermap.analysis.density;

import java.util.stream.IntStream;

/**
 * Binning for fast kernel density (Wand 1994, "Fast computation of multivariate kernel
 * estimators", JCGS 3:433): each point's weight is shared among the lattice nodes around it, so
 * that a convolution of the node weights with the kernel sampled at node offsets approximates the
 * kernel sum. {@link Order#LINEAR} is Wand's linear binning (2 x 2 nodes, bilinear weights);
 * {@link Order#CUBIC} uses the 4 x 4 nodes with cubic Lagrange weights.
 *
 * <p>Why cubic: binning then convolving evaluates, at each node m, the interpolant of
 * q -&gt; K(m - q) at the true point. Linear interpolation errs by t(1-t)/2 cell^2 K'' per axis, up
 * to cell^2 / h^2 of a point's peak (0.25 % at h = 20 cells), always with the same sign near a
 * peak, so it does not average out over many points, and police.uk points pile up on snap
 * points. Cubic interpolation errs by O(cell^4 / h^4) inside the kernel and by O(cell^2 / h^2) of
 * the (small) kernel value only within a cell or two of its edge, where the quartic's second
 * derivative jumps. Both keep a point's weight and its centre; cubic weights can be negative, so
 * the binned grid, and the surface just beyond a kernel's edge, may be slightly negative.
 *
 * <p>Points are bucketed by bands of rows first (a counting sort), because scattering a million
 * points in input order into a 33 MB buffer misses the cache on almost every point; within a band
 * the rows touched fit in L2. Bands two apart never touch the same row, so even bands and then odd
 * bands are binned in parallel.
 */
final class Binning {

    /** Rows per band; at least 4 so that a point's 4 rows reach only the neighbouring bands. */
    private static final int BAND_ROWS = 8;

    /** How a point's weight is shared among lattice nodes. */
    enum Order {
        /** The 2 x 2 nodes around the point, bilinear weights (never negative). */
        LINEAR(1, 2),
        /** The 4 x 4 nodes around the point, cubic Lagrange weights. */
        CUBIC(2, 4);

        /** Nodes needed on the low side (including the node at or below the point) and in all. */
        final int below;
        final int span;

        Order(int below, int span) {
            this.below = below;
            this.span = span;
        }
    }

    private Binning() {
    }

    /**
     * Adds the points into {@code buffer}, whose node (i, j) is at (x0 + i*cell, y0 + j*cell) and
     * stored at {@code j * stride + i}, for 0 &lt;= i &lt; cols, 0 &lt;= j &lt; rows. Points whose 4 x 4
     * nodes are not all inside are skipped (the caller pads the lattice so these are beyond the
     * kernel's reach). Returns the weight binned.
     */
    static double bin(Order order, double[] x, double[] y, double[] weights, double x0, double y0, double cell,
                      double[] buffer, int rows, int cols, int stride, boolean parallel) {
        // The stencil, nodes floor(g) - below + 1 .. floor(g) + span - below, must lie in [0, n).
        double low = order.below - 1;
        double highX = cols - (order.span - order.below);
        double highY = rows - (order.span - order.below);
        double inverseCell = 1 / cell;
        int n = x.length;
        int bands = (rows + BAND_ROWS - 1) / BAND_ROWS;
        int[] band = new int[n];
        int[] start = new int[bands + 1];
        for (int k = 0; k < n; k++) {
            double gx = (x[k] - x0) * inverseCell;
            double gy = (y[k] - y0) * inverseCell;
            if (gx >= low && gx < highX && gy >= low && gy < highY) {
                band[k] = (int) gy / BAND_ROWS;
                start[band[k] + 1]++;
            } else {
                band[k] = -1;
            }
        }
        for (int b = 0; b < bands; b++) {
            start[b + 1] += start[b];
        }
        int kept = start[bands];
        double[] sx = new double[kept];
        double[] sy = new double[kept];
        double[] sw = weights == null ? null : new double[kept];
        int[] next = start.clone();
        for (int k = 0; k < n; k++) {
            int b = band[k];
            if (b >= 0) {
                int at = next[b]++;
                sx[at] = (x[k] - x0) * inverseCell;
                sy[at] = (y[k] - y0) * inverseCell;
                if (sw != null) {
                    sw[at] = weights[k];
                }
            }
        }
        for (int parity = 0; parity < 2; parity++) {
            int first = parity;
            IntStream stream = IntStream.range(0, (bands - first + 1) / 2);
            (parallel ? stream.parallel() : stream).forEach(h -> {
                int b = first + 2 * h;
                if (order == Order.CUBIC) {
                    binBandCubic(sx, sy, sw, start[b], start[b + 1], buffer, stride);
                } else {
                    binBandLinear(sx, sy, sw, start[b], start[b + 1], buffer, stride);
                }
            });
        }
        double total = 0;
        if (sw == null) {
            total = kept;
        } else {
            for (double w : sw) {
                total += w;
            }
        }
        return total;
    }

    private static void binBandLinear(double[] gx, double[] gy, double[] w, int from, int to, double[] buffer,
                                      int stride) {
        for (int k = from; k < to; k++) {
            int i = (int) gx[k];
            int j = (int) gy[k];
            double fx = gx[k] - i;
            double fy = gy[k] - j;
            double weight = w == null ? 1 : w[k];
            int at = j * stride + i;
            buffer[at] += weight * (1 - fx) * (1 - fy);
            buffer[at + 1] += weight * fx * (1 - fy);
            buffer[at + stride] += weight * (1 - fx) * fy;
            buffer[at + stride + 1] += weight * fx * fy;
        }
    }

    private static void binBandCubic(double[] gx, double[] gy, double[] w, int from, int to, double[] buffer, int stride) {
        double[] wx = new double[4];
        double[] wy = new double[4];
        for (int k = from; k < to; k++) {
            int i = (int) gx[k];
            int j = (int) gy[k];
            lagrange(gx[k] - i, wx);
            lagrange(gy[k] - j, wy);
            double weight = w == null ? 1 : w[k];
            int at = (j - 1) * stride + i - 1;
            for (int b = 0; b < 4; b++, at += stride) {
                double wb = weight * wy[b];
                buffer[at] += wb * wx[0];
                buffer[at + 1] += wb * wx[1];
                buffer[at + 2] += wb * wx[2];
                buffer[at + 3] += wb * wx[3];
            }
        }
    }

    /** Cubic Lagrange weights of nodes -1, 0, 1, 2 for a point at t in [0, 1). */
    static void lagrange(double t, double[] w) {
        double a = t + 1;
        double b = t - 1;
        double c = t - 2;
        w[0] = -t * b * c / 6;
        w[1] = a * b * c / 2;
        w[2] = -a * t * c / 2;
        w[3] = a * t * b / 6;
    }
}
