package uk.safermap.store;

import uk.safermap.domain.Category;

import java.util.Arrays;

/**
 * Incidents as parallel primitive arrays, the form the analysis algorithms take: grid position
 * in metres, when (month index, and day and minute where known), category and flags. Built by
 * the store for one query; index i is the same incident in every array. Stores answer in
 * ascending id order ({@link #sortedById}), which {@link #positionsOf} relies on.
 *
 * @param monthIndex  months since year 0 ({@code year * 12 + month - 1}), always known
 * @param epochDay    day number (days since 1970-01-01), or -1 when only the month is known
 * @param minuteOfDay 0..1439, or -1 when no time is known
 * @param category    {@link Category} ordinal
 * @param location    location text, only when asked for (else null)
 */
public record PointSet(long[] ids, double[] easting, double[] northing, int[] monthIndex, int[] epochDay,
                       int[] minuteOfDay, byte[] category, boolean[] sensitive, String[] location) {

    public int size() {
        return ids.length;
    }

    public Category category(int i) {
        return Category.values()[category[i]];
    }

    /** The incidents whose {@code keep} flag is set, in the same order. */
    public PointSet subset(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        int[] idx = new int[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                idx[j++] = i;
            }
        }
        return pick(idx, n);
    }

    /** The same incidents in ascending id order (this set itself when already in that order). */
    public PointSet sortedById() {
        int n = size();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = ids[i - 1] < ids[i];
        }
        if (sorted) {
            return this;
        }
        // A stable merge sort (TimSort) is near linear on the almost-sorted heap order a
        // whole-table read returns, which is why the store reads without ORDER BY.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = order[i];
        }
        return pick(idx, n);
    }

    /**
     * Where the given incidents are in this set (ascending id order, as stores answer), in the
     * order given; ids this set does not hold are left out. No boxed map of every id: each id is
     * found by a galloping search from where the previous one was (Bentley and Yao 1976), so ids
     * given in ascending order (a cluster's members are) cost a merge, however many there are.
     */
    public int[] positionsOf(long[] wanted) {
        int[] out = new int[wanted.length];
        int n = 0;
        int from = 0;
        long previous = Long.MIN_VALUE;
        for (long id : wanted) {
            int at = gallop(id > previous ? from : 0, id);
            if (at >= 0) {
                out[n++] = at;
            }
            from = at >= 0 ? at + 1 : -(at + 1);
            previous = id;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** {@link Arrays#binarySearch} for {@code id} at or after {@code from}, over steps doubling from there. */
    private int gallop(int from, long id) {
        int step = 1;
        int lo = from;
        int hi = from;
        while (hi < ids.length && ids[hi] < id) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        return Arrays.binarySearch(ids, lo, Math.min(hi + 1, ids.length), id);
    }

    /** The incidents at the first {@code n} positions of {@code idx}, in that order. */
    public PointSet pick(int[] idx, int n) {
        long[] newIds = new long[n];
        double[] e = new double[n];
        double[] no = new double[n];
        int[] month = new int[n];
        int[] day = new int[n];
        int[] minute = new int[n];
        byte[] cat = new byte[n];
        boolean[] sens = new boolean[n];
        String[] loc = location == null ? null : new String[n];
        for (int j = 0; j < n; j++) {
            int i = idx[j];
            newIds[j] = ids[i];
            e[j] = easting[i];
            no[j] = northing[i];
            month[j] = monthIndex[i];
            day[j] = epochDay[i];
            minute[j] = minuteOfDay[i];
            cat[j] = category[i];
            sens[j] = sensitive[i];
            if (loc != null) {
                loc[j] = location[i];
            }
        }
        return new PointSet(newIds, e, no, month, day, minute, cat, sens, loc);
    }
}
