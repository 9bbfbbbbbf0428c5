package uk.safermap.evaluation;

import uk.safermap.councillor.WardChoroplethService;

/**
 * How precise the counts of an evaluation may be for its reader. Analysts and police see exact
 * counts; councillors and the public see the ward-figure rule: counts rounded to 5 per area,
 * month and category before anything is added, totals under 5 suppressed.
 *
 * <p>This is the seam for the central disclosure policy (issue 10): until it lands, the rule is
 * the councillor one of {@link WardChoroplethService} via {@link uk.safermap.councillor.RoundedCells}.
 *
 * @param roundingBase 1 for exact counts
 * @param threshold    totals under this are suppressed; 0 for none
 */
public record Disclosure(int roundingBase, int threshold, String rule) {

    public static final Disclosure EXACT = new Disclosure(1, 0, "exact counts");

    public static Disclosure wardFigures() {
        return new Disclosure(WardChoroplethService.ROUNDING_BASE, WardChoroplethService.THRESHOLD,
                "counts are rounded to the nearest " + WardChoroplethService.ROUNDING_BASE + " for each area, month and "
                        + "category before they are added up; totals under " + WardChoroplethService.THRESHOLD
                        + " are suppressed");
    }

    public boolean exact() {
        return roundingBase == 1 && threshold == 0;
    }
}
