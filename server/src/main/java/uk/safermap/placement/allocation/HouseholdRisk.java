package uk.safermap.placement.allocation;

/**
 * Burglary risk of a household at a place, as two terms each scaled to mean 1 over the
 * allocation units and then averaged:
 * <ul>
 *   <li>near-repeat risk, prospective and ProMap-like (Bowers, Johnson and Pease 2004): every
 *       recent burglary b adds (1 - d/D)(1 - age/T) within D metres and T days, since homes
 *       near a burglary carry raised risk for weeks (Johnson et al. 2007: 200 m for at least
 *       2 weeks; ProMap uses 400 m and 8 weeks);</li>
 *   <li>burglary and theft density over the whole period: a quartic kernel of bandwidth h.</li>
 * </ul>
 * A place's risk is the mean over its sample points (a lattice inside an output area, or the
 * address itself). With no recent burglary the near-repeat term is zero everywhere and only
 * density counts.
 */
public record HouseholdRisk(double nearRepeatMetres, double nearRepeatDays, double bandwidthMetres) {

    /** Risk terms of each unit, before and after scaling. */
    public record Scores(double[] nearRepeat, double[] density, double[] risk) {
    }

    /**
     * @param unitOf   for each sample point, its unit
     * @param px       sample points, grid metres
     * @param recentX  burglaries with known age, grid metres
     * @param ageDays  their age in days at the reference date (0 = that day)
     * @param densityX burglaries and thefts of the whole period
     */
    public Scores score(int units, int[] unitOf, double[] px, double[] py, double[] recentX, double[] recentY,
                        double[] ageDays, double[] densityX, double[] densityY) {
        double[] nr = new double[units];
        double[] kd = new double[units];
        int[] samples = new int[units];
        for (int s = 0; s < px.length; s++) {
            int u = unitOf[s];
            samples[u]++;
            for (int b = 0; b < recentX.length; b++) {
                double d = Math.hypot(px[s] - recentX[b], py[s] - recentY[b]);
                if (d < nearRepeatMetres && ageDays[b] < nearRepeatDays && ageDays[b] >= 0) {
                    nr[u] += (1 - d / nearRepeatMetres) * (1 - ageDays[b] / nearRepeatDays);
                }
            }
            for (int i = 0; i < densityX.length; i++) {
                double dx = px[s] - densityX[i];
                double dy = py[s] - densityY[i];
                double t = (dx * dx + dy * dy) / (bandwidthMetres * bandwidthMetres);
                if (t < 1) {
                    kd[u] += (1 - t) * (1 - t);
                }
            }
        }
        for (int u = 0; u < units; u++) {
            if (samples[u] > 0) {
                nr[u] /= samples[u];
                kd[u] /= samples[u];
            }
        }
        double nrMean = mean(nr);
        double kdMean = mean(kd);
        double[] risk = new double[units];
        for (int u = 0; u < units; u++) {
            double a = nrMean > 0 ? nr[u] / nrMean : 0;
            double b = kdMean > 0 ? kd[u] / kdMean : 0;
            risk[u] = nrMean > 0 && kdMean > 0 ? (a + b) / 2 : a + b;
        }
        return new Scores(nr, kd, risk);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
