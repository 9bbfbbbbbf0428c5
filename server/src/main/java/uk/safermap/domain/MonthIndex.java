package uk.safermap.domain;

import java.time.YearMonth;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Months as one integer, months since January of year 0 ({@code year * 12 + month - 1}), as the
 * point columns, the disclosure rules and the trend statistics count them: consecutive months
 * are consecutive integers, so a period is a range and a difference is a number of months.
 */
public final class MonthIndex {

    private MonthIndex() {
    }

    /** The index of the month of a date, date-time or month. */
    public static int of(TemporalAccessor t) {
        return t.get(ChronoField.YEAR) * 12 + t.get(ChronoField.MONTH_OF_YEAR) - 1;
    }

    /** The month of an index, also for indexes before year 0. */
    public static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
