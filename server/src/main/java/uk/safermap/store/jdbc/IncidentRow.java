package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;

/**
 * The columns an import writes and one incident's values for them. The geometry is apart: each
 * store builds it its own fastest way from the BNG coordinates, which end {@link #BEFORE_GEOM}.
 */
final class IncidentRow {

    /** The columns before the geometry, which end with the BNG coordinates it is built from. */
    static final String BEFORE_GEOM = "source_key, source, import_id, crime_id, month_start, time_start, time_end, "
            + "category, category_label, sensitive, lon, lat, easting, northing";
    static final String AFTER_GEOM = "location, lsoa_code, lsoa_name, outcome, context, reported_by, falls_within";
    /** Every column but the geometry, in the order of {@link #values}. */
    static final String WITHOUT_GEOM = BEFORE_GEOM + ", " + AFTER_GEOM;
    static final int BEFORE_GEOM_COUNT = 14;
    static final int COUNT_WITHOUT_GEOM = 21;

    private IncidentRow() {
    }

    /**
     * Values in {@link #WITHOUT_GEOM} order; texts are cut to their column widths. Dates and times are
     * {@code java.time} values: JDBC binds them as they are, and their ISO text is what COPY reads.
     */
    static Object[] values(Incident inc, long importId) {
        return new Object[] {
            inc.sourceKey(), inc.source(), importId, cut(inc.crimeId(), 100), inc.month().atDay(1),
            inc.when().start(), inc.when().end(), inc.category().slug(),
            cut(inc.categoryLabel(), 200), inc.sensitive(), inc.lon(), inc.lat(), inc.easting(), inc.northing(),
            cut(inc.location(), 500), cut(inc.lsoaCode(), 20), cut(inc.lsoaName(), 200), cut(inc.outcome(), 200),
            cut(inc.context(), 2000), cut(inc.reportedBy(), 200), cut(inc.fallsWithin(), 200)};
    }

    static String cut(String s, int max) {
        s = emptyAsNull(s);
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
