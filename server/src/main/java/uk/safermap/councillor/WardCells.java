package uk.safermap.councillor;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.domain.Area;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Rounded ward x month x kind cells ({@link RoundedCells}) of dated, placed records other than
 * incidents (road collisions by severity, council cases by type), with the period rules of the
 * crime figures, so every ward figure follows the one {@link DisclosurePolicy}.
 */
final class WardCells {

    private WardCells() {
    }

    /**
     * The period asked for, checked by the policy. Without {@code to}, it ends at the last month
     * of the policy's published period of the records' dates (so one new record in a new month
     * does not move it); without {@code from}, it is the 12 months to {@code to}.
     */
    static DisclosurePolicy.Period period(DisclosurePolicy policy, Optional<YearMonth> fromMonth,
                                          Optional<YearMonth> toMonth, Supplier<List<LocalDate>> allDates) {
        YearMonth to = toMonth.orElseGet(() -> policy.publishedPeriod(allDates.get().stream()
                        .mapToInt(MonthIndex::of).toArray())
                .map(DisclosurePolicy.Period::last).orElseGet(YearMonth::now));
        YearMonth from = fromMonth.orElse(to.minusMonths(11));
        policy.checkPeriod(from, to);
        return new DisclosurePolicy.Period(from, to);
    }

    static <T> RoundedCells of(List<Area> wards, BritishNationalGrid grid, DisclosurePolicy policy,
                               DisclosurePolicy.Period period, int kinds, List<T> items, ToDoubleFunction<T> easting,
                               ToDoubleFunction<T> northing, Function<T, LocalDate> date, ToIntFunction<T> kind) {
        List<PreparedGeometry> shapes = wards.stream()
                .map(w -> PreparedGeometryFactory.prepare(grid.toGrid(w.geometry()))).toList();
        int[] ward = new int[items.size()];
        int[] month = new int[items.size()];
        byte[] kindOf = new byte[items.size()];
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            ward[i] = WardChoroplethService.wardOf(shapes, easting.applyAsDouble(item), northing.applyAsDouble(item));
            month[i] = DisclosurePolicy.months(period.first(), YearMonth.from(date.apply(item))) - 1;
            kindOf[i] = (byte) kind.applyAsInt(item);
        }
        return new RoundedCells(wards.size(), months(period), kinds, policy, ward, month, kindOf);
    }

    /** Classes of the map, as the crime choropleth's default. */
    static final int CLASSES = 5;

    /** Quantile class breaks of the shown (rounded, not suppressed) ward figures, as the crime choropleth draws. */
    static double[] breaks(List<Integer> shown) {
        double[] known = shown.stream().filter(Objects::nonNull).mapToDouble(Integer::doubleValue).toArray();
        return known.length == 0 ? new double[0] : ClassBreaks.quantile(known, CLASSES);
    }

    static int months(DisclosurePolicy.Period period) {
        return DisclosurePolicy.months(period.first(), period.last());
    }
}
