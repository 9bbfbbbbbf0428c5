package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.IncidentDetail;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * data.police.uk street-level CSV: {@code Crime ID, Month, Reported by, Falls within, Longitude,
 * Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category, Context}.
 * Month is YYYY-MM only; ASB rows have no Crime ID.
 */
final class PoliceCsvReader implements IncidentReader {

    static final String NAME = "data.police.uk street-level CSV";
    private static final List<String> REQUIRED = List.of("Crime ID", "Month", "Longitude", "Latitude", "Crime type");
    private static final RawRow.FieldNames NAMES =
            new RawRow.FieldNames("Crime ID", "Month", "Crime type", "Longitude", "Latitude");

    @Override
    public void read(InputStream in, Consumer<RawRow> sink, Consumer<Rejection> rejected) {
        CsvInput csv = new CsvInput(in, NAME);
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED) {
            if (csv.column(required).isEmpty()) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new FormatException("not a " + NAME + ": missing column(s) " + String.join(", ", missing)
                    + "; expected a header like: Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
                    + "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context");
        }
        Optional<String> crimeId = csv.column("Crime ID");
        Optional<String> month = csv.column("Month");
        Optional<String> lon = csv.column("Longitude");
        Optional<String> lat = csv.column("Latitude");
        Optional<String> type = csv.column("Crime type");
        Map<IncidentDetail, String> details =
                csv.detailColumns(d -> d.policeCsv() == null ? List.of() : List.of(d.policeCsv()));
        csv.forEach((CSVRecord r) -> sink.accept(new RawRow(CsvInput.line(r), CsvInput.value(r, crimeId), false,
                CsvInput.value(r, month), null, null, null, CsvInput.value(r, type),
                CsvInput.value(r, lon), CsvInput.value(r, lat), false, CsvInput.details(r, details),
                null, NAMES)), NAME);
    }

    /** The number of data rows of a police.uk CSV (stop and search), read and not kept. */
    static int countRows(InputStream in) {
        int[] n = {0};
        new CsvInput(in, "data.police.uk stop-and-search CSV").forEach(r -> n[0]++, "data.police.uk stop-and-search CSV");
        return n[0];
    }
}
