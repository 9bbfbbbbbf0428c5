package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;

import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * data.police.uk outcomes CSV: {@code Crime ID, Month, Reported by, Falls within, Longitude, Latitude,
 * Location, LSOA code, LSOA name, Outcome type}. Each row is an outcome recorded in {@code Month} for
 * a crime published earlier; a crime's last outcome is the one of the latest month, so outcomes are
 * kept in a map by Crime ID, the later month winning whatever order the files come in.
 */
final class PoliceOutcomesReader {

    static final String NAME = "data.police.uk outcomes CSV";
    private static final List<String> REQUIRED = List.of("Crime ID", "Month", "Outcome type");

    /** One crime's latest outcome so far. */
    record Outcome(YearMonth month, String type) {
    }

    /**
     * Reads every row into {@code latest}; rows without a Crime ID, month or outcome go to {@code rejected}.
     *
     * @throws FormatException when the input is not an outcomes file
     */
    void read(InputStream in, Map<String, Outcome> latest, Consumer<Rejection> rejected) {
        CsvInput csv = new CsvInput(in, NAME);
        for (String required : REQUIRED) {
            if (csv.column(required).isEmpty()) {
                throw new FormatException("not a " + NAME + ": missing column " + required + "; expected a header like: "
                        + "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                        + "Outcome type");
            }
        }
        Optional<String> crimeId = csv.column("Crime ID");
        Optional<String> month = csv.column("Month");
        Optional<String> type = csv.column("Outcome type");
        csv.forEach((CSVRecord r) -> {
            String id = CsvInput.value(r, crimeId);
            String m = CsvInput.value(r, month);
            String t = CsvInput.value(r, type);
            if (id == null || t == null) {
                rejected.accept(new Rejection(CsvInput.line(r), id == null ? "Crime ID" : "Outcome type", null,
                        "an outcome needs a Crime ID and an Outcome type"));
                return;
            }
            YearMonth ym;
            try {
                ym = YearMonth.parse(m == null ? "" : m);
            } catch (DateTimeParseException e) {
                rejected.accept(new Rejection(CsvInput.line(r), "Month", m, "unknown month: expected YYYY-MM"));
                return;
            }
            latest.merge(id, new Outcome(ym, t), (old, now) -> now.month().isBefore(old.month()) ? old : now);
        }, NAME);
    }
}
