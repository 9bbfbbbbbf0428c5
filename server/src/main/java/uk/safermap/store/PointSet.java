package uk.safermap.store;

import uk.safermap.domain.Category;

/**
 * Incidents as parallel primitive arrays, the form the analysis algorithms take: grid position
 * in metres, when (month index, and day and minute where known), category and flags. Built by
 * the store for one query; index i is the same incident in every array.
 *
 * @param monthIndex  months since year 0 ({@code year * 12 + month - 1}), always known
 * @param epochDay    day number (days since 1970-01-01), or -1 when only the month is known
 * @param minuteOfDay 0..1439, or -1 when no time is known
 * @param category    {@link Category} ordinal
 * @param location    location text, only when asked for (else null)
 */
public record PointSet(long[] ids, double[] easting, double[] northing, int[] monthIndex, int[] epochDay,
                       int[] minuteOfDay, byte[] category, boolean[] sensitive, String[] location) {

    public int size() {
        return ids.length;
    }

    public Category category(int i) {
        return Category.values()[category[i]];
    }
}
