package uk.safermap.ingest;

import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static uk.safermap.domain.IncidentDetail.CONTEXT;
import static uk.safermap.domain.IncidentDetail.FALLS_WITHIN;
import static uk.safermap.domain.IncidentDetail.LOCATION;
import static uk.safermap.domain.IncidentDetail.LSOA_CODE;
import static uk.safermap.domain.IncidentDetail.OUTCOME;
import static uk.safermap.domain.IncidentDetail.REPORTED_BY;

/**
 * Turns a {@link RawRow} into an {@link Incident}, or says precisely why it cannot: bad
 * coordinates (not a number, out of range, 0,0, outside the service area), an unknown date,
 * a missing or unknown category. Stateful through its {@link SourceKeys}: one per import.
 */
final class RowNormaliser {

    /** Labels that mark a council or GeoJSON incident sensitive when no explicit flag says so. */
    private static final Pattern SENSITIVE_LABEL =
            Pattern.compile("domestic|sexual|rape|stalking|modern slavery|honour|child (abuse|exploitation)",
                    Pattern.CASE_INSENSITIVE);

    private static final int MAX_CACHED_LABELS = 1_000;

    private static final LocalDateTime EARLIEST = WhenParser.EARLIEST.atStartOfDay();

    private final IncidentFormat format;
    private final BritishNationalGrid grid;
    private final ServiceArea area;
    /**
     * "Now" in London when the import started: a date after it is in the future. Read once, not
     * per row (each read resolves the zone's rules).
     */
    private final LocalDateTime now;
    private final SourceKeys keys = new SourceKeys();
    /** Category by label as given: a file repeats a handful of labels (bounded, for a file that does not). */
    private final Map<String, Optional<Category>> categories = new HashMap<>();
    /**
     * The last month text and what it parsed to: a police.uk file is one month, so it is parsed
     * once rather than per row (a tenth of the parsing thread's time in a 1M-row profile).
     */
    private String monthText;
    private Optional<TimeSpan> month;

    /**
     * Why a well-formed row is not imported: police.uk publishes whole force areas and rows with
     * no location, so these are normal, counted apart from malformed rows.
     */
    enum Skip {
        OUTSIDE_AREA, NO_LOCATION
    }

    /** The outcome for one row: exactly one of the three is present. */
    record Result(Incident incident, Rejection rejection, Skip skip) {
        static Result ok(Incident i) {
            return new Result(i, null, null);
        }

        static Result rejected(long line, String field, String value, String reason) {
            return new Result(null, new Rejection(line, field, value, reason), null);
        }

        static Result skipped(Skip why) {
            return new Result(null, null, why);
        }
    }

    RowNormaliser(IncidentFormat format, BritishNationalGrid grid, ServiceArea area, Clock clock) {
        this.format = format;
        this.grid = grid;
        this.area = area;
        this.now = LocalDateTime.now(clock.withZone(WhenParser.LONDON));
    }

    Result normalise(RawRow row) {
        RawRow.FieldNames names = row.names();
        Result nul = nulCharacter(row);
        if (nul != null) {
            return nul;
        }
        if (row.category() == null) {
            return Result.rejected(row.line(), names.category(), null, "missing category");
        }
        Optional<Category> category = category(row.category());
        if (category.isEmpty() && format == IncidentFormat.POLICE_CSV) {
            return Result.rejected(row.line(), names.category(), row.category(),
                    "unknown crime type: not one of the 14 data.police.uk categories");
        }
        Optional<TimeSpan> when = when(row);
        String given = row.dateTime() != null ? row.dateTime() : row.date() != null ? row.date() : row.month();
        if (when.isEmpty()) {
            return Result.rejected(row.line(), names.date(), given, given == null ? "missing date"
                    : "unknown date: expected " + WhenParser.ACCEPTED
                    + (row.time() != null ? " with time HH:MM" : ""));
        }
        if (when.get().start().isBefore(EARLIEST)) {
            return Result.rejected(row.line(), names.date(), given, "implausible date: before " + WhenParser.EARLIEST + ", the earliest accepted (no digital crime "
                            + "records are older; such dates are placeholders or typos)");
        }
        if (when.get().start().isAfter(now)) {
            return Result.rejected(row.line(), names.date(), given, "date is in the future");
        }
        if (format == IncidentFormat.POLICE_CSV && row.x() == null && row.y() == null) {
            return Result.skipped(Skip.NO_LOCATION);
        }
        double[] xy = new double[2];
        Result bad = coordinates(row, xy);
        if (bad != null) {
            return bad;
        }
        double[] lonLat = row.gridCoordinates() ? grid.toWgs84(xy[0], xy[1]) : xy;
        double[] en = row.gridCoordinates() ? xy : grid.toGrid(xy[0], xy[1]);
        if (!area.contains(en[0], en[1])) {
            return Result.skipped(Skip.OUTSIDE_AREA);
        }
        Category c = category.orElse(Category.OTHER_CRIME);
        return Result.ok(new Incident(0, key(row, when.get()), format.key(), row.crimeId(),
                YearMonth.from(when.get().start()), when.get(), c, row.category(), lonLat[0], lonLat[1], en[0], en[1],
                sensitive(row), row.details()));
    }

