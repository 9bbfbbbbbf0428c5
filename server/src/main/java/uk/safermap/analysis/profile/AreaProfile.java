package uk.safermap.analysis.profile;

import java.util.List;
import java.util.Map;

/**
 * What happened in one area over a period, against a baseline year and a reduction target.
 *
 * @param from, to            the period (months, inclusive)
 * @param byCategory          incidents per category slug in the period
 * @param byMonth             each month of the period with the same calendar month of the baseline year
 * @param changePercent       (current - baseline) / baseline x 100 over the months compared; null when the baseline is 0
 * @param targetPercent       the target change, e.g. -3 for a 3% reduction
 * @param targetMet           change at or below the target; null when there is no baseline to compare with
 * @param hourProfile         incidents per hour of day (0..23), null when no incident in the area has a time
 * @param weekdayProfile      incidents per weekday (Monday first), null when no incident has a date
 */
public record AreaProfile(String id, String name, boolean approximate, String from, String to, int total,
                          Map<String, Integer> byCategory, List<MonthCount> byMonth, int baselineYear,
                          int baselineTotal, int currentTotal, Double changePercent, double targetPercent,
                          Boolean targetMet, List<LocationCount> topLocations, int[] hourProfile,
                          int[] weekdayProfile, List<HotspotSummary> hotspots) {

    /** A month of the period and the same calendar month of the baseline year. */
    public record MonthCount(String month, int count, int baselineCount) {
    }

    /** A location text and how many incidents carry it. */
    public record LocationCount(String location, int count) {
    }

    /** A density cluster overlapping the area, and how many of its incidents fall inside. */
    public record HotspotSummary(int clusterId, int count, int countInside) {
    }
}
