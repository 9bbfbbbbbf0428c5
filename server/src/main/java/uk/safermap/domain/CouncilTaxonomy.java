package uk.safermap.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The council's case types and the labels that map to each, read from a CSV with the header
 * {@code type,type_label,colour,labels} ({@code labels} separated by semicolons). Labels match
 * ignoring case, spaces and punctuation; a type's slug and its own label always match it. The
 * defaults ship in {@code council-taxonomy.csv}; a council replaces them with its own file.
 * Immutable and thread-safe.
 */
public final class CouncilTaxonomy {

    public static final String DEFAULT_RESOURCE = "/council-taxonomy.csv";

    private final List<CaseType> types;
    private final Map<String, CaseType> byKey = new HashMap<>();

    public CouncilTaxonomy(List<CaseType> types, Map<String, String> labelToSlug) {
        this.types = List.copyOf(types);
        Map<String, CaseType> bySlug = new HashMap<>();
        for (CaseType t : types) {
            if (bySlug.put(t.slug(), t) != null) {
                throw new IllegalArgumentException("case type " + t.slug() + " is listed twice");
            }
            byKey.put(key(t.slug()), t);
            byKey.put(key(t.label()), t);
        }
        labelToSlug.forEach((label, slug) -> {
            CaseType t = bySlug.get(slug);
            if (t == null) {
                throw new IllegalArgumentException("label '" + label + "' maps to unknown case type " + slug);
            }
            CaseType before = byKey.put(key(label), t);
            if (before != null && before != t) {
                throw new IllegalArgumentException("label '" + label + "' maps to both " + before.slug() + " and " + slug);
            }
        });
    }

    /** The shipped default taxonomy. */
    public static CouncilTaxonomy defaults() {
        try (InputStream in = CouncilTaxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
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
    static CouncilTaxonomy read(Reader reader, String name) throws IOException {
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

    public List<CaseType> types() {
        return types;
    }

    /** The type a case label maps to, if any. */
    public Optional<CaseType> typeOf(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(label)));
    }

    /** The type with this slug, exactly. */
    public Optional<CaseType> bySlug(String slug) {
        return types.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The index of a type in {@link #types()}, for per-type arrays. */
    public int indexOf(CaseType type) {
        return types.indexOf(type);
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
