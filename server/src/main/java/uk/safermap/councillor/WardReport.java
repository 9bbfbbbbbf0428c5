package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a ward report says, every count rounded to 5 and suppressed under 5 (null), as in the
 * choropleth: the period against the same months a year earlier, month by month, the
 * category mix, the priority neighbourhoods in the ward, and sentences that say it plainly.
 *
 * @param monthly       per month of the period: [month, this year's count or null, last year's or null]
 * @param categories    category label to count (null when suppressed), largest first
 * @param wardShapes    every ward (lon/lat) with its count class for the map, -1 when suppressed
 */
public record WardReport(String code, String name, YearMonth from, YearMonth to, Integer count, Integer previousCount,
                         Double changePercent, List<MonthRow> monthly, Map<String, Integer> categories,
                         List<String> neighbourhoods, List<String> summary, Map<String, Integer> wardClasses,
                         Map<String, Geometry> wardShapes, int classCount, String disclosure) {

    /** One month of the trend, this year and the same month a year earlier. */
    public record MonthRow(YearMonth month, Integer count, Integer previousCount) {
    }
}
