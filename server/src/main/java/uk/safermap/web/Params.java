package uk.safermap.web;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.store.BoxFilter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Parsing and checking of query parameters shared by the endpoints. Every failure is a 400
 * whose message names the parameter, the value and the accepted form.
 */
final class Params {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Params() {
    }

    /** A half-open local-time interval [from, to), either end open. */
    record Interval(Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
        static final Interval ALL = new Interval(Optional.empty(), Optional.empty());
    }

    /** A {@code bbox} for analyses: one lon/lat box that does not cross the antimeridian. */
    static Optional<Envelope> bbox(String text) {
        BoxFilter boxes = bboxes(text, false);
        if (boxes.boxes().size() > 1) {
            throw ApiException.badRequest("bbox must have minLon <= maxLon here (no box across the antimeridian): '"
                    + text + "'");
        }
        return boxes.boxes().stream().findFirst();
    }

    /**
     * OGC {@code bbox}: 4 numbers (or 6 with heights, which are ignored), in CRS84 lon/lat or, when
     * {@code grid}, British National Grid metres. None when absent; a lon/lat box with minLon >
     * maxLon crosses the antimeridian (OGC API - Features), so it covers two boxes.
     */
    static BoxFilter bboxes(String text, boolean grid) {
        if (text == null) {
            return BoxFilter.NONE;
        }
        String[] parts = text.split(",");
        String form = grid ? "minEasting,minNorthing,maxEasting,maxNorthing" : "minLon,minLat,maxLon,maxLat";
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badRequest("bbox must be " + form + " (4 numbers, or 6 with heights), got '" + text + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = number("bbox", parts[i].trim());
        }
        int half = parts.length / 2;
        double minX = v[0];
        double minY = v[1];
        double maxX = v[half];
        double maxY = v[half + 1];
        if (grid) {
            if (minX > maxX || minY > maxY) {
                throw ApiException.badRequest("bbox must be " + form + " with min <= max: '" + text + "'");
            }
            return new BoxFilter(List.of(new Envelope(minX, maxX, minY, maxY)), true);
        }
        if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
            throw ApiException.badRequest("bbox is outside lon -180..180 / lat -90..90: '" + text + "'");
        }
        if (minY > maxY) {
            throw ApiException.badRequest("bbox must have minLat <= maxLat: '" + text + "'");
        }
        if (minX > maxX) {
            return BoxFilter.lonLat(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
        }
        return BoxFilter.lonLat(new Envelope(minX, maxX, minY, maxY));
    }

    /**
     * OGC {@code datetime}: an instant or an interval {@code start/end} with {@code ..} or an empty
     * end for open ends. Each end may be an RFC 3339 date-time, a date, or a month (YYYY-MM);
     * a date or month covers the whole day or month. Times without an offset are London time.
     */
    static Interval datetime(String text) {
        if (text == null || text.isBlank()) {
            return Interval.ALL;
        }
        String[] ends = text.split("/", -1);
        if (ends.length > 2) {
            throw ApiException.badRequest("datetime must be an instant or start/end, got '" + text + "'");
        }
        if (ends.length == 1) {
            LocalDateTime[] span = span("datetime", ends[0], true);
            return new Interval(Optional.of(span[0]), Optional.of(span[1]));
        }
        Optional<LocalDateTime> from = open(ends[0]) ? Optional.empty() : Optional.of(span("datetime", ends[0], true)[0]);
        Optional<LocalDateTime> to = open(ends[1]) ? Optional.empty() : Optional.of(span("datetime", ends[1], true)[1]);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ApiException.badRequest("datetime interval start must be before its end: '" + text + "'");
        }
        return new Interval(from, to);
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    /**
     * [start, end) of one value: a month (YYYY-MM), a day (YYYY-MM-DD) or, when {@code instants},
     * an RFC 3339 date-time (1 microsecond wide; London time without an offset). Years have four
     * digits: {@code java.time} also reads years such as +999999999, whose month or day after
     * does not exist.
     */
    static LocalDateTime[] span(String param, String value, boolean instants) {
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth m = fourDigitYear(param, YearMonth.parse(value));
                return new LocalDateTime[] {m.atDay(1).atStartOfDay(), m.plusMonths(1).atDay(1).atStartOfDay()};
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = fourDigitYear(param, LocalDate.parse(value));
                return new LocalDateTime[] {d.atStartOfDay(), d.plusDays(1).atStartOfDay()};
            }
            if (instants && value.matches("\\d{4}-.*")) {
                LocalDateTime t = value.matches(".*([zZ]|[+-]\\d{2}:\\d{2})$")
                        ? OffsetDateTime.parse(value).atZoneSameInstant(LONDON).toLocalDateTime()
                        : LocalDateTime.parse(value);
                return new LocalDateTime[] {fourDigitYear(param, t), t.plusNanos(1000)};
            }
        } catch (DateTimeException e) {
            // refused below, with the accepted forms
        }
        throw ApiException.badRequest(param + " must be a month (2025-03) or a date (2025-03-14)"
                + (instants ? " or an RFC 3339 date-time (2025-03-14T21:30:00Z)" : "") + ", got '" + value + "'");
    }

    /** A month YYYY-MM with a four-digit year. */
    static YearMonth month(String param, String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                return fourDigitYear(param, YearMonth.parse(value));
            }
        } catch (DateTimeException e) {
            // refused below
        }
        throw ApiException.badRequest(param + " must be a month YYYY-MM, got '" + value + "'");
    }

    /** The time itself, when its year is 1000 to 9999 (after any offset was applied). */
    static <T extends java.time.temporal.Temporal> T fourDigitYear(String param, T time) {
        int year = time.get(java.time.temporal.ChronoField.YEAR);
        if (year < 1000 || year > 9999) {
            throw ApiException.badRequest(param + " must have a four-digit year, got " + year);
        }
        return time;
    }

    /** An integer of at least {@code min}; values above {@code clampAbove} are clamped to it instead of rejected. */
    static int integer(String param, String text, int fallback, int min, int clampAbove) {
        return text == null ? fallback : (int) Math.min(atLeast(param, text, min), clampAbove);
    }

    /** An integer in [min, max], both enforced. */
    static int integerInRange(String param, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        long v = atLeast(param, text, min);
        if (v > max) {
            throw ApiException.badRequest(param + " must be between " + min + " and " + max + ", got " + text);
        }
        return (int) v;
    }

    private static long atLeast(String param, String text, long min) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " must be a whole number, got '" + text + "'");
        }
        if (v < min) {
            throw ApiException.badRequest(param + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    static long nonNegative(String param, String text) {
        if (text == null) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw ApiException.badRequest(param + " must not be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " must be a whole number, got '" + text + "'");
        }
    }

    private static double number(String param, String text) {
        try {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " has a value that is not a number: '" + text + "'");
        }
    }
}
