package uk.safermap.analysis.density;

import java.util.Arrays;

/**
 * Order statistics in expected linear time (Hoare's quickselect with three-way partitioning),
 * because sorting a million distances or four million cells costs more than the whole kernel
 * density on this machine. The arrays passed in are reordered.
 */
final class Selection {

    private Selection() {
    }

    /**
     * The weighted median of {@code values}: the smallest value whose cumulative weight reaches
     * half the total, averaged with the next larger value when the cumulative weight hits half
     * exactly, so that unit weights give the textbook median. {@code weights} may be null
     * (all 1); both arrays are reordered together.
     */
    static double weightedMedian(double[] values, double[] weights) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double total = weights == null ? n : sum(weights);
        double half = total / 2;
        int lo = 0;
        int hi = n;
        double weightBelow = 0;
        while (true) {
            double pivot = medianOfThree(values, lo, hi);
            long bounds = partition3(values, weights, lo, hi, pivot);
            int lt = (int) (bounds >>> 32);
            int gt = (int) bounds;
            double wLess = weight(weights, lo, lt);
            double wEqual = weight(weights, lt, gt);
            if (weightBelow + wLess >= half && lt > lo) {
                hi = lt;
            } else if (weightBelow + wLess + wEqual >= half || gt == hi) {
                double cumulative = weightBelow + wLess + wEqual;
                if (Math.abs(cumulative - half) <= 1e-12 * total) {
                    return (pivot + smallestAbove(values, pivot)) / 2;
                }
                return pivot;
            } else {
                weightBelow += wLess + wEqual;
                lo = gt;
            }
        }
    }

    /**
     * Percentiles {@code qs} (0..100) of {@code values} with linear interpolation between order
     * statistics (numpy's default): rank = q/100 * (n - 1). {@code values} is reordered.
     */
    static double[] percentiles(double[] values, double[] qs) {
        int n = values.length;
        double[] out = new double[qs.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        Integer[] order = new Integer[qs.length];
        for (int i = 0; i < qs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(qs[a], qs[b]));
        // Ranks ascend, so each selection only has to search right of the previous one.
        int from = 0;
        for (int idx : order) {
            double rank = qs[idx] / 100.0 * (n - 1);
            int k = (int) Math.floor(rank);
            double frac = rank - k;
            select(values, from, n, k);
            double v = values[k];
            if (frac > 0 && k + 1 < n) {
                select(values, k + 1, n, k + 1);
                v += frac * (values[k + 1] - v);
            }
            out[idx] = v;
            from = k;
        }
        return out;
    }

    /**
     * Percentiles (0..100) of the values &gt; 0 in {@code values}, as {@link #percentiles} would give
     * for them, without copying or reordering the array: two passes and a histogram. A
     * four-million-cell grid takes a few tens of milliseconds instead of a few hundred.
     *
     * <p>The histogram buckets are the top bits of the values' IEEE 754 representations, which
     * order positive doubles like the numbers themselves: 2^12 buckets per power of two. The
     * first pass counts each bucket; the ranks wanted then fall in known buckets, whose values the
     * second pass collects so that a selection among them finishes the job.
     */
    static double[] percentilesOfPositive(double[] values, double[] qs) {
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        int m = 0;
        for (double v : values) {
            if (v > 0) {
                long bits = Double.doubleToRawLongBits(v);
                lowest = Math.min(lowest, bits);
                highest = Math.max(highest, bits);
                m++;
            }
        }
        double[] out = new double[qs.length];
        if (m == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int shift = 40;
        while (((highest >>> shift) - (lowest >>> shift)) >= 1 << 20) {
            shift++;
        }
        long base = lowest >>> shift;
        int[] count = new int[(int) ((highest >>> shift) - base) + 1];
        for (double v : values) {
            if (v > 0) {
                count[(int) ((Double.doubleToRawLongBits(v) >>> shift) - base)]++;
            }
        }
        // Order statistics k and k + 1 for every percentile, and the buckets holding them.
        long[] ranks = new long[2 * qs.length];
        for (int i = 0; i < qs.length; i++) {
            double rank = qs[i] / 100.0 * (m - 1);
            ranks[2 * i] = (long) Math.floor(rank);
            ranks[2 * i + 1] = Math.min(ranks[2 * i] + 1, m - 1);
        }
        int[] cumulative = new int[count.length + 1];
        for (int b = 0; b < count.length; b++) {
            cumulative[b + 1] = cumulative[b] + count[b];
        }
        int[] bucketOf = new int[ranks.length];
        int[] firstRankIn = new int[ranks.length];
        int[] slotOfBucket = new int[count.length];
        Arrays.fill(slotOfBucket, -1);
        int slots = 0;
        for (int r = 0; r < ranks.length; r++) {
            // The bucket b with cumulative[b] <= rank < cumulative[b + 1].
            int lo = 0;
            int hi = count.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (cumulative[mid] <= ranks[r]) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int b = lo;
            bucketOf[r] = b;
            firstRankIn[r] = cumulative[b];
            if (slotOfBucket[b] < 0) {
                slotOfBucket[b] = slots++;
            }
        }
        double[][] members = new double[slots][];
        int[] filled = new int[slots];
        for (int b = 0; b < count.length; b++) {
            if (slotOfBucket[b] >= 0) {
                members[slotOfBucket[b]] = new double[count[b]];
            }
        }
        for (double v : values) {
            if (v > 0) {
                int slot = slotOfBucket[(int) ((Double.doubleToRawLongBits(v) >>> shift) - base)];
                if (slot >= 0) {
                    members[slot][filled[slot]++] = v;
                }
            }
        }
        // Within a bucket, take its ranks in ascending order so each selection narrows the last.
        Integer[] byRank = new Integer[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            byRank[r] = r;
        }
        Arrays.sort(byRank, (a, b) -> Long.compare(ranks[a], ranks[b]));
        double[] statistic = new double[ranks.length];
        int[] selectedUpTo = new int[slots];
        for (int r : byRank) {
            double[] bucketValues = members[slotOfBucket[bucketOf[r]]];
            int slot = slotOfBucket[bucketOf[r]];
            int k = (int) (ranks[r] - firstRankIn[r]);
            select(bucketValues, selectedUpTo[slot], bucketValues.length, k);
            selectedUpTo[slot] = k;
            statistic[r] = bucketValues[k];
        }
        for (int i = 0; i < qs.length; i++) {
            double low = statistic[2 * i];
            double frac = qs[i] / 100.0 * (m - 1) - ranks[2 * i];
            out[i] = frac > 0 ? low + frac * (statistic[2 * i + 1] - low) : low;
        }
        return out;
    }

    /** Puts the k-th smallest of values[from, to) at index k, smaller ones left and larger right. */
    static void select(double[] values, int from, int to, int k) {
        int lo = from;
        int hi = to;
        while (hi - lo > 1) {
            double pivot = medianOfThree(values, lo, hi);
            long bounds = partition3(values, null, lo, hi, pivot);
            int lt = (int) (bounds >>> 32);
            int gt = (int) bounds;
            if (k < lt) {
                hi = lt;
            } else if (k >= gt) {
                lo = gt;
            } else {
                return;
            }
        }
    }

    /**
     * Dutch-flag partition of [lo, hi) around pivot: [lo, lt) &lt; pivot, [lt, gt) == pivot,
     * [gt, hi) &gt; pivot. Returns lt and gt packed in a long to avoid an allocation per step.
     */
    private static long partition3(double[] v, double[] w, int lo, int hi, double pivot) {
        int lt = lo;
        int i = lo;
        int gt = hi;
        while (i < gt) {
            double x = v[i];
            if (x < pivot) {
                swap(v, w, lt++, i++);
            } else if (x > pivot) {
                swap(v, w, i, --gt);
            } else {
                i++;
            }
        }
        return ((long) lt << 32) | (gt & 0xffffffffL);
    }

    private static double medianOfThree(double[] v, int lo, int hi) {
        double a = v[lo];
        double b = v[lo + (hi - lo) / 2];
        double c = v[hi - 1];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] v, double[] w, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
        if (w != null) {
            t = w[i];
            w[i] = w[j];
            w[j] = t;
        }
    }

    private static double weight(double[] w, int from, int to) {
        if (w == null) {
            return to - from;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += w[i];
        }
        return s;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s;
    }

    private static double smallestAbove(double[] values, double pivot) {
        double best = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v > pivot && v < best) {
                best = v;
            }
        }
        return best == Double.POSITIVE_INFINITY ? pivot : best;
    }
}
