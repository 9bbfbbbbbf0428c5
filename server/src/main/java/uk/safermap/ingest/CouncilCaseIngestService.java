package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.CouncilCaseStore;
import uk.safermap.store.KeyedImportSession;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports a council case export (the council CSV columns: easting, northing, a case type label,
 * a date or date-time, optional reference and location) as council cases of the
 * {@link CouncilTaxonomy}: the label chooses the type, and a label the taxonomy does not know is
 * a bad row naming the known types. One store transaction per file; a reference is the key, so a
 * second import adds nothing. Thread-safe: each call has its own state.
 */
public final class CouncilCaseIngestService {

    private static final int BATCH_SIZE = 1000;

    private final CouncilCaseStore store;
    private final CouncilTaxonomy taxonomy;
    private final BritishNationalGrid grid;
    private final ServiceArea area;
    private final Clock clock;

    public CouncilCaseIngestService(CouncilCaseStore store, CouncilTaxonomy taxonomy, BritishNationalGrid grid,
                                    ServiceArea area, Clock clock) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.grid = grid;
        this.area = area;
        this.clock = clock;
    }

    /** @throws FormatException when the header lacks the council CSV columns; nothing is stored then */
    public ImportReport importStream(InputStream in, String sourceName) {
        CsvInput csv = new CsvInput(in, "council case CSV");
        Optional<String> easting = csv.column(CouncilCsvReader.Columns.EASTING);
        Optional<String> northing = csv.column(CouncilCsvReader.Columns.NORTHING);
        Optional<String> dateTime = csv.column(CouncilCsvReader.Columns.DATETIME);
        Optional<String> date = csv.column(CouncilCsvReader.Columns.DATE);
        Optional<String> label = csv.column(CouncilCsvReader.Columns.CATEGORY);
        if (easting.isEmpty() || northing.isEmpty() || label.isEmpty() || (date.isEmpty() && dateTime.isEmpty())) {
            throw new FormatException("not a council case CSV: it needs columns easting, northing, category (or "
                    + "case_type) and date (or datetime); found " + String.join(", ", csv.header()));
        }
        Columns cols = new Columns(easting.get(), northing.get(), dateTime, date, csv.column(CouncilCsvReader.Columns.TIME),
                label.get(), csv.column(CouncilCsvReader.Columns.REFERENCE), csv.column(CouncilCsvReader.Columns.LOCATION));
        LocalDateTime now = LocalDateTime.now(clock.withZone(WhenParser.LONDON));
        SourceKeys keys = new SourceKeys();
        try (KeyedImportSession<CouncilCase> session = store.beginImport(sourceName)) {
            Map<String, CouncilCase> batch = new LinkedHashMap<>();
            List<Rejection> rejections = new ArrayList<>();
            int[] counts = new int[3]; // valid, imported, rejected
            csv.forEach(r -> {
                Row result = csv.nulCharacter(r).map(nul -> new Row(null, nul)).orElseGet(() -> row(r, cols, keys, now));
                if (result.rejection() != null) {
                    counts[2]++;
                    if (rejections.size() < IngestService.MAX_REPORTED_REJECTIONS) {
                        rejections.add(result.rejection());
                    }
                    return;
                }
                CouncilCase c = result.councilCase();
                counts[0]++;
                batch.put(c.sourceKey(), c);
                if (batch.size() == BATCH_SIZE) {
                    counts[1] += session.add(List.copyOf(batch.values()));
                    batch.clear();
                }
            }, "council case CSV");
            counts[1] += session.add(List.copyOf(batch.values()));
            long id = session.commit(counts[0] - counts[1], counts[2]);
            // Rows outside the service area are rejections here (a council's own log), not counted apart.
            return new ImportReport(id, counts[1], counts[0] - counts[1], 0, 0, 0, 0, List.of(),
                    List.copyOf(rejections), counts[2], counts[2] > rejections.size());
        }
    }

    /** The header names found for each field. */
    private record Columns(String easting, String northing, Optional<String> dateTime, Optional<String> date,
                           Optional<String> time, String label, Optional<String> reference, Optional<String> location) {
    }

    /** One row read: exactly one of the two is present. */
    private record Row(CouncilCase councilCase, Rejection rejection) {
        static Row rejected(long line, String field, String value, String reason) {
            return new Row(null, new Rejection(line, field, value, reason));
        }
    }

    /** A {@link CouncilCase}, or the {@link Rejection} saying why the row is not one. */
    private Row row(CSVRecord r, Columns c, SourceKeys keys, LocalDateTime now) {
        long line = CsvInput.line(r);
        String text = CsvInput.value(r, Optional.of(c.label()));
        Optional<CaseType> type = taxonomy.typeOf(text);
        if (type.isEmpty()) {
            return Row.rejected(line, c.label(), text, text == null ? "missing case type"
                    : "unknown case type: not in the council taxonomy (" + taxonomy.types().stream()
                    .map(CaseType::slug).collect(Collectors.joining(", ")) + ")");
        }
        String dateTimeText = CsvInput.value(r, c.dateTime());
        String dateText = CsvInput.value(r, c.date());
        String timeText = CsvInput.value(r, c.time());
        Optional<TimeSpan> when = dateTimeText != null ? WhenParser.dateTime(dateTimeText)
                : dateText != null ? WhenParser.date(dateText, timeText) : Optional.empty();
        String dateColumn = c.dateTime().orElseGet(() -> c.date().orElseThrow());
        if (when.isEmpty()) {
            String given = dateTimeText != null ? dateTimeText : dateText;
            return Row.rejected(line, dateColumn, given, given == null ? "missing date"
                    : "unknown date: expected " + WhenParser.ACCEPTED);
        }
        if (when.get().start().isAfter(now)) {
            return Row.rejected(line, dateColumn, when.get().start().toString(), "date is in the future");
        }
        String xText = CsvInput.value(r, Optional.of(c.easting()));
        String yText = CsvInput.value(r, Optional.of(c.northing()));
        double x;
        double y;
        try {
            x = Double.parseDouble(xText);
            y = Double.parseDouble(yText);
        } catch (NumberFormatException | NullPointerException e) {
            return Row.rejected(line, c.easting() + "," + c.northing(), xText + "," + yText,
                    "coordinates must be British National Grid metres");
        }
        if (!area.contains(x, y)) {
            return Row.rejected(line, c.easting() + "," + c.northing(), xText + "," + yText,
                    "outside the service area (" + area.description() + ")");
        }
        String reference = CsvInput.value(r, c.reference());
        String location = CsvInput.value(r, c.location());
        String key = reference != null ? keys.forId("case", reference)
                : keys.forContent("council-cases", when.get().start().toString(), text, xText, yText, location);
        double[] lonLat = grid.toWgs84(x, y);
        LocalTime time = when.get().isInstant() ? when.get().start().toLocalTime() : null;
        return new Row(new CouncilCase(0, key, type.get(), text, reference, when.get().start().toLocalDate(), time,
                lonLat[0], lonLat[1], x, y, location), null);
    }
}
