package uk.safermap.store.jdbc;

import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The incident table's columns and one incident's values for them, both ways: what an import
 * writes and how a read maps a row back. The geometry is apart: each store builds it its own
 * fastest way from the BNG coordinates, which end {@link #BEFORE_GEOM}. The columns after it
 * are the {@link IncidentDetail}s, in their declared order, so a new detail is written and read
 * with no edit here.
 */
final class IncidentRow {

    /** The columns before the geometry, which end with the BNG coordinates it is built from. */
    static final String BEFORE_GEOM = "source_key, source_digest, source, import_id, crime_id, month_start, time_start, time_end, "
            + "category, category_label, sensitive, lon, lat, easting, northing";
    static final String AFTER_GEOM = Arrays.stream(IncidentDetail.values()).map(IncidentDetail::column)
            .collect(Collectors.joining(", "));
    /** Every column but the geometry, in the order of {@link #values}. */
    static final String WITHOUT_GEOM = BEFORE_GEOM + ", " + AFTER_GEOM;
    static final int BEFORE_GEOM_COUNT = 15;
    static final int COUNT_WITHOUT_GEOM = BEFORE_GEOM_COUNT + IncidentDetail.values().length;
    /** Where the location text is among {@link #values}. */
    static final int LOCATION = BEFORE_GEOM_COUNT + IncidentDetail.LOCATION.ordinal();
    /** The columns {@link #incident} reads: the id and every column but the geometry. */
    static final String READ = "id, " + WITHOUT_GEOM;

    private IncidentRow() {
    }

    /**
     * Values in {@link #WITHOUT_GEOM} order; texts are cut to their column widths. Dates and times are
     * {@code java.time} values: JDBC binds them as they are, and so does {@link BinaryCopyWriter}.
     */
    static Object[] values(Incident inc, long importId, UUID digest) {
        Object[] v = Arrays.copyOf(new Object[] {
            inc.sourceKey(), digest, inc.source(), importId, cut(inc.crimeId(), 100), inc.month().atDay(1),
            inc.when().start(), inc.when().end(), inc.category().slug(),
            cut(inc.categoryLabel(), 200), inc.sensitive(), inc.lon(), inc.lat(), inc.easting(), inc.northing()},
            COUNT_WITHOUT_GEOM);
        for (IncidentDetail d : IncidentDetail.values()) {
            v[BEFORE_GEOM_COUNT + d.ordinal()] = cut(inc.detail(d), d.maxLength());
        }
        return v;
    }

    /** The incident on the current row of a result of {@link #READ}. */
    static Incident incident(ResultSet rs) throws SQLException {
        Map<IncidentDetail, String> details = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            details.put(d, rs.getString(d.column()));
        }
        return new Incident(rs.getLong("id"), rs.getString("source_key"), rs.getString("source"),
                rs.getString("crime_id"), YearMonth.from(rs.getDate("month_start").toLocalDate()),
                new TimeSpan(Jdbc.dateTime(rs.getTimestamp("time_start")), Jdbc.dateTime(rs.getTimestamp("time_end"))),
                Category.fromSlug(rs.getString("category")).orElse(Category.OTHER_CRIME),
                rs.getString("category_label"), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getDouble("easting"), rs.getDouble("northing"), rs.getBoolean("sensitive"),
                new IncidentDetails(details));
    }

    static String cut(String s, int max) {
        s = emptyAsNull(s);
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
