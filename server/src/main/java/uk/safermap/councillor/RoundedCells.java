package uk.safermap.councillor;

import uk.safermap.privacy.DisclosurePolicy;

/**
 * Incident counts for councillors, safe against differencing. Counts are kept per atomic
 * cell (area x month x category) and each cell is rounded to the nearest multiple of
 * {@code base} before anything is added up, so every total any query can return is a sum of
 * rounded cells: subtracting one answer from another yields rounded cells again, never a
 * count more precise than +/- base/2. The rounding is the {@link DisclosurePolicy}'s.
 */
public final class RoundedCells {

    private final int areas;
    private final int months;
    private final int categories;
    private final int[] rounded;

    /**
     * @param area     per incident, its area index, or -1 when it lies in none
     * @param month    per incident, its month offset from the first month, 0..months-1 (others ignored)
     * @param category per incident, its category ordinal
     */
    public RoundedCells(int areas, int months, int categories, DisclosurePolicy policy, int[] area, int[] month,
                        byte[] category) {
        this.areas = areas;
        this.months = months;
        this.categories = categories;
        int[] counts = new int[areas * months * categories];
        for (int i = 0; i < area.length; i++) {
            if (area[i] >= 0 && month[i] >= 0 && month[i] < months) {
                counts[index(area[i], month[i], category[i])]++;
            }
        }
        rounded = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            rounded[c] = policy.round(counts[c]);
        }
    }

    private int index(int area, int month, int category) {
        return (area * months + month) * categories + category;
    }

    /**
     * The rounded total of one area over months [fromMonth, toMonth] (inclusive offsets) and
     * the categories flagged in {@code include}.
     */
    public int total(int area, int fromMonth, int toMonth, boolean[] include) {
        int sum = 0;
        for (int m = Math.max(0, fromMonth); m <= Math.min(months - 1, toMonth); m++) {
            for (int c = 0; c < categories; c++) {
                if (include[c]) {
                    sum += rounded[index(area, m, c)];
                }
            }
        }
        return sum;
    }

    /** Rounded totals per month for one area (a trend line). */
    public int[] monthly(int area, boolean[] include) {
        int[] out = new int[months];
        for (int m = 0; m < months; m++) {
            out[m] = total(area, m, m, include);
        }
        return out;
    }

    /** Rounded totals per category for one area over a month range. */
    public int[] byCategory(int area, int fromMonth, int toMonth) {
        int[] out = new int[categories];
        for (int c = 0; c < categories; c++) {
            boolean[] one = new boolean[categories];
            one[c] = true;
            out[c] = total(area, fromMonth, toMonth, one);
        }
        return out;
    }

    public int areas() {
        return areas;
    }

    public int months() {
        return months;
    }
}
