package uk.safermap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilTaxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link CouncilTaxonomy} from a CSV with the header {@code type,type_label,colour,labels}
 * ({@code labels} separated by semicolons). The defaults ship as {@value #DEFAULT_RESOURCE}; a
 * council replaces them with its own file ({@code SAFERMAP_COUNCIL_TAXONOMY}).
 */
public final class CouncilTaxonomyFile {

    public static final String DEFAULT_RESOURCE = "/council-taxonomy.csv";

    private CouncilTaxonomyFile() {
    }

    /** The shipped default taxonomy. */
    public static CouncilTaxonomy defaults() {
        try (InputStream in = CouncilTaxonomyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEFAULT_RESOURCE, e);
        }
    }

    /** A council's own taxonomy file. */
    public static CouncilTaxonomy read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the council taxonomy " + file, e);
        }
    }

    /** @throws IllegalArgumentException naming the line at fault */
    public static CouncilTaxonomy read(Reader reader, String name) throws IOException {
        List<CaseType> types = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                .parse(reader)) {
            if (!p.getHeaderNames().containsAll(List.of("type", "type_label", "colour", "labels"))) {
                throw new IllegalArgumentException(name + ": the header must be type,type_label,colour,labels");
            }
            for (CSVRecord rec : p) {
                try {
                    CaseType t = new CaseType(rec.get("type"), rec.get("type_label"), rec.get("colour"));
                    types.add(t);
                    for (String label : rec.get("labels").split(";")) {
                        String before = label.isBlank() ? null : labels.put(label.trim(), t.slug());
                        if (before != null && !before.equals(t.slug())) {
                            throw new IllegalArgumentException("label '" + label.trim() + "' maps to both " + before
                                    + " and " + t.slug());
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + (rec.getRecordNumber() + 1) + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return new CouncilTaxonomy(types, labels);
    }
}
