package uk.safermap.analysis.profile;

import uk.safermap.domain.Category;
import uk.safermap.domain.MonthIndex;
import uk.safermap.store.PointSet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for a neighbourhood profile from the incidents inside the area (any period: the
 * calculator picks the period's and the baseline year's incidents itself).
 *
 * <p>Change against the baseline compares like with like: the months of the period against the
 * same calendar months of the baseline year, so a partial year is not compared with a whole one.
 * Stateless and thread-safe.
 */
public final class ProfileCalculator {

    static final int TOP_LOCATIONS = 10;

    /** The area's identity, for the result. */
    public record AreaInfo(String id, String name, boolean approximate) {
    }

    /**
     * @param points        incidents inside the area, covering at least the period and the baseline year
     * @param from, to      the period, months inclusive
     * @param baselineYear  calendar year to compare with
     * @param targetPercent target change in percent (negative = reduction)
     */
    public AreaProfile profile(AreaInfo area, PointSet points, YearMonth from, YearMonth to, int baselineYear,
                               double targetPercent, List<AreaProfile.HotspotSummary> hotspots) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("profile period ends (" + to + ") before it starts (" + from + ")");
        }
        int first = index(from);
        int last = index(to);
        Map<Integer, Integer> perMonth = new HashMap<>();
        int[] perCategory = new int[Category.values().length];
        int[] hours = new int[24];
        int[] weekdays = new int[7];
        boolean anyTime = false;
        boolean anyDay = false;
        Map<String, Integer> locations = new HashMap<>();
        int total = 0;
        for (int i = 0; i < points.size(); i++) {
            int m = points.monthIndex()[i];
            perMonth.merge(m, 1, Integer::sum);
            if (m < first || m > last) {
                continue;
            }
            total++;
            perCategory[points.category()[i]]++;
            if (points.minuteOfDay()[i] >= 0) {
                hours[points.minuteOfDay()[i] / 60]++;
                anyTime = true;
            }
            if (points.epochDay()[i] >= 0) {
                DayOfWeek d = LocalDate.ofEpochDay(points.epochDay()[i]).getDayOfWeek();
                weekdays[d.getValue() - 1]++;
                anyDay = true;
            }
            if (points.location() != null && points.location()[i] != null) {
                locations.merge(points.location()[i], 1, Integer::sum);
            }
        }
        List<AreaProfile.MonthCount> months = new ArrayList<>();
        int current = 0;
        int baseline = 0;
        for (int m = first; m <= last; m++) {
            int count = perMonth.getOrDefault(m, 0);
            int sameMonthInBaseline = baselineYear * 12 + Math.floorMod(m, 12);
            int base = perMonth.getOrDefault(sameMonthInBaseline, 0);
            months.add(new AreaProfile.MonthCount(month(m).toString(), count, base));
            current += count;
            baseline += base;
        }
        Double change = baseline == 0 ? null : 100.0 * (current - baseline) / baseline;
        Boolean met = change == null ? null : change <= targetPercent;
        return new AreaProfile(area.id(), area.name(), area.approximate(), from.toString(), to.toString(), total,
                categories(perCategory), months, baselineYear, baseline, current, change, targetPercent, met,
                top(locations), anyTime ? hours : null, anyDay ? weekdays : null, hotspots);
    }

    private static Map<String, Integer> categories(int[] counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (counts[c.ordinal()] > 0) {
                out.put(c.slug(), counts[c.ordinal()]);
            }
        }
        return out;
    }

    private static List<AreaProfile.LocationCount> top(Map<String, Integer> locations) {
        return locations.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_LOCATIONS)
                .map(e -> new AreaProfile.LocationCount(e.getKey(), e.getValue()))
                .toList();
    }

    static int index(YearMonth m) {
        return MonthIndex.of(m);
    }

    static YearMonth month(int index) {
        return MonthIndex.month(index);
    }

    /** Orders profiles for the side-by-side view: by name. */
    public static final Comparator<AreaProfile> BY_NAME = Comparator.comparing(AreaProfile::name);
}
