package uk.safermap.councillor;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Rounded ward x month x kind cells ({@link RoundedCells}) of dated, placed records other than
 * incidents (road collisions by severity, council cases by type), and the period checks that the
 * crime figures apply, so every ward figure follows one disclosure rule.
 */
final class WardCells {

    private WardCells() {
    }

    /** Months from, to inclusive, checked against {@link WardChoroplethService#MAX_MONTHS}. */
    static int months(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        int months = WardChoroplethService.months(from, to);
        if (months > WardChoroplethService.MAX_MONTHS) {
            throw new IllegalArgumentException("the period may span at most " + WardChoroplethService.MAX_MONTHS
                    + " months");
        }
        return months;
    }

    static <T> RoundedCells of(List<Area> wards, BritishNationalGrid grid, YearMonth from, int months, int kinds,
                               List<T> items, ToDoubleFunction<T> easting, ToDoubleFunction<T> northing,
                               Function<T, LocalDate> date, ToIntFunction<T> kind) {
        List<PreparedGeometry> shapes = wards.stream()
                .map(w -> PreparedGeometryFactory.prepare(grid.toGrid(w.geometry()))).toList();
        int[] ward = new int[items.size()];
        int[] month = new int[items.size()];
        byte[] kindOf = new byte[items.size()];
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            ward[i] = WardChoroplethService.wardOf(shapes, easting.applyAsDouble(item), northing.applyAsDouble(item));
            month[i] = WardChoroplethService.months(from, YearMonth.from(date.apply(item))) - 1;
            kindOf[i] = (byte) kind.applyAsInt(item);
        }
        return new RoundedCells(wards.size(), months, kinds, WardChoroplethService.ROUNDING_BASE, ward, month, kindOf);
    }

    /** A rounded total as shown: null under the threshold. */
    static Integer shown(int rounded) {
        return rounded < WardChoroplethService.THRESHOLD ? null : rounded;
    }
}
