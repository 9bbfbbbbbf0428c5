package uk.safermap.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * When an incident happened, at the precision the source gave: a half-open interval
 * [start, end) in local time (Europe/London). A month-only police.uk row spans its month; a
 * council row with a date spans that day; a row with a time is an instant, stored as one
 * second so that interval queries treat all three alike.
 */
public record TimeSpan(LocalDateTime start, LocalDateTime end) {

    public TimeSpan {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("time span end " + end + " must be after start " + start);
        }
    }

    public static TimeSpan ofMonth(YearMonth month) {
        return new TimeSpan(month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay());
    }

    public static TimeSpan ofDay(LocalDate day) {
        return new TimeSpan(day.atStartOfDay(), day.plusDays(1).atStartOfDay());
    }

    public static TimeSpan ofInstant(LocalDateTime at) {
        return new TimeSpan(at, at.plusSeconds(1));
    }

    public boolean isInstant() {
        return end.equals(start.plusSeconds(1));
    }

    /** The precision as a word for outputs: {@code month}, {@code day} or {@code time}. */
    public String precision() {
        if (isInstant()) {
            return "time";
        }
        return end.equals(start.plusDays(1)) ? "day" : "month";
    }
}
