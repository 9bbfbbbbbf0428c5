package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.IncidentDetail;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A council case export with British National Grid coordinates. Columns are found by header
 * name, in any order; the accepted names (case and separators ignored) are listed in
 * {@link Columns}, {@link IncidentDetail#councilCsv()} and the README. Required: easting,
 * northing, a category, and a date or a date-time.
 */
final class CouncilCsvReader implements IncidentReader {

    static final String NAME = "council case CSV";

    /** Accepted header names for each field, first match wins. */
    static final class Columns {
        static final String[] EASTING = {"easting", "x", "grid_easting", "bng_easting", "east"};
        static final String[] NORTHING = {"northing", "y", "grid_northing", "bng_northing", "north"};
        static final String[] DATETIME = {"datetime", "date_time", "occurred_at", "incident_datetime", "reported_at"};
        static final String[] DATE = {"date", "incident_date", "occurred_date", "occurred_on", "reported_date"};
        static final String[] TIME = {"time", "incident_time", "occurred_time"};
        static final String[] CATEGORY = {"category", "incident_type", "type", "crime_type", "offence", "case_type"};
        /** Also read by the other council imports (cases, speed concerns). */
        static final String[] LOCATION = IncidentDetail.LOCATION.councilCsv().toArray(String[]::new);
        static final String[] REFERENCE = {"reference", "ref", "case_reference", "case_ref", "case_id", "case_number", "id"};
        static final String[] SENSITIVE = {"sensitive", "restricted", "confidential"};

        private Columns() {
        }
    }

    @Override
    public void read(InputStream in, Consumer<RawRow> sink, Consumer<Rejection> rejected) {
        CsvInput csv = new CsvInput(in, NAME);
        Optional<String> easting = csv.column(Columns.EASTING);
        Optional<String> northing = csv.column(Columns.NORTHING);
        Optional<String> dateTime = csv.column(Columns.DATETIME);
        Optional<String> date = csv.column(Columns.DATE);
        Optional<String> category = csv.column(Columns.CATEGORY);
        if (easting.isEmpty() || northing.isEmpty() || category.isEmpty() || (date.isEmpty() && dateTime.isEmpty())) {
            throw new FormatException("not a " + NAME + ": it needs columns easting, northing, category and date "
                    + "(or datetime); found " + String.join(", ", csv.header()));
        }
        Optional<String> time = csv.column(Columns.TIME);
        Optional<String> reference = csv.column(Columns.REFERENCE);
        Optional<String> sensitive = csv.column(Columns.SENSITIVE);
        Map<IncidentDetail, String> details = csv.detailColumns(IncidentDetail::councilCsv);
        RawRow.FieldNames names = new RawRow.FieldNames(reference.orElse("reference"),
                dateTime.orElseGet(date::get), category.get(), easting.get(), northing.get());
        csv.forEach((CSVRecord r) -> sink.accept(new RawRow(CsvInput.line(r), CsvInput.value(r, reference), false, null,
                CsvInput.value(r, date), CsvInput.value(r, time), CsvInput.value(r, dateTime),
                CsvInput.value(r, category), CsvInput.value(r, easting), CsvInput.value(r, northing), true,
                CsvInput.details(r, details), CsvInput.value(r, sensitive), names)), NAME);
    }
}
