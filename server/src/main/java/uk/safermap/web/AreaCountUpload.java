package uk.safermap.web;

import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.store.PopulationStore;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole count per area code, read from a CSV body ({@code code,<column>}) and replacing the
 * stored set: ward populations ({@code PUT /api/wards/populations}) and households per output
 * area ({@code PUT /api/households}). Every row is checked before anything is stored; the first
 * bad one is a 400 naming its line and field.
 */
final class AreaCountUpload {

    /**
     * What is counted in which areas.
     *
     * @param column    the CSV column and JSON member of the counts ("population", "households")
     * @param countKey  the answer's member for how many areas were loaded ("wards", "outputAreas")
     * @param valuesKey the member holding the loaded counts in GET answers
     * @param codes     the area codes a row may name
     * @param codesAre  what an unknown code is not, with where to look ("a ward of the borough; see ...")
     */
    record Kind(String column, String countKey, String valuesKey, Set<String> codes, String codesAre) {
        Kind {
            codes = Set.copyOf(codes);
        }
    }

    private final PopulationStore store;
    private final Kind kind;
    private final long maxBodyBytes;

    private final Clock clock;

    AreaCountUpload(PopulationStore store, Kind kind, long maxBodyBytes, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.kind = kind;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Replaces the counts from the CSV body; {@code source} (query) says where they come from. */
    void put(Context ctx) {
        Map<String, Integer> parsed = read(ctx);
        String source = Optional.ofNullable(ctx.queryParam("source")).orElse("uploaded " + LocalDate.now(clock));
        store.replaceAll(parsed, source);
        Set<String> missing = new TreeSet<>(kind.codes());
        missing.removeAll(parsed.keySet());
        ctx.json(Map.of(kind.countKey(), parsed.size(), "missing", missing, "source", source));
    }

    void get(Context ctx) {
        ctx.json(Map.of(kind.valuesKey(), store.all(), "source", store.source().orElse("")));
    }

    private Map<String, Integer> read(Context ctx) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        String column = kind.column();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                .parse(new InputStreamReader(LimitedInputStream.of(ctx, maxBodyBytes),
                        StandardCharsets.UTF_8))) {
            if (!parser.getHeaderMap().keySet().containsAll(List.of("code", column))) {
                throw ApiException.badRequest("the CSV needs a header code," + column + "; got " + parser.getHeaderNames());
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                String code = rec.get("code");
                if (!kind.codes().contains(code)) {
                    throw ApiException.badRequest("line " + line + ", code: '" + code + "' is not " + kind.codesAre());
                }
                int count;
                try {
                    count = Integer.parseInt(rec.get(column));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("line " + line + ", " + column + ": not a whole number ('"
                            + rec.get(column) + "')");
                }
                if (count < 0) {
                    throw ApiException.badRequest("line " + line + ", " + column + ": must not be negative");
                }
                if (parsed.put(code, count) != null) {
                    throw ApiException.badRequest("line " + line + ", code: '" + code + "' appears twice");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("the body is not a readable CSV: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("the CSV has no rows; nothing was changed");
        }
        return parsed;
    }
}
