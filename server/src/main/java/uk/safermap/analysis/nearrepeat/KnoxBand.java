package uk.safermap.analysis.nearrepeat;

/**
 * One row (distance) or column (time) of a Knox table, with its exact interval.
 *
 * <p>Intervals are closed on the right, {@code (lower, upper]}, except the first, which is
 * {@code [0, upper]}, and the last, which is {@code (lower, infinity)}. A first edge of 0 therefore
 * gives the band {@code [0, 0]}: "same location" or "same day".
 *
 * @param label       plain-English name: "same location", "over 0 to 100 m", "more than 400 m",
 *                    "same day", "1-7 days", "more than 28 days". Day labels are exact because lags are
 *                    whole days; distance labels say "over" because distances are real numbers
 * @param interval    the same band in interval notation, e.g. {@code "(0, 100]"}, {@code "[0, 0]"},
 *                    {@code "(400, inf)"}
 * @param lower       lower end, metres or days (0 for the first band)
 * @param upper       upper end, metres or days; {@code Double.POSITIVE_INFINITY} for the last band
 * @param lowerClosed whether {@code lower} itself belongs to the band (true only for the first band)
 */
public record KnoxBand(String label, String interval, double lower, double upper, boolean lowerClosed) {

    /** Whether {@code value} (metres or days) falls in this band. */
    public boolean contains(double value) {
        boolean aboveLower = lowerClosed ? value >= lower : value > lower;
        return aboveLower && value <= upper;
    }
}
