package uk.safermap.geo;

import java.util.Arrays;

/**
 * The distinct positions among a set of points, and which of them each point is at. police.uk
 * publishes every incident at one of a fixed set of anonymised map points (about 3,200 in a
 * borough the size of Melton; docs/methods.md), so a million incidents sit at a few thousand
 * positions, and anything that depends only on position (what a camera sees, where a hot spot is
 * busiest) is computed once per position instead of once per incident.
 *
 * <p>Positions are equal when their coordinates are the same doubles. They are numbered in the
 * order they first occur, so a computation over positions meets them in the order it would
 * have met their first points. Found with an open-addressing hash on the coordinate bits: no
 * boxing, no strings. Instances are immutable.
 */
public final class DistinctPoints {

    private final double[] x;
    private final double[] y;
    private final int[] pointOf;
    /** Per position, how many points are at it, and the first of them (in the order given). */
    private final int[] count;
    private final int[] first;

    private DistinctPoints(double[] x, double[] y, int[] pointOf, int[] count, int[] first) {
        this.x = x;
        this.y = y;
        this.pointOf = pointOf;
        this.count = count;
        this.first = first;
    }

    /** The distinct positions of all the points. */
    public static DistinctPoints of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and "
                    + y.length);
        }
        int[] all = new int[x.length];
        Arrays.setAll(all, i -> i);
        return of(x, y, all);
    }

    /** The distinct positions of the points {@code (x[i], y[i])} for i in {@code members}. */
    public static DistinctPoints of(double[] x, double[] y, int[] members) {
        // The table grows with the positions found, not the points: a few thousand positions
        // stay in cache however many points there are.
        int[] table = new int[1024];
        double[] px = new double[512];
        double[] py = new double[512];
        int[] counts = new int[512];
        int[] first = new int[512];
        int[] pointOf = new int[members.length];
        int count = 0;
        for (int k = 0; k < members.length; k++) {
            double mx = x[members[k]];
            double my = y[members[k]];
            int slot = find(table, px, py, mx, my);
            if (table[slot] == 0) {
                if (count == px.length) {
                    px = Arrays.copyOf(px, 2 * count);
                    py = Arrays.copyOf(py, 2 * count);
                    counts = Arrays.copyOf(counts, 2 * count);
                    first = Arrays.copyOf(first, 2 * count);
                    table = rehashed(px, py, count, 2 * px.length);
                    slot = find(table, px, py, mx, my);
                }
                px[count] = mx;
                py[count] = my;
                first[count] = k;
                table[slot] = ++count;
            }
            int p = table[slot] - 1;
            pointOf[k] = p;
            counts[p]++;
        }
        return new DistinctPoints(Arrays.copyOf(px, count), Arrays.copyOf(py, count), pointOf,
                Arrays.copyOf(counts, count), Arrays.copyOf(first, count));
    }

    /** The slot holding (mx, my), or the free slot where it goes; slots hold point number + 1, 0 is free. */
    private static int find(int[] table, double[] px, double[] py, double mx, double my) {
        int mask = table.length - 1;
        long h = (Double.doubleToLongBits(mx) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(my))
                * 0xff51afd7ed558ccdL;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (table[slot] != 0 && (px[table[slot] - 1] != mx || py[table[slot] - 1] != my)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** A table of {@code size} slots (at least twice the points, so probes stay short) holding the first {@code count}. */
    private static int[] rehashed(double[] px, double[] py, int count, int size) {
        int[] table = new int[size];
        for (int p = 0; p < count; p++) {
            table[find(table, px, py, px[p], py[p])] = p + 1;
        }
        return table;
    }

    /** How many distinct positions. */
    public int size() {
        return x.length;
    }

    /** Per position, its easting (or x), in order of first occurrence. */
    public double[] x() {
        return x.clone();
    }

    /** Per position, its northing (or y), in order of first occurrence. */
    public double[] y() {
        return y.clone();
    }

    /** How many points were given. */
    public int pointCount() {
        return pointOf.length;
    }

    /** The position of the k-th point given. */
    public int pointOf(int k) {
        return pointOf[k];
    }

    /** Per position, how many of the points are at it. */
    public int[] counts() {
        return count.clone();
    }

    /** Per position, the first point at it (its index in the order the points were given). */
    public int[] firstPoints() {
        return first.clone();
    }

    /** Per point given, in that order, the value of its position: {@code valueOfPosition[pointOf(k)]}. */
    public int[] perPoint(int[] valueOfPosition) {
        if (valueOfPosition.length != size()) {
            throw new IllegalArgumentException("one value per position: " + size() + " positions, got "
                    + valueOfPosition.length + " values");
        }
        int[] out = new int[pointOf.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = valueOfPosition[pointOf[k]];
        }
        return out;
    }

    /** Per position, the sum of {@code values} (one per point given, in that order) of the points at it. */
    public double[] sums(double[] values) {
        if (values.length != pointOf.length) {
            throw new IllegalArgumentException("one value per point: " + pointOf.length + " points, got "
                    + values.length + " values");
        }
        double[] out = new double[size()];
        for (int k = 0; k < values.length; k++) {
            out[pointOf[k]] += values[k];
        }
        return out;
    }
}
