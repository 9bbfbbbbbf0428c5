package uk.safermap.analysis.stats;

import java.util.Arrays;

/**
 * The Mann-Kendall test for a monotonic trend in a series (Mann 1945; Kendall 1975, Rank Correlation
 * Methods), as used per location by ArcGIS Emerging Hot Spot Analysis on the series of Gi* z-scores.
 *
 * <pre>
 *   S     = sum_{i &lt; j} sign(x_j - x_i)
 *   Var S = (n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)) / 18      (t_g = size of tie group g)
 *   z     = (S - 1) / sqrt(Var S) if S &gt; 0,  0 if S = 0,  (S + 1) / sqrt(Var S) if S &lt; 0
 *   p     = 2 (1 - Phi(|z|))                                    (two-sided, normal approximation)
 *   tau   = S / sqrt((n(n-1)/2 - sum_g t_g(t_g-1)/2) * n(n-1)/2)   (Kendall's tau-b against time)
 * </pre>
 * The variance has the usual correction for ties and z the continuity correction (Hipel &amp; McLeod
 * 1994, Time Series Modelling of Water Resources and Environmental Systems); S, Var S, z and p are those
 * of Python {@code pymannkendall.original_test}, and tau is the tau-b of R {@code Kendall::MannKendall},
 * which sfdep's emerging hot spot analysis calls (pymannkendall reports tau-a, S / (n(n-1)/2), instead;
 * the two differ only with ties and agree in sign, which is all the EHSA categories use). The p-value is
 * the normal approximation for every n; for very short series (n &lt; 10) it is approximate.
 *
 * <p>Degenerate series: n &lt; 2, or all values equal, give S = 0, z = 0, p = 1, tau = 0.
 * Time O(n^2) (n is a number of time steps, tens); stateless and thread-safe.
 */
public final class MannKendall {

    private MannKendall() {
    }

    /**
     * @param n        series length
     * @param s        Mann-Kendall S
     * @param varianceS variance of S under no trend, corrected for ties
     * @param z        continuity-corrected z-score
     * @param p        two-sided p-value
     * @param tau      Kendall's tau-b between value and time, -1..1
     */
    public record Result(int n, long s, double varianceS, double z, double p, double tau) {

        /** Whether there is a trend significant at {@code alpha}, and in which direction: +1, -1 or 0. */
        public int trend(double alpha) {
            if (!(p <= alpha)) {
                return 0;
            }
            return Long.signum(s);
        }
    }

    /**
     * Tests {@code series} (in time order) for a monotonic trend.
     *
     * @throws IllegalArgumentException if a value is NaN
     */
    public static Result test(double[] series) {
        int n = series.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(series[i])) {
                throw new IllegalArgumentException("the series must not contain NaN; value " + i + " was NaN");
            }
        }
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            double xi = series[i];
            for (int j = i + 1; j < n; j++) {
                double xj = series[j];
                // Written as two comparisons so the JIT can avoid branches: the signs are unpredictable.
                s += (xj > xi ? 1 : 0) - (xj < xi ? 1 : 0);
            }
        }
        double[] sorted = series.clone();
        Arrays.sort(sorted);
        double tieVar = 0;
        double tiePairs = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            if (t > 1) {
                tieVar += t * (t - 1) * (2 * t + 5);
                tiePairs += t * (t - 1) / 2;
            }
            i = j + 1;
        }
        double nn = n;
        double var = (nn * (nn - 1) * (2 * nn + 5) - tieVar) / 18;
        double pairs = nn * (nn - 1) / 2;
        if (s == 0 || !(var > 0)) {
            return new Result(n, s, Math.max(0, var), 0.0, 1.0, 0.0);
        }
        double z = (s - Long.signum(s)) / Math.sqrt(var);
        double p = GetisOrdGiStar.twoSidedP(z);
        double tau = s / Math.sqrt((pairs - tiePairs) * pairs);
        return new Result(n, s, var, z, p, tau);
    }
}
