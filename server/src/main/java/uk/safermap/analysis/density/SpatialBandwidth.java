package uk.safermap.analysis.density;

import java.util.Locale;

/**
 * The default search radius of ArcGIS Kernel Density (10.2.1 and later), a spatial variant of
 * Silverman's rule of thumb that is robust to spatial outliers:
 *
 * <pre>h = 0.9 * min(SD, sqrt(1 / ln 2) * Dm) * n^-0.2</pre>
 *
 * <p>SD is the standard distance, sqrt(sum w_i d_i^2 / sum w_i), Dm the (weighted) median of the
 * distances d_i from the (weighted) mean centre, and n the number of points, or the sum of the
 * weights when weights are given (as ArcGIS does with a population field). Source: Esri, "How
 * Kernel Density works" (ArcMap 10.3 / ArcGIS Pro help); Silverman (1986), eq. 3.31, for the
 * one-dimensional original. The sqrt(1/ln 2) factor makes Dm comparable to SD: for a bivariate
 * normal, the median distance is sqrt(ln 2) times the standard distance.
 *
 * <p>Coordinates in metres (British National Grid). O(n) time (the median is found by selection,
 * not sorting), O(n) extra memory. Stateless and thread-safe.
 */
public final class SpatialBandwidth {

    /** The rule's name, as reported with every density surface that used it. */
    public static final String RULE = "spatial Silverman (ArcGIS): 0.9 * min(SD, sqrt(1/ln 2) * Dm) * n^-0.2";

    /**
     * The rule's inputs and output, kept so they can be shown to the user.
     *
     * @param metres           the bandwidth h; 0 when fewer than two distinct points
     * @param standardDistance SD in metres
     * @param medianDistance   Dm in metres
     * @param count            n (points, or the sum of weights)
     */
    public record Estimate(double metres, double standardDistance, double medianDistance, double count) {

        /** One line for reports: the rule with its numbers filled in. */
        public String describe() {
            return String.format(Locale.ROOT, "%s; SD=%.1f m, Dm=%.1f m, n=%.6g -> h=%.1f m",
                    RULE, standardDistance, medianDistance, count, metres);
        }
    }

    private SpatialBandwidth() {
    }

    /**
     * The ArcGIS default bandwidth for the points (x, y) in metres, with optional non-negative
     * weights (null for unweighted). Input arrays are not modified.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static Estimate silverman(double[] x, double[] y, double[] weights) {
        int n = x.length;
        if (y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("x, y and weights must have the same length");
        }
        if (n == 0) {
            throw new IllegalArgumentException("the bandwidth rule needs at least one point");
        }
        double count = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            count += w;
            sx += w * x[i];
            sy += w * y[i];
        }
        if (!(count > 0)) {
            throw new IllegalArgumentException("the weights must not all be zero");
        }
        double mx = sx / count;
        double my = sy / count;
        double[] distances = new double[n];
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            double d2 = dx * dx + dy * dy;
            squares += (weights == null ? 1 : weights[i]) * d2;
            distances[i] = Math.sqrt(d2);
        }
        double sd = Math.sqrt(squares / count);
        double dm = Selection.weightedMedian(distances, weights == null ? null : weights.clone());
        double h = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * dm) * Math.pow(count, -0.2);
        return new Estimate(h, sd, dm, count);
    }
}
