package uk.safermap.analysis.stats;

import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.StudyMask;

/**
 * Global Moran's I on a square grid with a fixed distance band and binary weights (a cell is not its
 * own neighbour), with the z-score under the randomisation null hypothesis, as ArcGIS Spatial
 * Autocorrelation (Global Moran's I) and PySAL {@code esda.Moran(...).z_rand}.
 *
 * <p>With z_i = x_i - Xbar over the n study cells, w_ij = 1 for distinct study cells within the band:
 * <pre>
 *   I = n / S0 * sum_ij w_ij z_i z_j / sum_i z_i^2,            S0 = sum_ij w_ij
 *   E[I] = -1 / (n - 1)
 *   E[I^2] = (n((n^2 - 3n + 3) S1 - n S2 + 3 S0^2) - b2((n^2 - n) S1 - 2n S2 + 6 S0^2))
 *            / ((n - 1)(n - 2)(n - 3) S0^2)
 *   z = (I - E[I]) / sqrt(E[I^2] - E[I]^2),   b2 = n sum z_i^4 / (sum z_i^2)^2
 * </pre>
 * with, for symmetric binary weights, S1 = 2 S0 and S2 = 4 sum_i k_i^2 (k_i = neighbours of i)
 * (Cliff &amp; Ord 1981, Spatial Processes: Models and Applications, ch. 1; the same expressions as esda's {@code seI_rand}).
 * These are the exact mean and variance of I over all permutations of the values among the cells.
 *
 * <p>Undefined results (n &lt; 4, no neighbour pairs, or all values equal) have z = NaN. Time
 * O(cells * (2R + 1)). Stateless; thread-safe.
 */
public final class GlobalMoransI {

    private GlobalMoransI() {
    }

    /**
     * @param moransI  I
     * @param expected E[I] = -1 / (n - 1)
     * @param variance Var[I] under randomisation
     * @param z        (I - E[I]) / sqrt(Var[I]), NaN when undefined
     * @param n        number of study cells
     * @param pairs    S0, the number of ordered neighbour pairs
     */
    public record Result(double moransI, double expected, double variance, double z, int n, double pairs) {
    }

    /**
     * Moran's I of the values over the study cells with a distance band.
     *
     * @param values     one per grid cell; cells outside the mask are ignored
     * @param mask       the study cells
     * @param bandMetres distance band, metres (finite, &gt;= 0)
     */
    public static Result compute(double[] values, StudyMask mask, double bandMetres) {
        return compute(values, mask, BandStencil.of(mask.grid(), bandMetres));
    }

    static Result compute(double[] values, StudyMask mask, BandStencil stencil) {
        int cells = mask.grid().cellCount();
        if (values.length != cells) {
            throw new IllegalArgumentException("values must have one entry per grid cell: " + values.length + " for " + cells);
        }
        boolean[] in = mask.inside();
        int n = mask.size();
        if (n == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        GetisOrdGiStar.Moments m = GetisOrdGiStar.Moments.of(values, in);
        double[] dev = new double[cells];
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < cells; i++) {
            if (in[i]) {
                double d = values[i] - m.mean();
                dev[i] = d;
                m2 += d * d;
                m4 += d * d * d * d;
            }
        }
        double[] lag = stencil.windowSums(dev, in, new double[cells]);
        int[] w = stencil.neighbourCounts(in);
        double cross = 0;
        double s0 = 0;
        double sumK2 = 0;
        for (int i = 0; i < cells; i++) {
            if (in[i]) {
                // The stencil includes the cell itself; Moran's I does not.
                cross += dev[i] * (lag[i] - dev[i]);
                double k = w[i] - 1;
                s0 += k;
                sumK2 += k * k;
            }
        }
        double nn = n;
        double expected = -1.0 / (nn - 1);
        if (n < 4 || s0 == 0 || m2 == 0) {
            double i = (s0 == 0 || m2 == 0) ? Double.NaN : nn / s0 * cross / m2;
            return new Result(i, expected, Double.NaN, Double.NaN, n, s0);
        }
        double moransI = nn / s0 * cross / m2;
        double s1 = 2 * s0;
        double s2 = 4 * sumK2;
        double b2 = nn * m4 / (m2 * m2);
        double s02 = s0 * s0;
        double a = nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s02);
        double b = b2 * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s02);
        double variance = (a - b) / ((nn - 1) * (nn - 2) * (nn - 3) * s02) - expected * expected;
        double z = variance > 0 ? (moransI - expected) / Math.sqrt(variance) : Double.NaN;
        return new Result(moransI, expected, variance, z, n, s0);
    }
}
