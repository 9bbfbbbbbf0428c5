package uk.safermap.ingest;

import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;

/**
 * One row as a reader found it: text values keyed by meaning, plus the source's own field
 * names so a rejection can point at the column the user sees. Coordinates are either lon/lat
 * ({@code gridCoordinates == false}) or British National Grid easting/northing.
 * {@code idIsLocal} marks an id that only numbers rows within one file (a GeoJSON feature id,
 * which GIS exports restart at 0 in every file), so it cannot identify an incident on its own.
 * The descriptive texts are read by each reader for every {@link IncidentDetail}.
 */
record RawRow(long line, String crimeId, boolean idIsLocal, String month, String date, String time, String dateTime,
              String category, String x, String y, boolean gridCoordinates, IncidentDetails details,
              String sensitive, FieldNames names) {

    /** One descriptive text, or null. */
    String detail(IncidentDetail d) {
        return details.get(d);
    }

    /** The names the source uses for the fields a rejection may point at. */
    record FieldNames(String crimeId, String date, String category, String x, String y) {
    }
}
