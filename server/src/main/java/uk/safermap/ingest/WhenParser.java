package uk.safermap.ingest;

import uk.safermap.domain.TimeSpan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Parses the date forms found in police.uk and council exports into a {@link TimeSpan} in
 * Europe/London local time. Accepted: {@code YYYY-MM} (a month), {@code YYYY-MM-DD} or
 * {@code DD/MM/YYYY} (a day, optionally with a separate {@code HH:MM[:SS]} time), and date-times
 * {@code YYYY-MM-DDTHH:MM[:SS]}, {@code YYYY-MM-DD HH:MM[:SS]}, {@code DD/MM/YYYY HH:MM[:SS]},
 * or ISO with an offset ({@code Z}, {@code +01:00}), converted to London time.
 */
final class WhenParser {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ACCEPTED = "YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, or a date-time such as 2025-03-14T21:30";

    /**
     * The earliest incident date accepted. Digital crime and disorder records in England and Wales
     * start in the 1990s (the Home Office Counting Rules date from 1998; police.uk street-level
     * data from December 2010), so an earlier date in an export is a placeholder or a typo
     * (0000-01, 1900-01-01). Refusing it also keeps every stored date after the 1582 calendar
     * reform, where Java and SQL timestamps disagree (10/10/1582 would be stored as 1582-10-20),
     * and keeps the month axis of the time-series analyses short.
     */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, strict("d/M/uuuu"));
    private static final List<DateTimeFormatter> TIMES = List.of(
            strict("H:mm"), strict("H:mm:ss"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            strict("uuuu-MM-dd H:mm[:ss]"),
            strict("d/M/uuuu H:mm[:ss]"));
    private static final DateTimeFormatter MONTH = strict("uuuu-MM");

    private WhenParser() {
    }

    /** Strict, so that 31/02/2025 is an error rather than quietly 28 February. */
    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    static Optional<TimeSpan> month(String text) {
        try {
            return Optional.of(TimeSpan.ofMonth(YearMonth.parse(text, MONTH)));
        } catch (DateTimeException e) {
            // not a month, or one whose end lies beyond the calendar (+999999999-12)
            return Optional.empty();
        }
    }

    static Optional<TimeSpan> date(String dateText, String timeText) {
        try {
            Optional<LocalDate> day = first(DATES, f -> LocalDate.parse(dateText, f));
            if (day.isEmpty()) {
                return Optional.empty();
            }
            if (timeText == null) {
                return Optional.of(TimeSpan.ofDay(day.get()));
            }
            return first(TIMES, f -> LocalTime.parse(timeText, f)).map(t -> TimeSpan.ofInstant(day.get().atTime(t)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<TimeSpan> dateTime(String text) {
        try {
            return Optional.of(TimeSpan.ofInstant(
                    OffsetDateTime.parse(text).atZoneSameInstant(LONDON).toLocalDateTime()));
        } catch (DateTimeException e) {
            try {
                return first(DATE_TIMES, f -> LocalDateTime.parse(text, f)).map(TimeSpan::ofInstant);
            } catch (DateTimeException beyondCalendar) {
                return Optional.empty();
            }
        }
    }

    private interface Parse<T> {
        T apply(DateTimeFormatter f);
    }

    private static <T> Optional<T> first(List<DateTimeFormatter> formats, Parse<T> parse) {
        for (DateTimeFormatter f : formats) {
            try {
                return Optional.of(parse.apply(f));
            } catch (DateTimeParseException e) {
                // try the next accepted form
            }
        }
        return Optional.empty();
    }
}
