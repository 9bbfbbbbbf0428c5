package uk.safermap.analysis.nearrepeat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The Knox test for space-time interaction with Monte Carlo permutation of dates, as in Ratcliffe's Near
 * Repeat Calculator (NRC) and its R and Python ports ({@code wsteenbeek/NearRepeat},
 * {@code tobydavies/NearRepeat}; Knox 1964, Applied Statistics 13:25; Johnson et al. 2007, J Quant
 * Criminol 23:201).
 *
 * <p>Every pair of incidents {@code i < j} is put in one cell of a table by its distance (metres) and its
 * time lag {@code |day_i - day_j|} (whole days). The observed table is compared with tables from N random
 * permutations of the days among the incidents, locations fixed: {@code expected} is the mean permuted
 * count, the Knox ratio is {@code observed / expected}, and the pseudo p-value is
 * {@code (1 + #{permutations with count >= observed}) / (N + 1)}, one-sided, as in
 * {@code wsteenbeek/NearRepeat:R/NearRepeat.R}.
 *
 * <h2>Bands</h2>
 * Edges {@code e0 < e1 < ... < ek} give the bands {@code [0, e0]}, {@code (e0, e1]}, ...,
 * {@code (ek-1, ek]} and {@code (ek, infinity)}. So distances {@code 0,100,200,400} give "same location"
 * [0, 0], (0, 100], (100, 200], (200, 400] and "more than 400 m"; days {@code 0,7,14,28} give "same day",
 * 1-7, 8-14, 15-28 and "more than 28 days". Why closed on the right:
 * <ul>
 *   <li>An edge reads as "within": 200 m and 14 days include a pair exactly 200 m and 14 days apart, which
 *       is how near-repeat windows are stated ("within 200 m for 2 weeks").</li>
 *   <li>Lags are whole days, so (0, 7] is exactly 1 to 7 days and the labels cannot be off by one. The NRC
 *       has been shown to label as "a to b" what it computes as [a-1, b) (Steenbeek, NearRepeat vignette
 *       "NRC"); the R port's default [a, b) needs a fudge edge such as 0.001 m to isolate same-location
 *       pairs.</li>
 *   <li>A leading edge of 0 separates exact repeats (same place, same day) from near repeats, like the
 *       NRC's automatic "same location" band, with no arbitrary tolerance. Same location means the two
 *       grid points are identical; police.uk snapping and address geocoding make that common.</li>
 * </ul>
 * This matches the Python port's default ({@code interval_side="left"}, i.e. (a, b]) with a leading 0 edge;
 * unlike both ports, the "more than" row and column are always added, so every pair is counted.
 *
 * <h2>Method</h2>
 * Only pairs within the largest finite distance ("close pairs") are enumerated, with a grid of buckets one
 * largest distance wide, and stored once as adjacency lists grouped by distance band. Each permutation
 * shuffles the days and re-counts only the close pairs whose lag is within the largest finite day edge.
 * The rest follows by subtraction. A distance band's "more than" column is its pair count minus the pairs
 * counted in its other columns. The number of pairs in each time band over ALL pairs does not change when
 * days are permuted (a permutation of incidents permutes the pairs), so it is computed once from the
 * sorted days in {@code O(n log n)}, and the "more than" distance row is that total minus the close rows.
 *
 * <p>Complexity: {@code O(n log n + C)} to build, where C is the number of candidate pairs in neighbouring
 * buckets (about 3 times the close pairs P for Euclidean distance), then {@code O(n + P)} per permutation;
 * memory {@code O(n * bands + P)} ints. Measured: 3 to 6 ns per close pair per permutation on one core of
 * the 2 GHz build machine. P grows with the square of local density, so it is capped at
 * {@link #MAX_CLOSE_PAIRS}; the result reports {@code closePairCount}, the driver of the cost.
 *
 * <p>Thread-safety: instances are immutable and may be shared; each run keeps its state in a private
 * per-run object. {@link #run(double[], double[], int[])} uses only the calling thread;
 * {@link #run(double[], double[], int[], Executor)} spreads the permutations over an executor. Each
 * permutation draws from its own {@link SplittableRandom}, split from the seed in order, so the result
 * depends on the seed only, never on the threads (for a given Java version's SplittableRandom).
 */
public final class KnoxTest {

    public static final int DEFAULT_PERMUTATIONS = 99;
    public static final int MAX_PERMUTATIONS = 9_999;
    /** At most this many edges per dimension. */
    public static final int MAX_EDGES = 20;
    /** Largest input accepted; the analysis is meant for one area and crime type at a time. */
    public static final int MAX_INCIDENTS = 1_000_000;
    /** Most pairs allowed within the largest distance edge: 4 bytes each, re-counted in every permutation. */
    public static final long MAX_CLOSE_PAIRS = 50_000_000L;
    /** Fewer permutations than this cannot give {@code p <= 0.05}: the smallest p is {@code 1 / (N + 1)}. */
    public static final int MIN_PERMUTATIONS_FOR_SIGNIFICANCE = 19;
    /** Permutations are split into this many tasks when an executor is given (balances uneven threads). */
    public static final int PARALLEL_TASKS = 16;

    private final double[] distanceEdges;
    private final int[] dayEdges;
    private final int permutations;
    private final long seed;
    private final Metric metric;
    private final List<KnoxBand> spaceBands;
    private final List<KnoxBand> timeBands;

    /**
     * Runs the test with {@value #DEFAULT_PERMUTATIONS} permutations and Euclidean distance.
     *
     * @see #KnoxTest(double[], int[], int, long, Metric)
     * @see #run(double[], double[], int[])
     */
    public static KnoxResult compute(double[] x, double[] y, int[] day, double[] distanceEdgesMetres,
                                     int[] dayEdges, long seed) {
        return new KnoxTest(distanceEdgesMetres, dayEdges, DEFAULT_PERMUTATIONS, seed, Metric.EUCLIDEAN)
                .run(x, y, day);
    }

    /**
     * @param distanceEdgesMetres upper ends of the distance bands, metres: 1 to {@value #MAX_EDGES} finite
     *                            values, non-negative, strictly increasing; a first edge of 0 makes a
     *                            "same location" band. A "more than" band is added after the last.
     * @param dayEdges            upper ends of the time bands, whole days, same rules; 0 first makes
     *                            "same day"
     * @param permutations        number of date permutations N, 1 to {@value #MAX_PERMUTATIONS}
     *                            (at least 19 for {@code p <= 0.05} to be possible; 99 or 999 usual)
     * @param seed                seed of the permutations
     * @param metric              Euclidean or Manhattan distance
     * @throws IllegalArgumentException naming the parameter and the accepted range
     */
    public KnoxTest(double[] distanceEdgesMetres, int[] dayEdges, int permutations, long seed, Metric metric) {
        this.distanceEdges = checkDistanceEdges(distanceEdgesMetres);
        this.dayEdges = checkDayEdges(dayEdges);
        if (permutations < 1 || permutations > MAX_PERMUTATIONS) {
            throw new IllegalArgumentException("permutations must be 1.." + MAX_PERMUTATIONS + ", got " + permutations);
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric must be EUCLIDEAN or MANHATTAN, got null");
        }
        this.permutations = permutations;
        this.seed = seed;
        this.metric = metric;
        this.spaceBands = BandLabels.distanceBands(distanceEdges);
        this.timeBands = BandLabels.dayBands(this.dayEdges);
    }

    /**
     * Runs the test on the calling thread.
     *
     * @param x   eastings, BNG metres
     * @param y   northings, BNG metres
     * @param day day number of each incident (e.g. {@code LocalDate.toEpochDay()}); incidents known only to
     *            the month have no day and must be left out by the caller
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 or more than
     *                                  {@value #MAX_INCIDENTS} incidents, a coordinate is not finite, the
     *                                  days span more than {@code Integer.MAX_VALUE}, or more than
     *                                  {@value #MAX_CLOSE_PAIRS} pairs lie within the largest distance edge
     */
    public KnoxResult run(double[] x, double[] y, int[] day) {
        checkInput(x, y, day);
        return new Instance(x, y, day).compute(null);
    }

    /**
     * Runs the test with the permutations spread over {@code executor} in up to {@value #PARALLEL_TASKS}
     * tasks. The result is identical to {@link #run(double[], double[], int[])}: each permutation has its own
     * random stream. The caller owns the executor and so decides how many cores one request may take.
     *
     * @throws IllegalArgumentException as {@link #run(double[], double[], int[])}, or if executor is null
     */
    public KnoxResult run(double[] x, double[] y, int[] day, Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("executor must be given; use run(x, y, day) for the calling thread");
        }
        checkInput(x, y, day);
        return new Instance(x, y, day).compute(executor);
    }

    public List<KnoxBand> spaceBands() {
        return spaceBands;
    }

    public List<KnoxBand> timeBands() {
        return timeBands;
    }

    private static double[] checkDistanceEdges(double[] edges) {
        if (edges == null || edges.length < 1 || edges.length > MAX_EDGES) {
            throw new IllegalArgumentException("distance edges must be 1.." + MAX_EDGES + " values in metres, got "
                    + (edges == null ? "none" : edges.length));
        }
        for (int i = 0; i < edges.length; i++) {
            boolean ok = Double.isFinite(edges[i]) && edges[i] >= 0 && (i == 0 || edges[i] > edges[i - 1]);
            if (!ok) {
                throw new IllegalArgumentException("distance edges must be finite, >= 0 and strictly increasing, got "
                        + Arrays.toString(edges));
            }
        }
        // + 0.0 turns -0.0 into 0.0, which the binary search for a distance's band would order before 0.
        return Arrays.stream(edges).map(e -> e + 0.0).toArray();
    }

    private static int[] checkDayEdges(int[] edges) {
        if (edges == null || edges.length < 1 || edges.length > MAX_EDGES) {
            throw new IllegalArgumentException("day edges must be 1.." + MAX_EDGES + " whole days, got "
                    + (edges == null ? "none" : edges.length));
        }
        for (int i = 0; i < edges.length; i++) {
            if (edges[i] < 0 || (i > 0 && edges[i] <= edges[i - 1])) {
                throw new IllegalArgumentException("day edges must be >= 0 and strictly increasing, got "
                        + Arrays.toString(edges));
            }
        }
        return edges.clone();
    }

    private static void checkInput(double[] x, double[] y, int[] day) {
        if (x == null || y == null || day == null || x.length != y.length || x.length != day.length) {
            throw new IllegalArgumentException("x, y and day must be given with one value per incident");
        }
        if (x.length < 2 || x.length > MAX_INCIDENTS) {
            throw new IllegalArgumentException("incidents must be 2.." + MAX_INCIDENTS + ", got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("coordinates must be finite metres, incident " + i + " has ("
                        + x[i] + ", " + y[i] + ")");
            }
        }
        long span = (long) Arrays.stream(day).max().orElseThrow() - Arrays.stream(day).min().orElseThrow();
        if (span > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("day numbers must span at most " + Integer.MAX_VALUE
                    + " days, got " + span);
        }
    }

    /** The per-run state: close pairs, the days in their order, and the margins fixed under permutation. */
    private final class Instance {
        private final int n;
        private final int spaceInner = distanceEdges.length;
        private final int timeInner = dayEdges.length;
        private final int columns = timeInner + 1;
        private final int cells = (spaceInner + 1) * columns;
        private final long pairCount;
        private final ClosePairs close;
        /** Days in the close pairs' (bucket) order, the order every per-run array uses. */
        private final int[] days;
        /** Pairs per time band over all pairs, "more than" last: the same under every permutation. */
        private final long[] pairsInTimeBand;
        /** Time band of each lag up to the largest day edge (or the data's span, if shorter). */
        private final int[] timeBandOfLag;
        private final int maxLag;

        Instance(double[] x, double[] y, int[] day) {
            n = x.length;
            pairCount = (long) n * (n - 1) / 2;
            close = ClosePairs.find(x, y, distanceEdges, metric, MAX_CLOSE_PAIRS);
            days = new int[n];
            for (int p = 0; p < n; p++) {
                days[p] = day[close.order[p]];
            }
            int[] sorted = days.clone();
            Arrays.sort(sorted);
            pairsInTimeBand = countTimeBands(sorted);
            maxLag = (int) Math.min(dayEdges[timeInner - 1], (long) sorted[n - 1] - sorted[0]);
            timeBandOfLag = new int[maxLag + 1];
            for (int lag = 0, t = 0; lag <= maxLag; lag++) {
                while (lag > dayEdges[t]) {
                    t++;
                }
                timeBandOfLag[lag] = t;
            }
        }

        /** Pairs per time band over all n(n-1)/2 pairs, by two pointers over the sorted days. */
        private long[] countTimeBands(int[] sorted) {
            long[] counts = new long[columns];
            long previous = 0;
            for (int t = 0; t < timeInner; t++) {
                long within = 0;
                for (int i = 0, j = 0; i < n; i++) {
                    j = Math.max(j, i);
                    while (j + 1 < n && (long) sorted[j + 1] - sorted[i] <= dayEdges[t]) {
                        j++;
                    }
                    within += j - i;
                }
                counts[t] = within - previous;
                previous = within;
            }
            counts[timeInner] = pairCount - previous;
            return counts;
        }

        KnoxResult compute(Executor executor) {
            long[] observed = table(days, new int[spaceInner * timeInner]);
            // One stream per permutation, split in order, so the answer does not depend on how the
            // permutations are spread over threads.
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom[] streams = new SplittableRandom[permutations];
            for (int k = 0; k < permutations; k++) {
                streams[k] = root.split();
            }
            Tally total = new Tally(new long[cells], new int[cells]);
            if (executor == null) {
                total.add(permute(observed, streams, 0, permutations));
            } else {
                int tasks = Math.min(permutations, PARALLEL_TASKS);
                List<CompletableFuture<Tally>> parts = new ArrayList<>();
                for (int t = 0; t < tasks; t++) {
                    int from = (int) ((long) permutations * t / tasks);
                    int to = (int) ((long) permutations * (t + 1) / tasks);
                    parts.add(CompletableFuture.supplyAsync(() -> permute(observed, streams, from, to), executor));
                }
                parts.forEach(part -> total.add(join(part)));
            }
            return result(observed, total);
        }

        /** Permutations {@code from} to {@code to - 1}; reads only state that is fixed once built. */
        private Tally permute(long[] observed, SplittableRandom[] streams, int from, int to) {
            Tally tally = new Tally(new long[cells], new int[cells]);
            int[] shuffled = new int[n];
            int[] scratch = new int[spaceInner * timeInner];
            for (int k = from; k < to; k++) {
                System.arraycopy(days, 0, shuffled, 0, n);
                shuffle(shuffled, streams[k]);
                long[] permuted = table(shuffled, scratch);
                for (int c = 0; c < cells; c++) {
                    tally.sum[c] += permuted[c];
                    if (permuted[c] >= observed[c]) {
                        tally.atLeastObserved[c]++;
                    }
                }
            }
            return tally;
        }

        /**
         * The full table, row-major {@code [space][time]}, for one assignment of days (bucket order). Only
         * close pairs are visited, and only those within the largest day edge are counted; the "more than"
         * column and row follow by subtraction from the fixed margins.
         */
        private long[] table(int[] assigned, int[] counted) {
            Arrays.fill(counted, 0);
            int[] start = close.start;
            int[] partner = close.partner;
            for (int i = 0; i < n; i++) {
                int dayI = assigned[i];
                int base = i * spaceInner;
                for (int s = 0; s < spaceInner; s++) {
                    int row = s * timeInner;
                    for (int k = start[base + s], end = start[base + s + 1]; k < end; k++) {
                        int lag = Math.abs(dayI - assigned[partner[k]]);
                        if (lag <= maxLag) {
                            counted[row + timeBandOfLag[lag]]++;
                        }
                    }
                }
            }
            long[] table = new long[cells];
            for (int s = 0; s < spaceInner; s++) {
                long sum = 0;
                for (int t = 0; t < timeInner; t++) {
                    table[s * columns + t] = counted[s * timeInner + t];
                    sum += counted[s * timeInner + t];
                }
                table[s * columns + timeInner] = close.inBand[s] - sum;
            }
            for (int t = 0; t < columns; t++) {
                long near = 0;
                for (int s = 0; s < spaceInner; s++) {
                    near += table[s * columns + t];
                }
                table[spaceInner * columns + t] = pairsInTimeBand[t] - near;
            }
            return table;
        }

        /** Fisher-Yates. */
        private void shuffle(int[] a, SplittableRandom random) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = a[i];
                a[i] = a[j];
                a[j] = swap;
            }
        }

        private KnoxResult result(long[] observedCells, Tally tally) {
            int rows = spaceInner + 1;
            long[][] observed = new long[rows][columns];
            double[][] expected = new double[rows][columns];
            double[][] ratio = new double[rows][columns];
            double[][] p = new double[rows][columns];
            boolean[][] significant = new boolean[rows][columns];
            boolean undefinedRatio = false;
            for (int s = 0; s < rows; s++) {
                for (int t = 0; t < columns; t++) {
                    int c = s * columns + t;
                    observed[s][t] = observedCells[c];
                    expected[s][t] = (double) tally.sum[c] / permutations;
                    ratio[s][t] = tally.sum[c] == 0 ? Double.NaN : observed[s][t] / expected[s][t];
                    undefinedRatio |= tally.sum[c] == 0;
                    p[s][t] = (1.0 + tally.atLeastObserved[c]) / (permutations + 1.0);
                    significant[s][t] = p[s][t] <= KnoxResult.SIGNIFICANCE_LEVEL;
                }
            }
            return new KnoxResult(spaceBands, timeBands, observed, expected, ratio, p, significant, metric,
                    permutations, seed, n, pairCount, close.count, notes(undefinedRatio));
        }

        private List<String> notes(boolean undefinedRatio) {
            List<String> notes = new ArrayList<>();
            if (permutations < MIN_PERMUTATIONS_FOR_SIGNIFICANCE) {
                notes.add("With " + permutations + " permutations the smallest possible p-value is 1/"
                        + (permutations + 1) + ", so no cell can reach p <= 0.05; use at least "
                        + MIN_PERMUTATIONS_FOR_SIGNIFICANCE + " (99 or 999 is usual).");
            }
            notes.add("p-values are one-sided (more pairs than expected) and per cell, not corrected for testing "
                    + cells + " cells: about 1 in 20 cells can reach p <= 0.05 by chance alone.");
            if (close.count == 0) {
                notes.add("No two incidents are within " + BandLabels.number(distanceEdges[spaceInner - 1])
                        + " m of each other, so every pair is in the last distance band.");
            }
            if (undefinedRatio) {
                notes.add("The Knox ratio is undefined where no permutation put any pair in the cell (expected 0).");
            }
            return notes;
        }
    }

    private static Tally join(CompletableFuture<Tally> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Per-cell sums of permuted counts, and how many permutations reached the observed count. */
    private record Tally(long[] sum, int[] atLeastObserved) {
        void add(Tally other) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] += other.sum[c];
                atLeastObserved[c] += other.atLeastObserved[c];
            }
        }
    }
}
