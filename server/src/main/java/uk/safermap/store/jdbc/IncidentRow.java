package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/** The columns an import writes, and one incident's values for them, in the same order. */
final class IncidentRow {

    static final String COLUMNS = "source_key, source, import_id, crime_id, month_start, time_start, time_end, "
            + "category, category_label, sensitive, lon, lat, easting, northing, geom, location, lsoa_code, "
            + "lsoa_name, outcome, context, reported_by, falls_within";
    static final int COUNT = 22;
    /** Index (0-based) of the geometry among {@link #COLUMNS}; it is written as EWKT text. */
    static final int GEOM = 14;

    private IncidentRow() {
    }

    /** Values in {@link #COLUMNS} order; texts are cut to their column widths. */
    static Object[] values(Incident inc, long importId) {
        return new Object[] {
            inc.sourceKey(), inc.source(), importId, cut(inc.crimeId(), 100), Date.valueOf(inc.month().atDay(1)),
            Timestamp.valueOf(inc.when().start()), Timestamp.valueOf(inc.when().end()), inc.category().slug(),
            cut(inc.categoryLabel(), 200), inc.sensitive(), inc.lon(), inc.lat(), inc.easting(), inc.northing(),
            "SRID=27700;POINT(" + inc.easting() + " " + inc.northing() + ")",
            cut(inc.location(), 500), cut(inc.lsoaCode(), 20), cut(inc.lsoaName(), 200), cut(inc.outcome(), 200),
            cut(inc.context(), 2000), cut(inc.reportedBy(), 200), cut(inc.fallsWithin(), 200)};
    }

    static List<Object[]> values(List<Incident> batch, long importId) {
        return batch.stream().map(i -> values(i, importId)).toList();
    }

    static String cut(String s, int max) {
        s = emptyAsNull(s);
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
