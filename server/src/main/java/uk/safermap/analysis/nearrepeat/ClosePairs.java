package uk.safermap.analysis.nearrepeat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The pairs of incidents within the largest distance edge ("close pairs"), each stored once with its
 * distance band, as adjacency lists: the partners of the incident at position {@code i} in distance band
 * {@code s} are {@code partner[start[i * bands + s]] .. partner[start[i * bands + s + 1] - 1]}.
 *
 * <p>Positions are in bucket order ({@link #order}), not input order: incidents are sorted by the cell of
 * a square grid one largest edge wide, so a pair within that edge is always in the same or an adjacent
 * cell, and each owner's partners lie close together in memory. Only the forward half of the 3 x 3
 * neighbourhood is searched, so each pair is found once. Two passes (count, then fill) allocate the
 * lists exactly once. Immutable once built; safe to read from several threads.
 */
final class ClosePairs {

    /** Input index of the incident at each position. */
    final int[] order;
    final int[] start;
    final int[] partner;
    /** Pairs per distance band. */
    final long[] inBand;
    final long count;

    private ClosePairs(int[] order, int[] start, int[] partner, long[] inBand) {
        this.order = order;
        this.start = start;
        this.partner = partner;
        this.inBand = inBand;
        this.count = partner.length;
    }

    /**
     * @param edges    distance band edges, metres, strictly increasing
     * @param maxPairs refuse (IllegalArgumentException) rather than store more pairs than this
     */
    static ClosePairs find(double[] x, double[] y, double[] edges, Metric metric, long maxPairs) {
        Grid grid = new Grid(x, y, edges, metric);
        int n = x.length;
        int bands = edges.length;
        int[] start = new int[n * bands + 1];
        long[] found = {0};
        grid.forEachPair((owner, partner, band) -> {
            start[owner * bands + band + 1]++;
            if (++found[0] > maxPairs) {
                throw new IllegalArgumentException("more than " + maxPairs + " pairs of incidents lie within "
                        + BandLabels.number(edges[bands - 1]) + " m of each other; use a smaller largest distance"
                        + " or fewer incidents");
            }
        });
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] partners = new int[(int) found[0]];
        int[] cursor = Arrays.copyOf(start, start.length - 1);
        long[] inBand = new long[bands];
        grid.forEachPair((owner, partner, band) -> {
            partners[cursor[owner * bands + band]++] = partner;
            inBand[band]++;
        });
        return new ClosePairs(grid.order, start, partners, inBand);
    }

    @FunctionalInterface
    private interface PairVisitor {
        void visit(int owner, int partner, int band);
    }

    /** The incidents in bucket order and the bucket geometry; used only while finding the pairs. */
    private static final class Grid {
        private final double[] edges;
        private final Metric metric;
        private final int n;
        private final int[] order;
        private final double[] px;
        private final double[] py;
        private final long[] keys;
        private final long columns;

        Grid(double[] x, double[] y, double[] edges, Metric metric) {
            this.edges = edges;
            this.metric = metric;
            n = x.length;
            double minX = Arrays.stream(x).min().orElseThrow();
            double minY = Arrays.stream(y).min().orElseThrow();
            double span = Math.max(Arrays.stream(x).max().orElseThrow() - minX,
                    Arrays.stream(y).max().orElseThrow() - minY);
            // A hair wider than the largest edge, so rounding in (x - minX) / size never puts two points
            // exactly one edge apart two cells apart; at least span / 1e6, so keys fit in a long.
            double size = Math.max(edges[edges.length - 1] * (1 + 1e-6), span / 1e6);
            double cell = size > 0 ? size : 1.0;
            columns = (long) (span / cell) + 2;
            long[] inputKeys = new long[n];
            for (int i = 0; i < n; i++) {
                inputKeys[i] = (long) ((y[i] - minY) / cell) * columns + (long) ((x[i] - minX) / cell);
            }
            // Ties keep input order (stable sort), so the same input always gives the same positions.
            order = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong(i -> inputKeys[i]))
                    .mapToInt(Integer::intValue).toArray();
            px = new double[n];
            py = new double[n];
            keys = new long[n];
            for (int p = 0; p < n; p++) {
                px[p] = x[order[p]];
                py[p] = y[order[p]];
                keys[p] = inputKeys[order[p]];
            }
        }

        /** Visits every pair within the largest edge once, as (owner position, partner position, band). */
        void forEachPair(PairVisitor visitor) {
            int[] from = new int[4];
            int[] to = new int[4];
            for (int p = 0; p < n; ) {
                int end = endOfCell(keys[p], p);
                long column = keys[p] % columns;
                // The forward half of the 3 x 3 neighbourhood: east, and the three cells to the north.
                long[] forward = {
                        column + 1 < columns ? keys[p] + 1 : -1,
                        column > 0 ? keys[p] + columns - 1 : -1,
                        keys[p] + columns,
                        column + 1 < columns ? keys[p] + columns + 1 : -1};
                for (int b = 0; b < forward.length; b++) {
                    from[b] = forward[b] < 0 ? end : startOfCell(forward[b], end);
                    to[b] = forward[b] < 0 ? end : endOfCell(forward[b], from[b]);
                }
                for (int i = p; i < end; i++) {
                    visitRange(visitor, i, i + 1, end);
                    for (int b = 0; b < forward.length; b++) {
                        visitRange(visitor, i, from[b], to[b]);
                    }
                }
                p = end;
            }
        }

        private void visitRange(PairVisitor visitor, int owner, int from, int to) {
            for (int j = from; j < to; j++) {
                double d = metric.distance(px[j] - px[owner], py[j] - py[owner]);
                // The first edge >= d: bands are closed on the right, so d equal to an edge stays in it.
                int band = Arrays.binarySearch(edges, d);
                band = band >= 0 ? band : -band - 1;
                if (band < edges.length) {
                    visitor.visit(owner, j, band);
                }
            }
        }

        /** First position at or after {@code from} whose key is at least {@code key}. */
        private int startOfCell(long key, int from) {
            int lo = from;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int endOfCell(long key, int from) {
            int to = from;
            while (to < n && keys[to] == key) {
                to++;
            }
            return to;
        }
    }
}
