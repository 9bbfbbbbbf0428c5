package uk.safermap.analysis.stats;

import java.util.Arrays;

/**
 * Benjamini-Hochberg false discovery rate control for the m local tests of a hot spot map, as ArcGIS
 * Hot Spot Analysis with "Apply False Discovery Rate (FDR) Correction" ticked and as Optimized Hot Spot
 * Analysis always does: only the hot spot bin changes, the z-scores and p-values stay uncorrected.
 *
 * <p>Method (Benjamini &amp; Hochberg 1995, JRSS B 57:289): sort the m p-values ascending,
 * p(1) &lt;= ... &lt;= p(m); the critical p at level alpha is the largest p(k) with
 * {@code p(k) <= k / m * alpha}. Every test whose p is at or below the critical p is significant at that
 * level. When no p(k) passes, nothing is significant at that level; {@link #criticalP} then returns 0,
 * which no p-value can be at or below, because then even the smallest exceeds {@code alpha / m > 0}
 * (PySAL's {@code esda.fdr} returns {@code alpha / m} instead, which selects the same nothing).
 *
 * <p>A cell's bin is the highest confidence (99, 95, 90 %) whose critical p its p-value is at or below,
 * signed by its z-score. Time O(m + c log c), c being the number of p-values at or below 0.10 (only
 * those can pass), shared by the three levels. Stateless and thread-safe.
 */
public final class FalseDiscoveryRate {

    /** The three significance levels of the bins: 90 %, 95 % and 99 % confidence. */
    public static final double ALPHA_90 = 0.10;
    public static final double ALPHA_95 = 0.05;
    public static final double ALPHA_99 = 0.01;

    private FalseDiscoveryRate() {
    }

    /**
     * The critical p-values for the three confidence levels; a test is significant at a level when its
     * p-value is at or below that level's critical p.
     *
     * @param p90       critical p for 90 % confidence
     * @param p95       critical p for 95 %
     * @param p99       critical p for 99 %
     * @param corrected whether these come from the FDR correction (else they are 0.10, 0.05, 0.01)
     */
    public record Thresholds(double p90, double p95, double p99, boolean corrected) {

        /** The uncorrected levels: 0.10, 0.05, 0.01 (ArcGIS without the FDR box). */
        public static final Thresholds UNCORRECTED = new Thresholds(ALPHA_90, ALPHA_95, ALPHA_99, false);

        /** ArcGIS {@code Gi_Bin} of a test: -3..3, 0 when not significant or when z is 0 or NaN. */
        public int bin(double z, double p) {
            int confidence = p <= p99 ? 3 : p <= p95 ? 2 : p <= p90 ? 1 : 0;
            if (z > 0) {
                return confidence;
            }
            if (z < 0) {
                return -confidence;
            }
            return 0;
        }

        /** The hot spot class of a test. */
        public HotSpotClass classify(double z, double p) {
            return HotSpotClass.ofBin(bin(z, p));
        }

        /** The critical p for one of the three levels (0.10, 0.05 or 0.01). */
        public double forAlpha(double alpha) {
            if (alpha == ALPHA_90) {
                return p90;
            }
            if (alpha == ALPHA_95) {
                return p95;
            }
            if (alpha == ALPHA_99) {
                return p99;
            }
            throw new IllegalArgumentException("alpha must be 0.10, 0.05 or 0.01, was " + alpha);
        }
    }

    /**
     * The Benjamini-Hochberg critical p-value of {@code pValues} at level {@code alpha}, or 0 when no
     * p-value passes.
     *
     * @param pValues the m p-values, each in [0, 1] (not modified)
     * @param alpha   the false discovery rate, in (0, 1)
     */
    public static double criticalP(double[] pValues, double alpha) {
        checkAlpha(alpha);
        Candidates c = candidates(pValues, null, alpha);
        return criticalPSorted(c.sorted, c.count, c.tests, alpha);
    }

    /**
     * The critical p-values for 90, 95 and 99 % confidence over the tests selected by {@code include}
     * (all when null), with FDR correction when {@code fdr}, else the plain levels.
     *
     * @param pValues p-values, each in [0, 1] where included
     * @param include which entries are tests (for example a study mask); null = all
     */
    public static Thresholds thresholds(double[] pValues, boolean[] include, boolean fdr) {
        if (!fdr) {
            return Thresholds.UNCORRECTED;
        }
        if (include != null && include.length != pValues.length) {
            throw new IllegalArgumentException("include must have one flag per p-value: " + include.length + " for " + pValues.length);
        }
        Candidates c = candidates(pValues, include, ALPHA_90);
        int m = c.tests;
        return new Thresholds(criticalPSorted(c.sorted, c.count, m, ALPHA_90), criticalPSorted(c.sorted, c.count, m, ALPHA_95),
                criticalPSorted(c.sorted, c.count, m, ALPHA_99), true);
    }

    /** The p-values at or below {@code alpha}, sorted ({@code count} of them), out of {@code tests}. */
    private record Candidates(double[] sorted, int count, int tests) {
    }

    /**
     * Only p-values at or below alpha can pass (p(k) &lt;= k/m alpha &lt;= alpha), and the rank of such a
     * p among all m equals its rank among them, since every smaller p is at or below alpha too. Sorting
     * just these is much cheaper than sorting all m when most cells are not significant.
     */
    private static Candidates candidates(double[] p, boolean[] include, double alpha) {
        double[] kept = new double[p.length];
        int count = 0;
        int tests = 0;
        for (int k = 0; k < p.length; k++) {
            if (include != null && !include[k]) {
                continue;
            }
            tests++;
            double v = p[k];
            // NaN would never pass and so hide a caller bug: refuse it with anything out of range.
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1]; p[" + k + "] was " + v);
            }
            if (v <= alpha) {
                kept[count++] = v;
            }
        }
        Arrays.sort(kept, 0, count);
        return new Candidates(kept, count, tests);
    }

    private static double criticalPSorted(double[] sorted, int count, int m, double alpha) {
        // Scan from the largest candidate: the first (largest) k that passes gives the critical p.
        for (int k = count; k >= 1; k--) {
            if (sorted[k - 1] <= (double) k * alpha / m) {
                return sorted[k - 1];
            }
        }
        return 0.0;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
    }
}
