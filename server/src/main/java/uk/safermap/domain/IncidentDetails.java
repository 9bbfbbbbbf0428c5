package uk.safermap.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An incident's descriptive texts by {@link IncidentDetail}; an absent or blank text is not held,
 * so {@link #get} answers null for it.
 */
public record IncidentDetails(Map<IncidentDetail, String> values) {

    private static final IncidentDetails NONE = new IncidentDetails(Map.of());

    public IncidentDetails {
        Map<IncidentDetail, String> copy = new EnumMap<>(IncidentDetail.class);
        values.forEach((d, v) -> {
            if (v != null && !v.isBlank()) {
                copy.put(d, v);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static IncidentDetails none() {
        return NONE;
    }

    /** The text, or null when the source gave none. */
    public String get(IncidentDetail d) {
        return values.get(d);
    }

    /** These details with one text replaced (or removed, when null). */
    public IncidentDetails with(IncidentDetail d, String value) {
        Map<IncidentDetail, String> copy = new EnumMap<>(IncidentDetail.class);
        copy.putAll(values);
        copy.put(d, value);
        return new IncidentDetails(copy);
    }
}
