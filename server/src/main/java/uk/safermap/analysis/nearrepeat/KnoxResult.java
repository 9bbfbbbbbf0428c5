package uk.safermap.analysis.nearrepeat;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a {@link KnoxTest}: a table of incident pairs by distance band (rows) and time band
 * (columns), each cell with the observed count, the mean count over the permutations, their ratio and a
 * pseudo p-value. Arrays are indexed {@code [spaceBand][timeBand]}, in the order of {@link #spaceBands()}
 * and {@link #timeBands()}; the last row and column are the open "more than" bands.
 *
 * <p>All arrays are copied in and out, so a result is an immutable value and safe to share.
 *
 * @param spaceBands       distance bands, metres, nearest first
 * @param timeBands        time bands, days, shortest first
 * @param observed         pairs {@code i < j} per cell; the cells sum to {@code pairCount}
 * @param expected         mean count per cell over the permutations (dates shuffled, locations fixed)
 * @param ratio            Knox ratio {@code observed / expected}; {@code NaN} where {@code expected} is 0
 *                         (no permutation put a pair in that cell), which JSON writers should emit as null
 * @param p                one-sided pseudo p-value {@code (1 + #{permutations with count >= observed}) / (N + 1)},
 *                         per cell, not corrected for the number of cells tested
 * @param significant      {@code p <= }{@link #SIGNIFICANCE_LEVEL}; never true when {@code permutations < 19}
 * @param metric           how distances were measured
 * @param permutations     number of permutations N
 * @param seed             the seed of the permutations; the same input, bands, N and seed give the same result
 * @param incidents        number of incidents n
 * @param pairCount        all pairs, {@code n (n - 1) / 2}
 * @param closePairCount   pairs within the largest finite distance band (the pairs the permutations re-count)
 * @param notes            caveats about this run, in plain English, for the user
 */
public record KnoxResult(List<KnoxBand> spaceBands, List<KnoxBand> timeBands,
                         long[][] observed, double[][] expected, double[][] ratio, double[][] p,
                         boolean[][] significant, Metric metric, int permutations, long seed,
                         int incidents, long pairCount, long closePairCount, List<String> notes) {

    /** The per-cell p-value at or below which a cell is flagged {@link #significant()}. */
    public static final double SIGNIFICANCE_LEVEL = 0.05;

    public KnoxResult {
        spaceBands = List.copyOf(spaceBands);
        timeBands = List.copyOf(timeBands);
        observed = copy(observed);
        expected = copy(expected);
        ratio = copy(ratio);
        p = copy(p);
        significant = copy(significant);
        notes = List.copyOf(notes);
    }

    @Override
    public long[][] observed() {
        return copy(observed);
    }

    @Override
    public double[][] expected() {
        return copy(expected);
    }

    @Override
    public double[][] ratio() {
        return copy(ratio);
    }

    @Override
    public double[][] p() {
        return copy(p);
    }

    @Override
    public boolean[][] significant() {
        return copy(significant);
    }

    /** Observed pairs in one cell, without copying the table. */
    public long observed(int spaceBand, int timeBand) {
        return observed[spaceBand][timeBand];
    }

    /** Mean permuted count in one cell. */
    public double expected(int spaceBand, int timeBand) {
        return expected[spaceBand][timeBand];
    }

    /** Knox ratio in one cell ({@code NaN} if its expected count is 0). */
    public double ratio(int spaceBand, int timeBand) {
        return ratio[spaceBand][timeBand];
    }

    /** Pseudo p-value of one cell. */
    public double p(int spaceBand, int timeBand) {
        return p[spaceBand][timeBand];
    }

    /** Whether one cell is over-represented at {@link #SIGNIFICANCE_LEVEL}. */
    public boolean significant(int spaceBand, int timeBand) {
        return significant[spaceBand][timeBand];
    }

    /** The smallest p-value N permutations can give, {@code 1 / (N + 1)}. */
    public double smallestPossibleP() {
        return 1.0 / (permutations + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnoxResult r
                && spaceBands.equals(r.spaceBands) && timeBands.equals(r.timeBands)
                && Arrays.deepEquals(observed, r.observed) && Arrays.deepEquals(expected, r.expected)
                && Arrays.deepEquals(ratio, r.ratio) && Arrays.deepEquals(p, r.p)
                && Arrays.deepEquals(significant, r.significant) && metric == r.metric
                && permutations == r.permutations && seed == r.seed && incidents == r.incidents
                && pairCount == r.pairCount && closePairCount == r.closePairCount && notes.equals(r.notes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(observed) + Arrays.deepHashCode(expected) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "KnoxResult[incidents=" + incidents + ", permutations=" + permutations + ", seed=" + seed
                + ", metric=" + metric + ", observed=" + Arrays.deepToString(observed)
                + ", ratio=" + Arrays.deepToString(ratio) + ", p=" + Arrays.deepToString(p) + "]";
    }

    private static long[][] copy(long[][] a) {
        return Arrays.stream(a).map(long[]::clone).toArray(long[][]::new);
    }

    private static double[][] copy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    private static boolean[][] copy(boolean[][] a) {
        return Arrays.stream(a).map(boolean[]::clone).toArray(boolean[][]::new);
    }
}
