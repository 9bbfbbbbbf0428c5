package uk.safermap.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The council's case types and the labels that map to each. Labels match ignoring case, spaces
 * and punctuation; a type's slug and its own label always match it. Read from a file by
 * {@code ingest.CouncilTaxonomyFile}. Immutable and thread-safe.
 */
public final class CouncilTaxonomy {

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