    /** The first field holding a NUL character ({@link Rejection#nulCharacter}), as the rejection of the row. */
    private static Result nulCharacter(RawRow row) {
        RawRow.FieldNames names = row.names();
        Result r = nul(row, names.crimeId(), row.crimeId());
        r = r != null ? r : nul(row, names.date(), row.month());
        r = r != null ? r : nul(row, names.date(), row.date());
        r = r != null ? r : nul(row, names.date(), row.time());
        r = r != null ? r : nul(row, names.date(), row.dateTime());
        r = r != null ? r : nul(row, names.category(), row.category());
        r = r != null ? r : nul(row, names.x(), row.x());
        r = r != null ? r : nul(row, names.y(), row.y());
        r = r != null ? r : nul(row, "sensitive", row.sensitive());
        if (r != null) {
            return r;
        }
        for (Map.Entry<IncidentDetail, String> d : row.details().values().entrySet()) {
            if (d.getValue().indexOf('\0') >= 0) {
                return nulRejection(row, d.getKey().column(), d.getValue());
            }
        }
        return null;
    }

    private static Result nul(RawRow row, String field, String value) {
        return value != null && value.indexOf('\0') >= 0 ? nulRejection(row, field, value) : null;
    }

    private static Result nulRejection(RawRow row, String field, String value) {
        return new Result(null, Rejection.nulCharacter(row.line(), field, value), null);
    }

    private Optional<Category> category(String label) {
        Optional<Category> known = categories.get(label);
        if (known != null) {
            return known;
        }
        Optional<Category> c = Category.fromLabel(label);
        if (categories.size() < MAX_CACHED_LABELS) {
            categories.put(label, c);
        }
        return c;
    }

    private Optional<TimeSpan> when(RawRow row) {
        if (row.dateTime() != null) {
            return WhenParser.dateTime(row.dateTime());
        }
        if (row.date() != null) {
            return WhenParser.date(row.date(), row.time());
        }
        if (row.month() == null) {
            return Optional.empty();
        }
        if (!row.month().equals(monthText)) {
            month = WhenParser.month(row.month());
            monthText = row.month();
        }
        return month;
    }

    /** Parses and range-checks x/y into {@code out}; returns a rejection, or null when fine. */
    private static Result coordinates(RawRow row, double[] out) {
        RawRow.FieldNames n = row.names();
        Double x = number(row.x());
        if (x == null) {
            return Result.rejected(row.line(), n.x(), row.x(), row.x() == null ? "missing coordinate" : "not a number");
        }
        Double y = number(row.y());
        if (y == null) {
            return Result.rejected(row.line(), n.y(), row.y(), row.y() == null ? "missing coordinate" : "not a number");
        }
        if (x == 0 && y == 0) {
            return Result.rejected(row.line(), n.x() + "," + n.y(), "0,0",
                    "coordinates are 0,0: the location is missing in the source");
        }
        if (row.gridCoordinates()) {
            if (x < 0 || x > 700_000) {
                return Result.rejected(row.line(), n.x(), row.x(), "out of range: British National Grid eastings are 0 to 700000 m");
            }
            if (y < 0 || y > 1_300_000) {
                return Result.rejected(row.line(), n.y(), row.y(), "out of range: British National Grid northings are 0 to 1300000 m");
            }
        } else {
            if (x < -180 || x > 180) {
                return Result.rejected(row.line(), n.x(), row.x(), "out of range: longitude must be -180 to 180");
            }
            if (y < -90 || y > 90) {
                return Result.rejected(row.line(), n.y(), row.y(), "out of range: latitude must be -90 to 90");
            }
        }
        out[0] = x;
        out[1] = y;
        return null;
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean sensitive(RawRow row) {
        if (row.sensitive() != null) {
            return switch (row.sensitive().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                default -> false;
            };
        }
        // police.uk data is already public and anonymised; its "Violence and sexual offences"
        // label must not make every violent crime sensitive.
        return format != IncidentFormat.POLICE_CSV && SENSITIVE_LABEL.matcher(row.category()).find();
    }

    private String key(RawRow row, TimeSpan when) {
        if (row.crimeId() != null && !row.idIsLocal()) {
            return keys.forId(format == IncidentFormat.COUNCIL_CSV ? "council" : "crime", row.crimeId());
        }
        // These fields and this order are frozen: a key computed otherwise would not match the keys
        // already stored, and a re-import would add the same rows again. A new detail stays out.
        return keys.forContent(format.key(), when.start().toString(), when.end().toString(), row.category(),
                row.x(), row.y(), row.detail(LOCATION), row.detail(LSOA_CODE), row.detail(OUTCOME),
                row.detail(CONTEXT), row.crimeId(), row.detail(REPORTED_BY), row.detail(FALLS_WITHIN));
    }
}
