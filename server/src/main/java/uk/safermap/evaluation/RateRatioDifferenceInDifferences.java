package uk.safermap.evaluation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Difference in differences for counts, on the log scale: how the target area changed from
 * before to after, relative to how the comparison area changed,
 * <pre>
 *   RR = (Ta / Tb) / (Ca / Cb),   log RR  +/-  z * sqrt(phi) * sqrt(1/Ta + 1/Tb + 1/Ca + 1/Cb)
 * </pre>
 * RR is the after/before rate ratio of a Poisson model with area and period effects, and the
 * standard error is its delta-method (Wald) form for four independent Poisson counts, as for a
 * ratio of rate ratios in epidemiology (Rothman, Greenland and Lash, Modern Epidemiology, 3rd ed.,
 * ch. 14). Crime counts vary more than Poisson, so the variance is multiplied by a quasi-Poisson
 * dispersion phi (McCullagh and Nelder 1989, 4.5): the Pearson statistic of the monthly counts
 * about each area's period mean, divided by its degrees of freedom, never below 1.
 *
 * <p>Crimes prevented: the target's expected count after, had it changed as the comparison did,
 * is Tb*Ca/Cb; the estimate is that minus what happened, Ta*(1/RR - 1), and its interval follows
 * from the interval of RR with Ta held fixed. Immutable.
 */
public final class RateRatioDifferenceInDifferences {

    /**
     * @param rateRatio       RR; below 1 means the target fell relative to the comparison
     * @param lower           lower end of its interval
     * @param upper           upper end of its interval
     * @param standardError   of log RR, dispersion included
     * @param dispersion      phi, 1 or more
     * @param prevented       crimes prevented in the target after (negative: more than expected)
     * @param preventedLower  the smaller end of its interval
     * @param preventedUpper  the larger end of its interval
     */
    public record Result(double rateRatio, double lower, double upper, double standardError, double dispersion,
                         double confidence, double prevented, double preventedLower, double preventedUpper) {

        /** Whether the interval leaves out "no change" (RR = 1). */
        public boolean excludesNoChange() {
            return upper < 1 || lower > 1;
        }
    }

    private RateRatioDifferenceInDifferences() {
    }

    /**
     * @throws IllegalArgumentException when a count is not positive (the log is undefined) or
     *                                  the confidence is not in (0, 1)
     */
    public static Result estimate(double targetBefore, double targetAfter, double comparisonBefore,
                                  double comparisonAfter, double dispersion, double confidence) {
        for (double v : new double[] {targetBefore, targetAfter, comparisonBefore, comparisonAfter}) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("every count must be above 0 for a rate ratio, got " + v);
            }
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        double phi = Math.max(1, dispersion);
        double logRr = Math.log(targetAfter / targetBefore) - Math.log(comparisonAfter / comparisonBefore);
        double se = Math.sqrt(phi * (1 / targetBefore + 1 / targetAfter + 1 / comparisonBefore + 1 / comparisonAfter));
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double rr = Math.exp(logRr);
        double lower = Math.exp(logRr - z * se);
        double upper = Math.exp(logRr + z * se);
        return new Result(rr, lower, upper, se, phi, confidence, targetAfter * (1 / rr - 1),
                targetAfter * (1 / upper - 1), targetAfter * (1 / lower - 1));
    }

    /**
     * The quasi-Poisson dispersion of monthly counts: for each series (one area in one period)
     * the Pearson statistic sum((y - mean)^2 / mean), pooled over the series and divided by the
     * pooled degrees of freedom (months - 1 per series). Series with a zero mean or a single
     * month add nothing. Never below 1; 1 when there is nothing to pool.
     */
    public static double dispersion(int[]... series) {
        double pearson = 0;
        int df = 0;
        for (int[] s : series) {
            if (s.length < 2) {
                continue;
            }
            double mean = 0;
            for (int y : s) {
                mean += y;
            }
            mean /= s.length;
            if (mean <= 0) {
                continue;
            }
            for (int y : s) {
                pearson += (y - mean) * (y - mean) / mean;
            }
            df += s.length - 1;
        }
        return df == 0 ? 1 : Math.max(1, pearson / df);
    }
}
