package uk.safermap.analysis.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 17 Emerging Hot Spot Analysis categories of ArcGIS Pro (8 hot, 8 cold, no pattern), decided from
 * a location's series of significant hot/cold bins and the Mann-Kendall trend of its Gi* z-scores.
 *
 * <p>Definitions (ArcGIS "How Emerging Hot Spot Analysis works"), with T time steps, a bin being
 * <em>hot</em> (<em>cold</em>) when significant with z &gt; 0 (z &lt; 0), H (C) the number of hot (cold)
 * bins, and "90 %" meaning {@code H >= 0.9 T} (in integers, {@code 10 H >= 9 T}). The rules are tried
 * in this order and the first that holds decides (the order of the open port
 * {@code JosiahParry/sfdep:R/emerging-hostpot-classifications.R}, with its gaps closed so that the
 * categories are exclusive):
 * <ol>
 * <li>Final bin hot:
 *   <ul>
 *   <li>{@link #NEW_HOT_SPOT}: the final bin is the only significant bin (never hot, nor cold, before).</li>
 *   <li>{@link #INTENSIFYING_HOT_SPOT}: hot in &gt;= 90 % of steps (final included), Mann-Kendall trend of
 *       z up and significant (tau &gt; 0, p &lt;= trend alpha): clustering of high counts growing.</li>
 *   <li>{@link #DIMINISHING_HOT_SPOT}: hot in &gt;= 90 % (final included), trend down and significant.</li>
 *   <li>{@link #PERSISTENT_HOT_SPOT}: hot in &gt;= 90 % (final included), no significant trend.</li>
 *   <li>{@link #CONSECUTIVE_HOT_SPOT}: &lt; 90 % hot; one unbroken final run of &gt;= 2 hot bins and no
 *       significant bin (hot or cold) before it.</li>
 *   <li>{@link #OSCILLATING_HOT_SPOT}: &lt; 90 % hot and a significant cold spot at some earlier step.</li>
 *   <li>{@link #SPORADIC_HOT_SPOT}: &lt; 90 % hot, never cold, on-and-off hot before the final step.</li>
 *   </ul></li>
 * <li>Final bin cold: the mirror images ({@link #NEW_COLD_SPOT}, {@link #INTENSIFYING_COLD_SPOT} with
 *     the trend of z <em>down</em>, i.e. ever colder, {@link #DIMINISHING_COLD_SPOT} with the trend up,
 *     {@link #PERSISTENT_COLD_SPOT}, {@link #CONSECUTIVE_COLD_SPOT}, {@link #OSCILLATING_COLD_SPOT} (was
 *     hot before), {@link #SPORADIC_COLD_SPOT}).</li>
 * <li>Final bin not significant: {@link #HISTORICAL_HOT_SPOT} if hot in &gt;= 90 % of steps,
 *     {@link #HISTORICAL_COLD_SPOT} if cold in &gt;= 90 %, else {@link #NO_PATTERN}.</li>
 * </ol>
 *
 * <p>Where this differs from sfdep, and why:
 * <ul>
 * <li>Sporadic requires the final bin hot, as the ArcGIS definition summarised in docs/methods.md 1.2 ("final
 *     hot, &lt; 90 % hot, never cold"); sfdep does not check the final bin.</li>
 * <li>Persistent requires the final bin hot, so that it and historical (&gt;= 90 % hot, final not hot) are
 *     exclusive; sfdep tests persistent first and so never reaches historical when there is no trend.</li>
 * <li>Historical requires the final bin not significant; sfdep requires z &lt; 0 in the final bin.
 *     A location hot in &gt;= 90 % of steps but cold in the final one is oscillating cold here (final cold,
 *     hot before), as in sfdep's order.</li>
 * <li>Consecutive counts the final run of <em>hot</em> bins; sfdep counts significant bins of either sign.</li>
 * </ul>
 * With one time step, a significant bin is "new" (it is hot and the only significant bin); with fewer
 * than 10 steps, "90 %" means every step.
 */
public enum EmergingCategory {
    NO_PATTERN("no-pattern", 0),
    NEW_HOT_SPOT("new-hot-spot", 1),
    CONSECUTIVE_HOT_SPOT("consecutive-hot-spot", 1),
    INTENSIFYING_HOT_SPOT("intensifying-hot-spot", 1),
    PERSISTENT_HOT_SPOT("persistent-hot-spot", 1),
    DIMINISHING_HOT_SPOT("diminishing-hot-spot", 1),
    SPORADIC_HOT_SPOT("sporadic-hot-spot", 1),
    OSCILLATING_HOT_SPOT("oscillating-hot-spot", 1),
    HISTORICAL_HOT_SPOT("historical-hot-spot", 1),
    NEW_COLD_SPOT("new-cold-spot", -1),
    CONSECUTIVE_COLD_SPOT("consecutive-cold-spot", -1),
    INTENSIFYING_COLD_SPOT("intensifying-cold-spot", -1),
    PERSISTENT_COLD_SPOT("persistent-cold-spot", -1),
    DIMINISHING_COLD_SPOT("diminishing-cold-spot", -1),
    SPORADIC_COLD_SPOT("sporadic-cold-spot", -1),
    OSCILLATING_COLD_SPOT("oscillating-cold-spot", -1),
    HISTORICAL_COLD_SPOT("historical-cold-spot", -1);

    private final String slug;
    private final int sign;

    EmergingCategory(String slug, int sign) {
        this.slug = slug;
        this.sign = sign;
    }

    public String slug() {
        return slug;
    }

    public boolean isHot() {
        return sign > 0;
    }

    public boolean isCold() {
        return sign < 0;
    }

    /** The category with this slug, exactly. */
    public static Optional<EmergingCategory> fromSlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    /**
     * The category of one location.
     *
     * @param significant per time step in order: +1 significant hot bin, -1 significant cold bin, 0 neither
     * @param trend       Mann-Kendall test of the location's Gi* z-scores
     * @param trendAlpha  significance level of the trend, in (0, 1)
     * @throws IllegalArgumentException if the series is empty or holds another value than -1, 0, 1
     */
    public static EmergingCategory classify(int[] significant, MannKendall.Result trend, double trendAlpha) {
        int steps = significant.length;
        if (steps == 0) {
            throw new IllegalArgumentException("a location needs at least one time step");
        }
        if (!(trendAlpha > 0 && trendAlpha < 1)) {
            throw new IllegalArgumentException("trendAlpha must be in (0, 1), was " + trendAlpha);
        }
        int hot = 0;
        int cold = 0;
        for (int s : significant) {
            if (s == 1) {
                hot++;
            } else if (s == -1) {
                cold++;
            } else if (s != 0) {
                throw new IllegalArgumentException("significance must be -1, 0 or 1, was " + s);
            }
        }
        int last = significant[steps - 1];
        int direction = trend.trend(trendAlpha);
        if (last == 1) {
            return finalSignificant(significant, hot, cold, direction, true);
        }
        if (last == -1) {
            return finalSignificant(significant, cold, hot, -direction, false);
        }
        if (ninety(hot, steps)) {
            return HISTORICAL_HOT_SPOT;
        }
        if (ninety(cold, steps)) {
            return HISTORICAL_COLD_SPOT;
        }
        return NO_PATTERN;
    }

    /**
     * The rules for a final significant bin, written for hot spots; cold spots come in with
     * same/other swapped and the trend direction negated (for a cold spot "intensifying" means z falling).
     */
    private static EmergingCategory finalSignificant(int[] sig, int same, int other, int towardsMore, boolean hotSpot) {
        int steps = sig.length;
        int want = hotSpot ? 1 : -1;
        if (same == 1 && other == 0) {
            return hotSpot ? NEW_HOT_SPOT : NEW_COLD_SPOT;
        }
        if (ninety(same, steps)) {
            if (towardsMore > 0) {
                return hotSpot ? INTENSIFYING_HOT_SPOT : INTENSIFYING_COLD_SPOT;
            }
            if (towardsMore < 0) {
                return hotSpot ? DIMINISHING_HOT_SPOT : DIMINISHING_COLD_SPOT;
            }
            return hotSpot ? PERSISTENT_HOT_SPOT : PERSISTENT_COLD_SPOT;
        }
        int run = 0;
        for (int t = steps - 1; t >= 0 && sig[t] == want; t--) {
            run++;
        }
        if (run >= 2 && run == same && other == 0) {
            return hotSpot ? CONSECUTIVE_HOT_SPOT : CONSECUTIVE_COLD_SPOT;
        }
        if (other > 0) {
            return hotSpot ? OSCILLATING_HOT_SPOT : OSCILLATING_COLD_SPOT;
        }
        return hotSpot ? SPORADIC_HOT_SPOT : SPORADIC_COLD_SPOT;
    }

    private static boolean ninety(int count, int steps) {
        return 10L * count >= 9L * steps;
    }
}
