package uk.safermap.sample;

import java.time.YearMonth;
import java.util.random.RandomGenerator;

/**
 * How many rows a month gets: exactly the spec's {@code rowsPerMonth}, or else a Poisson draw around a
 * seasonal mean (a cosine peaking in July, {@value #SEASONAL_AMPLITUDE} above and below the annual mean,
 * since recorded violence and ASB rise in summer). Stateless and thread-safe.
 */
final class MonthlyVolume {

    static final double SEASONAL_AMPLITUDE = 0.12;
    private static final int PEAK_MONTH = 7;
    /** Above this mean the normal approximation to the Poisson is within a count or so of exact. */
    private static final double NORMAL_APPROXIMATION_ABOVE = 30;

    private MonthlyVolume() {
    }

    /** The expected rows in a month at Melton's realistic volume. */
    static double expected(YearMonth month) {
        double phase = 2 * Math.PI * (month.getMonthValue() - PEAK_MONTH) / 12.0;
        return SampleSpec.MEAN_ROWS_PER_MONTH * (1 + SEASONAL_AMPLITUDE * StrictMath.cos(phase));
    }

    static int rows(SampleSpec spec, YearMonth month, RandomGenerator rng) {
        if (spec.rowsPerMonth().isPresent()) {
            return spec.rowsPerMonth().getAsInt();
        }
        return poisson(expected(month), rng);
    }

    static int poisson(double mean, RandomGenerator rng) {
        if (mean > NORMAL_APPROXIMATION_ABOVE) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * rng.nextGaussian()));
        }
        // Knuth's multiplication method: exact, and fast enough for small means.
        double limit = StrictMath.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
