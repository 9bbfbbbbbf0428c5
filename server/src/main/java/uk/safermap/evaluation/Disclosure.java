package uk.safermap.evaluation;

import uk.safermap.councillor.RoundedCells;
import uk.safermap.privacy.DisclosurePolicy;

/**
 * How precise the counts of an evaluation may be for its reader. Analysts and police see exact
 * counts; councillors and the public see the service's {@link DisclosurePolicy}: counts rounded
 * per area, month and category before anything is added, small totals suppressed.
 *
 * @param roundingBase 1 for exact counts
 * @param threshold    totals under this are suppressed; 0 for none
 */
public record Disclosure(int roundingBase, int threshold, String rule) {

    public static final Disclosure EXACT = new Disclosure(1, 0, "exact counts");

    /** The rounding and suppression of the disclosure policy. */
    public static Disclosure of(DisclosurePolicy policy) {
        return new Disclosure(policy.roundingBase(), policy.threshold(), policy.rule());
    }

    /** Counts per area, month and category, each cell rounded to this base. */
    public RoundedCells cells(int areas, int months, int categories, int[] area, int[] month, byte[] category) {
        // Only the policy's rounding is used here; a base of 1 changes no count.
        DisclosurePolicy rounding = new DisclosurePolicy(roundingBase, Math.max(1, threshold), 1, 1, 1, 1, 1);
        return new RoundedCells(areas, months, categories, rounding, area, month, category);
    }
}
