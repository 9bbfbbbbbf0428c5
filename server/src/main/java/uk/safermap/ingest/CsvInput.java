package uk.safermap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A CSV file read with Commons CSV: header on the first line, columns found by name
 * (case, spaces, underscores and hyphens ignored) so column order never matters.
 */
final class CsvInput {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).build();

    private final CSVParser parser;
    private final List<String> header;

    CsvInput(InputStream in, String formatName) {
        try {
            // Bytes that are not UTF-8 are an error, not a silent U+FFFD in the stored text.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            skipByteOrderMark(reader);
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (CharacterCodingException e) {
            throw notUtf8(formatName, "near the start");
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(formatName, "near the start");
            }
            throw new FormatException("not a " + formatName + " file: the header line cannot be read (" + e.getMessage() + ")");
        }
        this.header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new FormatException("not a " + formatName + " file: it is empty or has no header line");
        }
    }

    /** Text is read ahead in blocks, so the place is approximate: the first bad byte is at or after it. */
    private static FormatException notUtf8(String formatName, String where) {
        return new FormatException("the " + formatName + " file holds bytes " + where + " that are not valid UTF-8 "
                + "text; save it as UTF-8 (in Excel: CSV UTF-8) and import it again");
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The header name present in the file for the first matching alias. */
    Optional<String> column(String... aliases) {
        for (String alias : aliases) {
            for (String h : header) {
                if (key(h).equals(key(alias))) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }

    /** The header present in the file for each detail, by the format's aliases; details with none are left out. */
    Map<IncidentDetail, String> detailColumns(Function<IncidentDetail, List<String>> aliases) {
        Map<IncidentDetail, String> out = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            column(aliases.apply(d).toArray(String[]::new)).ifPresent(h -> out.put(d, h));
        }
        return out;
    }

    /** A record's descriptive texts from the columns {@link #detailColumns} found. */
    static IncidentDetails details(CSVRecord r, Map<IncidentDetail, String> columns) {
        Map<IncidentDetail, String> out = new EnumMap<>(IncidentDetail.class);
        columns.forEach((d, h) -> out.put(d, value(r, Optional.of(h))));
        return new IncidentDetails(out);
    }

    List<String> header() {
        return header;
    }

    /**
     * Visits every record. The line reported is the record number plus one for the header, the
     * physical line when no field spans lines. A structurally broken file (an unclosed quote)
     * is a format error: nothing after it can be trusted.
     */
    void forEach(Consumer<CSVRecord> visitor, String formatName) {
        long last = 1;
        try {
            for (CSVRecord r : parser) {
                last = r.getRecordNumber() + 1;
                visitor.accept(r);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(formatName, "after line " + last);
            }
            throw new FormatException("malformed " + formatName + " after line " + last + ": " + e.getMessage());
        }
    }

    /** The value of a column in a record, null when the column is absent or the row is short. */
    static String value(CSVRecord r, Optional<String> column) {
        // isSet: the column is in the header and this row is long enough to hold it.
        if (column.isEmpty() || !r.isSet(column.get())) {
            return null;
        }
        String v = r.get(column.get());
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The first field of the record holding a NUL character, as a {@link Rejection#nulCharacter}. */
    Optional<Rejection> nulCharacter(CSVRecord r) {
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            if (v.indexOf('\0') >= 0) {
                return Optional.of(Rejection.nulCharacter(line(r), i < header.size() ? header.get(i) : "column " + (i + 1), v));
            }
        }
        return Optional.empty();
    }

    static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
