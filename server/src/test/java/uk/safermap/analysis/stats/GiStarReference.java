package uk.safermap.analysis.stats;

import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.SquareGrid;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A straightforward O(n^2) Gi*, written from the formula with explicit pairwise distances between cell
 * centres, to check the stencil implementation against.
 */
final class GiStarReference {

    private GiStarReference() {
    }

    /** z per cell (NaN outside the mask), for the values of the masked cells. */
    static double[] z(SquareGrid g, boolean[] mask, double[] x, double band) {
        int cells = g.cellCount();
        int n = 0;
        double sum = 0;
        double sum2 = 0;
        for (int j = 0; j < cells; j++) {
            if (mask[j]) {
                n++;
                sum += x[j];
                sum2 += x[j] * x[j];
            }
        }
        double mean = sum / n;
        double s = Math.sqrt(sum2 / n - mean * mean);
        double[] z = new double[cells];
        for (int i = 0; i < cells; i++) {
            if (!mask[i]) {
                z[i] = Double.NaN;
                continue;
            }
            double local = 0;
            double w = 0;
            double w2 = 0;
            for (int j = 0; j < cells; j++) {
                if (!mask[j]) {
                    continue;
                }
                double d = Math.hypot(g.centreX(i) - g.centreX(j), g.centreY(i) - g.centreY(j));
                double wij = d <= band * (1 + BandStencil.TOLERANCE) ? 1 : 0;
                local += wij * x[j];
                w += wij;
                w2 += wij * wij;
            }
            z[i] = (local - mean * w) / (s * Math.sqrt((n * w2 - w * w) / (n - 1)));
        }
        return z;
    }

    static double p(double z) {
        return 2 * (1 - NormalDistribution.of(0, 1).cumulativeProbability(Math.abs(z)));
    }
}
